/// The order of a region's service clusters (the boxes of one type beside the VPCs): connected clusters next to
/// each other, and the clusters connected to what is outside the strip (the VPCs, other regions) first, since the
/// strip's first column stands beside the VPCs. Edges come out shorter and cross less than in type order.
///
/// Breadth first (as Cuthill–McKee orders a sparse matrix to keep its entries near the diagonal): the cluster with
/// the most connections outside the strip opens; then, each time, the remaining cluster connected to the earliest
/// placed one, then with the most connections to all placed, then outside; ties keep type order. A cluster thus
/// follows the one it hangs on before the clusters of later ones, and lands in the same or the next line of the
/// grid. Clusters connected to nothing close the order, in type order. Pure and deterministic.
enum ClusterOrder {
    /// One strip's clusters: each cluster's position in the strip, given the connections between clusters
    /// (`between[i][j]`, symmetric) and from each cluster to outside the strip (`outside[i]`). Clusters arrive in
    /// type order; the result lists their indices in drawing order.
    static func order(between: [[Int]], outside: [Int]) -> [Int] {
        let count = outside.count
        var placed: [Int] = []
        var remaining = Array(0..<count)
        var toPlaced = [Int](repeating: 0, count: count)
        // The position of the first placed cluster each one is connected to (count: none yet).
        var earliest = [Int](repeating: count, count: count)
        func connections(_ index: Int) -> Int { outside[index] + between[index].reduce(0, +) }
        while !remaining.isEmpty {
            var best = remaining[0]
            var bestScore = (Int.min, Int.min, Int.min, Int.min)
            for index in remaining {
                // When nothing placed is connected to any of the rest, this opens a new connected part with the
                // cluster best connected outside (then at all).
                let score = (-earliest[index], toPlaced[index], outside[index], connections(index))
                if score > bestScore {
                    best = index
                    bestScore = score
                }
            }
            for index in remaining where between[best][index] > 0 && earliest[index] == count {
                earliest[index] = placed.count
            }
            placed.append(best)
            remaining.removeAll { $0 == best }
            for index in remaining { toPlaced[index] += between[best][index] }
        }
        return placed
    }

    /// Ranks the clusters of every service strip (`strips`: each strip's clusters, each cluster its members'
    /// ARNs) by `connections` (pairs of ARNs). Returns, per strip, each cluster's rank.
    static func ranks(strips: [[[String]]], connections: some Sequence<(String, String)>) -> [[Int]] {
        var home: [String: (strip: Int, cluster: Int)] = [:]
        for (s, clusters) in strips.enumerated() {
            for (c, arns) in clusters.enumerated() {
                for arn in arns { home[arn] = (s, c) }
            }
        }
        var between = strips.map { clusters in clusters.map { _ in [Int](repeating: 0, count: clusters.count) } }
        var outside = strips.map { [Int](repeating: 0, count: $0.count) }
        for (from, to) in connections {
            let a = home[from], b = home[to]
            if let a, let b, a.strip == b.strip {
                guard a.cluster != b.cluster else { continue }
                between[a.strip][a.cluster][b.cluster] += 1
                between[a.strip][b.cluster][a.cluster] += 1
                continue
            }
            if let a { outside[a.strip][a.cluster] += 1 }
            if let b { outside[b.strip][b.cluster] += 1 }
        }
        return strips.indices.map { s in
            let order = order(between: between[s], outside: outside[s])
            var rank = [Int](repeating: 0, count: order.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            return rank
        }
    }

    /// The order of the members inside their clusters, once the clusters are ranked (`ranks`, as ``ranks(strips:
    /// connections:)`` gives them): the barycentre heuristic of layered drawing. A member connected to other
    /// clusters of its strip stands by the mean rank of those clusters (×100), so it sits on the side of its
    /// cluster facing them; a member connected to none stands after them (by key, as before).
    static func memberRanks(
        strips: [[[String]]], ranks: [[Int]], connections: some Sequence<(String, String)>
    ) -> [String: Int] {
        var home: [String: (strip: Int, cluster: Int)] = [:]
        for (s, clusters) in strips.enumerated() {
            for (c, arns) in clusters.enumerated() {
                for arn in arns { home[arn] = (s, c) }
            }
        }
        var sums: [String: (total: Int, count: Int)] = [:]
        for (from, to) in connections {
            guard let a = home[from], let b = home[to], a.strip == b.strip, a.cluster != b.cluster else { continue }
            sums[from, default: (0, 0)].total += ranks[b.strip][b.cluster]
            sums[from, default: (0, 0)].count += 1
            sums[to, default: (0, 0)].total += ranks[a.strip][a.cluster]
            sums[to, default: (0, 0)].count += 1
        }
        var result: [String: Int] = [:]
        for arn in home.keys { result[arn] = sums[arn].map { $0.total * 100 / $0.count } ?? Int.max }
        return result
    }
}

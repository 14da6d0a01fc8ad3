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
    /// ARNs) by `connections` (pairs of ARNs), and the members inside their clusters: the barycentre heuristic of
    /// layered drawing, a member connected to other clusters of its strip standing by the mean rank of those
    /// clusters (×100), on the side of its cluster facing them. Members connected to no other cluster of their
    /// strip are left out of `members` (they stand after the others, by key). One pass over the connections.
    static func ranks(
        strips: [[[String]]], connections: some Sequence<(String, String)>
    ) -> (clusters: [[Int]], members: [String: Int]) {
        var home: [String: (strip: Int, cluster: Int)] = [:]
        for (s, clusters) in strips.enumerated() {
            for (c, arns) in clusters.enumerated() {
                for arn in arns { home[arn] = (s, c) }
            }
        }
        var between = strips.map { clusters in clusters.map { _ in [Int](repeating: 0, count: clusters.count) } }
        var outside = strips.map { [Int](repeating: 0, count: $0.count) }
        // A member and the other cluster (of its strip) it is connected to.
        var links: [(arn: String, strip: Int, cluster: Int)] = []
        for (from, to) in connections {
            let a = home[from], b = home[to]
            if let a, let b, a.strip == b.strip {
                guard a.cluster != b.cluster else { continue }
                between[a.strip][a.cluster][b.cluster] += 1
                between[a.strip][b.cluster][a.cluster] += 1
                links.append((from, b.strip, b.cluster))
                links.append((to, a.strip, a.cluster))
                continue
            }
            if let a { outside[a.strip][a.cluster] += 1 }
            if let b { outside[b.strip][b.cluster] += 1 }
        }
        let ranks = strips.indices.map { s in
            let order = order(between: between[s], outside: outside[s])
            var rank = [Int](repeating: 0, count: order.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            return rank
        }
        var sums: [String: (total: Int, count: Int)] = [:]
        for link in links {
            sums[link.arn, default: (0, 0)].total += ranks[link.strip][link.cluster]
            sums[link.arn, default: (0, 0)].count += 1
        }
        return (ranks, sums.mapValues { $0.total * 100 / $0.count })
    }
}

import SkyplanDiagram
import SkyplanModel

/// Routes connections in grid space so they do not run through unrelated components where that can
/// be avoided: the straight line when it is free, else the best of a few orthogonal L and Z routes
/// through the free channels between component cells. Shared by both projections.
struct EdgeRouter {
    typealias Point = (x: Double, y: Double)

    private let rects: [GridRect]
    private var buckets: [Int64: [Int32]] = [:]
    /// Components too big (or too far out) to bucket: checked against every segment.
    private var oversized: [Int32] = []
    private let bucketSize = 8.0
    /// Past this many edges, draw them straight (routing would cost more than it helps).
    static let routingLimit = 20_000
    /// Most buckets one component may occupy, and one segment may walk through: the work stays bounded
    /// by the number of components, not by how far apart stored coordinates are (an edge from [0,0] to
    /// [1e15,1e15] walked 10^14 buckets).
    static let bucketLimit: Int64 = 4_096

    init(nodes: [BlueprintNode]) {
        rects = nodes.map(\.rect)
        for (index, rect) in rects.enumerated() {
            if let keys = keys(rect) {
                for key in keys { buckets[key, default: []].append(Int32(index)) }
            } else {
                oversized.append(Int32(index))
            }
        }
    }

    private func bucket(_ value: Double) -> Int64 { Int64(saturating: (value / bucketSize).rounded(.down)) }

    /// The bucket keys of `rect`, or nil when it spans more than ``bucketLimit`` of them.
    private func keys(_ rect: GridRect) -> [Int64]? {
        let x0 = bucket(rect.minX), x1 = bucket(rect.maxX), y0 = bucket(rect.minY), y1 = bucket(rect.maxY)
        let (spanX, overflowX) = x1.subtractingReportingOverflow(x0)
        let (spanY, overflowY) = y1.subtractingReportingOverflow(y0)
        guard !overflowX, !overflowY, spanX >= 0, spanY >= 0, spanX < Self.bucketLimit, spanY < Self.bucketLimit,
            (spanX + 1) * (spanY + 1) <= Self.bucketLimit
        else { return nil }
        var result: [Int64] = []
        for x in x0...x1 { for y in y0...y1 { result.append(x &* 1_000_003 &+ y) } }
        return result
    }

    /// How many components other than `from` and `to` the polyline crosses; stops counting past `limit`.
    func hits(_ points: [Point], excluding from: Int, _ to: Int, limit: Int = .max) -> Int {
        var seen: [Int32] = []
        for (a, b) in zip(points, points.dropFirst()) {
            var exceeded = false
            forEachBucket(a, b) { bucket in
                for index in bucket where Int(index) != from && Int(index) != to && !seen.contains(index) {
                    if Self.segment(a, b, crosses: rects[Int(index)]) {
                        seen.append(index)
                        if seen.count > limit {
                            exceeded = true
                            return false
                        }
                    }
                }
                return true
            }
            if !exceeded, !oversized.isEmpty {
                for index in oversized where Int(index) != from && Int(index) != to && !seen.contains(index) {
                    if Self.segment(a, b, crosses: rects[Int(index)]) {
                        seen.append(index)
                        if seen.count > limit {
                            exceeded = true
                            break
                        }
                    }
                }
            }
            if exceeded { break }
        }
        return seen.count
    }

    /// Visits the buckets the segment a→b passes through (grid traversal, Amanatides–Woo), until
    /// `visit` returns false. A segment through more than ``bucketLimit`` buckets visits every occupied
    /// bucket instead.
    private func forEachBucket(_ a: Point, _ b: Point, _ visit: ([Int32]) -> Bool) {
        var x = bucket(a.x), y = bucket(a.y)
        let endX = bucket(b.x), endY = bucket(b.y)
        let (spanX, overflowX) = endX.subtractingReportingOverflow(x)
        let (spanY, overflowY) = endY.subtractingReportingOverflow(y)
        let limit = UInt64(Self.bucketLimit)
        guard !overflowX, !overflowY, spanX.magnitude <= limit, spanY.magnitude <= limit,
            spanX.magnitude + spanY.magnitude <= limit
        else {
            for bucket in buckets.values where !visit(bucket) { return }
            return
        }
        let dx = b.x - a.x, dy = b.y - a.y
        let stepX: Int64 = dx > 0 ? 1 : -1, stepY: Int64 = dy > 0 ? 1 : -1
        let deltaX = dx == 0 ? Double.infinity : bucketSize / abs(dx)
        let deltaY = dy == 0 ? Double.infinity : bucketSize / abs(dy)
        let nextX = dx > 0 ? ((Double(x) + 1) * bucketSize - a.x) : (a.x - Double(x) * bucketSize)
        let nextY = dy > 0 ? ((Double(y) + 1) * bucketSize - a.y) : (a.y - Double(y) * bucketSize)
        var tX = dx == 0 ? Double.infinity : nextX / abs(dx)
        var tY = dy == 0 ? Double.infinity : nextY / abs(dy)
        var steps = 0
        let maxSteps = Int(spanX.magnitude + spanY.magnitude) + 2
        while steps <= maxSteps {
            if let bucket = buckets[x &* 1_000_003 &+ y], !visit(bucket) { return }
            if x == endX && y == endY { return }
            if tX < tY {
                x &+= stepX
                tX += deltaX
            } else {
                y &+= stepY
                tY += deltaY
            }
            steps += 1
        }
    }

    /// Waypoints from the centre of node `from` to the centre of node `to`.
    func route(from: Int, to: Int, limitReached: Bool) -> [Point] {
        let a = center(rects[from]), b = center(rects[to])
        let straight = [a, b]
        if limitReached { return straight }
        let straightHits = hits(straight, excluding: from, to)
        if straightHits == 0 { return straight }
        var candidates: [[Point]] = [[a, (b.x, a.y), b], [a, (a.x, b.y), b]]
        for mx in [a.x - 1.5, a.x + 2.5, b.x - 1.5, b.x + 2.5, (a.x + b.x) / 2] {
            candidates.append([a, (mx, a.y), (mx, b.y), b])
        }
        for my in [a.y - 1.25, a.y + 2.75, b.y - 1.25, b.y + 2.75, (a.y + b.y) / 2] {
            candidates.append([a, (a.x, my), (b.x, my), b])
        }
        var best = straight
        var bestScore = Double(straightHits) * 1_000 + length(straight)
        for candidate in candidates {
            let base = length(candidate) + Double(candidate.count - 2) * 0.5
            guard base < bestScore else { continue }
            let allowed = Int(saturating: ((bestScore - base) / 1_000).rounded(.down))
            let score = Double(hits(candidate, excluding: from, to, limit: allowed)) * 1_000 + base
            if score < bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    private func center(_ rect: GridRect) -> Point { (rect.minX + rect.size.x / 2, rect.minY + rect.size.y / 2) }

    private func length(_ points: [Point]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { sum, pair in
            let dx = pair.1.x - pair.0.x, dy = pair.1.y - pair.0.y
            return sum + (dx * dx + dy * dy).squareRoot()
        }
    }

    /// Liang–Barsky: the parameter in [0, 1] where the segment a→b enters `rect`, if it does.
    static func entry(_ a: Point, _ b: Point, into rect: GridRect) -> Double? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return nil }
            }
        }
        return t0
    }

    static func segment(_ a: Point, _ b: Point, crosses rect: GridRect) -> Bool {
        let inner = GridRect(
            x: rect.minX + 0.05, y: rect.minY + 0.05, width: rect.size.x - 0.1, height: rect.size.y - 0.1)
        return entry(a, b, into: inner) != nil
    }
}

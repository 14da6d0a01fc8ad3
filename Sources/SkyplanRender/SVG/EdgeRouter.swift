import SkyplanDiagram
import SkyplanModel

/// Routes connections in grid space, orthogonally (along the grid axes, so in isometric view along the
/// grid's diagonals): the best of the L and Z routes through the free channels between component cells,
/// scored by the components it would run through, then the crossings with edges already routed (edges
/// sharing an end may share a trunk: that is how parallel edges bundle), then length and bends. Shared by
/// both projections.
struct EdgeRouter {
    typealias Point = (x: Double, y: Double)

    private let rects: [GridRect]
    /// The nodes' footprints, around which the channels run.
    private let footprints: [GridRect]
    private var buckets: [Int64: [Int32]] = [:]
    /// Components too big (or too far out) to bucket: checked against every segment.
    private var oversized: [Int32] = []
    private let bucketSize = 8.0
    /// Segments routed so far with the nodes they join, for counting crossings (small diagrams only).
    private var routed: [(a: Point, b: Point, from: Int, to: Int, edge: Int)] = []
    private var currentEdge = 0
    private let countsCrossings: Bool
    /// On small diagrams, a route that crosses another edge is worth the wider search too.
    private let avoidsCrossingsHarder: Bool
    /// Past this many edges, draw them straight (routing would cost more than it helps).
    static let routingLimit = 20_000
    /// Most buckets one component may occupy, and one segment may walk through: the work stays bounded
    /// by the number of components, not by how far apart stored coordinates are (an edge from [0,0] to
    /// [1e15,1e15] walked 10^14 buckets).
    static let bucketLimit: Int64 = 4_096
    /// Past this many edges, crossings are not counted (quadratic).
    static let crossingLimit = 1_500

    /// Where an obstacle is tested: the footprint in grid space (2D), or the drawing's box on screen.
    private let screenRects: [GridRect]?
    private let project: (@Sendable (Double, Double) -> Point)?

    /// Edges keep out of the nodes' footprints; in isometric view (`screen`), out of the middle of each
    /// block's drawing on screen (`screen.rects`, one per node), found through `reach` (the ground each
    /// drawing may cover, for the spatial index).
    init(
        nodes: [BlueprintNode],
        screen: (rects: [GridRect], reach: [GridRect], project: @Sendable (Double, Double) -> Point)? = nil,
        edgeCount: Int = 0
    ) {
        self.init(footprints: nodes.map(\.rect), screen: screen, edgeCount: edgeCount)
    }

    /// Edges between the given footprints (nodes, and outlines routed like them).
    init(
        footprints: [GridRect],
        screen: (rects: [GridRect], reach: [GridRect], project: @Sendable (Double, Double) -> Point)? = nil,
        edgeCount: Int = 0
    ) {
        self.footprints = footprints
        rects = screen?.reach ?? footprints
        screenRects = screen?.rects
        project = screen?.project
        countsCrossings = edgeCount <= Self.crossingLimit
        avoidsCrossingsHarder = edgeCount <= 200
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
                    let crosses: Bool
                    if let screenRects, let project {
                        crosses = Self.segment(project(a.x, a.y), project(b.x, b.y), crosses: screenRects[Int(index)])
                    } else {
                        crosses = Self.segment(a, b, crosses: rects[Int(index)])
                    }
                    if crosses {
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

    /// Routes every edge (`from`/`to` node indices, `a`/`b` their centres). With few enough edges to count
    /// crossings, a second pass routes each edge again knowing where all the others went.
    mutating func routeAll(_ edges: [(from: Int, to: Int, a: Point, b: Point)], limitReached: Bool) -> [[Point]] {
        if limitReached { return edges.map { [$0.a, $0.b] } }
        var routes: [[Point]] = []
        routes.reserveCapacity(edges.count)
        for (index, edge) in edges.enumerated() {
            routes.append(route(edge.from, edge.to, edge.a, edge.b))
            record(routes[index], edge.from, edge.to)
        }
        guard countsCrossings else { return routes }
        for (index, edge) in edges.enumerated() {
            routed.removeAll { $0.edge == index }
            currentEdge = index
            routes[index] = route(edge.from, edge.to, edge.a, edge.b)
            record(routes[index], edge.from, edge.to)
        }
        return routes
    }

    private mutating func record(_ points: [Point], _ from: Int, _ to: Int) {
        guard countsCrossings else { return }
        for (p, q) in zip(points, points.dropFirst()) { routed.append((p, q, from, to, currentEdge)) }
        currentEdge += 1
    }

    /// The best orthogonal route from `a` (centre of node `from`) to `b` (centre of node `to`).
    private func route(_ from: Int, _ to: Int, _ a: Point, _ b: Point) -> [Point] {
        var candidates: [[Point]] = []
        if a.x == b.x || a.y == b.y { candidates.append([a, b]) }
        candidates += [[a, (b.x, a.y), b], [a, (a.x, b.y), b]]
        // The channels around the two ends, found from their footprints (the cells around them are 1.2 to 1.8
        // units apart, the row below starts 1.45 or more under a footprint; the names hang in between).
        let ra = footprints[from], rb = footprints[to]
        for mx in [
            ra.minX - 0.6, ra.maxX + 0.6, rb.minX - 0.6, rb.maxX + 0.6, (a.x + b.x) / 2, ra.minX - 4.6, ra.maxX + 4.6,
            rb.minX - 4.6, rb.maxX + 4.6,
        ] {
            candidates.append([a, (mx, a.y), (mx, b.y), b])
        }
        for my in [
            ra.minY - 0.125, ra.maxY + 1.2, rb.minY - 0.125, rb.maxY + 1.2, (a.y + b.y) / 2, ra.minY - 4.375,
            rb.maxY + 5.45,
        ] {
            candidates.append([a, (a.x, my), (b.x, my), b])
        }
        var (best, bestScore) = pick(candidates, from, to)
        // Still through a component (or, on small diagrams, across another edge): scan every channel line within
        // reach (on diagrams small enough to count crossings; on big ones it would cost more than the layout).
        let crossesOthers = avoidsCrossingsHarder && bestScore < 1_000 && crossings(best, from, to) > 0
        if bestScore >= 1_000 && countsCrossings || crossesOthers {
            var more: [[Point]] = []
            for step in -12...12 {
                for base: Point in [a, b, ((a.x + b.x) / 2, (a.y + b.y) / 2)] {
                    let mx = base.x + Double(step) * 0.5, my = base.y + Double(step) * 0.5
                    more.append([a, (mx, a.y), (mx, b.y), b])
                    more.append([a, (a.x, my), (b.x, my), b])
                }
            }
            // Or three bends: along a free row to the channel beside one end's column, then into that end
            // along its own row (where a Z would run along a row or column that other components fill).
            let ra = footprints[from], rb = footprints[to]
            for step in -12...12 {
                for base in [a, b] {
                    let my = base.y + Double(step) * 0.5, mx = base.x + Double(step) * 0.5
                    for side in [rb.minX - 0.6, rb.maxX + 0.6] {
                        more.append([a, (a.x, my), (side, my), (side, b.y), b])
                    }
                    for side in [ra.minX - 0.6, ra.maxX + 0.6] {
                        more.append([a, (side, a.y), (side, my), (b.x, my), b])
                    }
                    for side in [rb.minY - 0.125, rb.maxY + 1.2] {
                        more.append([a, (mx, a.y), (mx, side), (b.x, side), b])
                    }
                    for side in [ra.minY - 0.125, ra.maxY + 1.2] {
                        more.append([a, (a.x, side), (mx, side), (mx, b.y), b])
                    }
                }
            }
            let (other, score) = pick(more, from, to)
            if score < bestScore { best = other }
        }
        return best
    }

    /// The best of `candidates` and its score.
    private func pick(_ candidates: [[Point]], _ from: Int, _ to: Int) -> ([Point], Double) {
        // Shortest first: once a route is free, longer ones are not even tested.
        let ranked = candidates.map { ($0, length($0) + Double($0.count - 2) * 0.5) }.enumerated().sorted {
            ($0.element.1, $0.offset) < ($1.element.1, $1.offset)
        }
        var best = candidates[0]
        var bestScore = Double.infinity
        for (_, (candidate, base)) in ranked {
            guard base < bestScore else { break }
            let allowed = bestScore.isFinite ? Int(saturating: ((bestScore - base) / 1_000).rounded(.down)) : .max
            var score = Double(hits(candidate, excluding: from, to, limit: allowed)) * 1_000 + base
            if countsCrossings, score < bestScore { score += Double(crossings(candidate, from, to)) * 40 }
            if score < bestScore {
                best = candidate
                bestScore = score
            }
        }
        return (best, bestScore)
    }

    /// How many routed segments of edges with no end in common the polyline crosses.
    private func crossings(_ points: [Point], _ from: Int, _ to: Int) -> Int {
        var count = 0
        for (p, q) in zip(points, points.dropFirst()) {
            for segment in routed
            where segment.from != from && segment.from != to && segment.to != from && segment.to != to {
                if Self.properlyCross(p, q, segment.a, segment.b) { count += 1 }
            }
        }
        return count
    }

    static func properlyCross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        func side(_ p: Point, _ q: Point, _ r: Point) -> Int {
            let value = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
            return value > 1e-9 ? 1 : value < -1e-9 ? -1 : 0
        }
        return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0
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

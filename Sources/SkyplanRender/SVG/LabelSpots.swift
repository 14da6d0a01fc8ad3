/// Where names go in isometric view: below each block's front corner when that spot is free, else the nearest of a
/// few spots around it that touches neither a block nor a name placed before. A dense isometric grid leaves a name
/// about 80 units between the blocks of the next row and column; a longer one fits only where a neighbour is missing
/// (at the end of a row, in the last row of a box), a little lower or to the free side. Pure: screen geometry in,
/// offsets out; a grid of buckets keeps it linear in the number of components.
struct LabelSpots {
    typealias Point = (x: Double, y: Double)

    /// A name's lines as boxes relative to its default spot: (left, top, right, bottom) each.
    typealias Boxes = [(Double, Double, Double, Double)]

    private var polygons: [[Point]] = []
    private var buckets: [Int64: [Int32]] = [:]
    private let bucketSize = 128.0

    /// Blocks' outlines on screen (convex polygons).
    init(blocks: [[Point]]) {
        for block in blocks { add(block) }
    }

    /// The offset (dx, dy) that puts `boxes` on free ground, trying below first, then lower, then to either side by
    /// `shift`; the default (0, 0) when none is free. The chosen boxes become obstacles for the names after it.
    mutating func place(_ boxes: Boxes, shift: Double, drops: [Double]) -> (dx: Double, dy: Double) {
        var candidates: [(Double, Double)] = []
        for dy in drops {
            candidates.append((0, dy))
            if shift > 0 {
                candidates.append((shift, dy))
                candidates.append((-shift, dy))
            }
        }
        let chosen = candidates.first { dx, dy in boxes.allSatisfy { isFree(Self.moved($0, dx, dy)) } } ?? (0, 0)
        for box in boxes { add(Self.corners(Self.moved(box, chosen.0, chosen.1))) }
        return (chosen.0, chosen.1)
    }

    private static func moved(_ box: (Double, Double, Double, Double), _ dx: Double, _ dy: Double) -> (
        Double, Double, Double, Double
    ) {
        (box.0 + dx, box.1 + dy, box.2 + dx, box.3 + dy)
    }

    private static func corners(_ box: (Double, Double, Double, Double)) -> [Point] {
        [(box.0, box.1), (box.2, box.1), (box.2, box.3), (box.0, box.3)]
    }

    private func keys(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Int64] {
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else { return [] }
        let x0 = Int64(clamping: Int((minX / bucketSize).rounded(.down)))
        let x1 = Int64(clamping: Int((maxX / bucketSize).rounded(.down)))
        let y0 = Int64(clamping: Int((minY / bucketSize).rounded(.down)))
        let y1 = Int64(clamping: Int((maxY / bucketSize).rounded(.down)))
        // A shape spread over many buckets (a coordinate far off the page) is not indexed: it cannot crowd a name.
        guard x1 - x0 < 64, y1 - y0 < 64 else { return [] }
        var result: [Int64] = []
        for x in x0...x1 {
            for y in y0...y1 { result.append(x &* 1_000_003 &+ y) }
        }
        return result
    }

    private mutating func add(_ polygon: [Point]) {
        guard let minX = polygon.map(\.x).min(), let maxX = polygon.map(\.x).max(),
            let minY = polygon.map(\.y).min(), let maxY = polygon.map(\.y).max()
        else { return }
        let index = Int32(clamping: polygons.count)
        polygons.append(polygon)
        for key in keys(minX, minY, maxX, maxY) { buckets[key, default: []].append(index) }
    }

    private func isFree(_ box: (Double, Double, Double, Double)) -> Bool {
        let rect = Self.corners(box)
        // A shape in two buckets is tested twice: cheaper than remembering which were.
        for key in keys(box.0, box.1, box.2, box.3) {
            for index in buckets[key] ?? [] where Self.intersects(rect, polygons[Int(index)]) { return false }
        }
        return true
    }

    /// Separating-axis test for two convex polygons (touching is not intersecting).
    static func intersects(_ a: [Point], _ b: [Point]) -> Bool {
        for polygon in [a, b] {
            for index in polygon.indices {
                let p = polygon[index], q = polygon[(index + 1) % polygon.count]
                let axis = (x: q.y - p.y, y: p.x - q.x)
                var aMin = Double.infinity, aMax = -Double.infinity, bMin = Double.infinity, bMax = -Double.infinity
                for point in a {
                    let value = point.x * axis.x + point.y * axis.y
                    aMin = min(aMin, value)
                    aMax = max(aMax, value)
                }
                for point in b {
                    let value = point.x * axis.x + point.y * axis.y
                    bMin = min(bMin, value)
                    bMax = max(bMax, value)
                }
                if aMax <= bMin + 0.01 || bMax <= aMin + 0.01 { return false }
            }
        }
        return true
    }
}

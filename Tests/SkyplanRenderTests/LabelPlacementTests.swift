import Foundation
import SkyplanDiagram
import SkyplanRender
import Testing

/// Labels never overlap each other or a block: checked on the rendered SVG itself, with text boxes
/// estimated from the font size (Helvetica averages about 0.56 em a character) and the blocks'
/// exact polygons.
@Suite("Label placement")
struct LabelPlacementTests {
    typealias Point = (x: Double, y: Double)

    static func numbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { !"-.0123456789".contains($0) }).compactMap { Double($0) }
    }

    static func matches(_ pattern: String, _ text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<match.numberOfRanges).map { ns.substring(with: match.range(at: $0)) }
        }
    }

    /// Block polygons (screen) and label boxes from a rendered SVG.
    static func geometry(_ svg: String) -> (blocks: [[Point]], labels: [[Point]]) {
        guard let start = svg.range(of: "<g id=\"components\">"), let end = svg.range(of: "<g id=\"labels\"") else {
            return ([], [])
        }
        let components = String(svg[start.upperBound..<end.lowerBound])
        var blocks: [[Point]] = []
        for match in matches("<path d=\"M([^\"]+)z\"", components) {
            let values = numbers(match[0])
            blocks.append(stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) })
        }
        for match in matches("<rect x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"([^\"]+)\" height=\"([^\"]+)\"", components) {
            let v = match.compactMap(Double.init)
            blocks.append([(v[0], v[1]), (v[0] + v[2], v[1]), (v[0] + v[2], v[1] + v[3]), (v[0], v[1] + v[3])])
        }
        var labels: [[Point]] = []
        let size = matches("<g id=\"labels\" font-size=\"([0-9.]+)\"", svg).first.flatMap { Double($0[0]) } ?? 10
        for match in matches("<text x=\"([^\"]+)\" y=\"([^\"]+)\">([^<]*)</text>", String(svg[end.lowerBound...])) {
            guard let x = Double(match[0]), let y = Double(match[1]) else { continue }
            let width = Double(match[2].count) * size * 0.56
            labels.append([
                (x - width / 2, y - size * 0.8), (x + width / 2, y - size * 0.8), (x + width / 2, y + size * 0.2),
                (x - width / 2, y + size * 0.2),
            ])
        }
        return (blocks, labels)
    }

    /// Separating-axis test for two convex polygons.
    static func intersects(_ a: [Point], _ b: [Point]) -> Bool {
        for polygon in [a, b] {
            for index in polygon.indices {
                let p = polygon[index], q = polygon[(index + 1) % polygon.count]
                let axis = (x: q.y - p.y, y: p.x - q.x)
                let pa = a.map { $0.x * axis.x + $0.y * axis.y }, pb = b.map { $0.x * axis.x + $0.y * axis.y }
                guard let aMin = pa.min(), let aMax = pa.max(), let bMin = pb.min(), let bMax = pb.max() else {
                    continue
                }
                if aMax <= bMin + 0.01 || bMax <= aMin + 0.01 { return false }
            }
        }
        return true
    }

    @Test(arguments: RenderOptions.Projection.allCases)
    func labelsOverlapNeitherEachOtherNorBlocks(projection: RenderOptions.Projection) {
        // Long names too: in isometric view they find a free spot beside or below where the short ones hang.
        var long = RenderFixtures.webApp()
        for index in long.resources.indices { long.resources[index].name += "-production-1" }
        let inventories = [RenderFixtures.webApp(), long, SyntheticInventory.make(components: 300, seed: 4)]
        for inventory in inventories {
            let svg = SVGRenderer.render(
                Layout.blueprint(for: inventory), options: RenderOptions(projection: projection))
            let (blocks, labels) = Self.geometry(svg)
            #expect(!labels.isEmpty && !blocks.isEmpty)
            var collisions: [String] = []
            for (i, label) in labels.enumerated() {
                for other in labels[(i + 1)...] where Self.intersects(label, other) {
                    collisions.append("label \(label[0]) / \(other[0])")
                }
                for block in blocks where Self.intersects(label, block) {
                    collisions.append("label \(label[0]) / block \(block[0])")
                }
            }
            #expect(collisions.isEmpty, "\(collisions.count) collisions, first: \(collisions.prefix(3))")
        }
    }
}

import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// Connections with arrow heads in the direction data flows. In 2D they run under the tiles and
    /// stop at their edges; in isometric view they join the blocks' top faces.
    mutating func edges() {
        guard !data.edges.isEmpty else { return }
        let nodes = Dictionary(data.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        out += "<g id=\"edges\" fill=\"none\" stroke=\"\(palette.edge)\" stroke-width=\"1.4\" stroke-opacity=\"0.85\">\n"
        for edge in data.edges {
            guard let from = nodes[edge.from], let to = nodes[edge.to] else { continue }
            let a = from.rect, b = to.rect
            let ax = a.minX + a.size.x / 2, ay = a.minY + a.size.y / 2
            let bx = b.minX + b.size.x / 2, by = b.minY + b.size.y / 2
            let start = Self.clip(cx: ax, cy: ay, towards: (bx, by), halfWidth: a.size.x / 2, halfHeight: a.size.y / 2)
            let end = Self.clip(cx: bx, cy: by, towards: (ax, ay), halfWidth: b.size.x / 2 + 0.1, halfHeight: b.size.y / 2 + 0.1)
            let p = projector.point(start.0, start.1, height(from))
            let q = projector.point(end.0, end.1, height(to))
            out += "<path class=\"edge\" data-from=\"\(edge.from)\" data-to=\"\(edge.to)\" d=\"M\(SVGText.num(p.x)) \(SVGText.num(p.y))"
            out += "L\(SVGText.num(q.x)) \(SVGText.num(q.y))\""
            if edge.dashed { out += " stroke-dasharray=\"5 4\"" }
            if edge.endCap != "none" { out += " marker-end=\"url(#arrow)\"" }
            out += "/>\n"
        }
        out += "</g>\n"
    }

    /// The point where the segment from the centre towards `target` leaves a rectangle.
    static func clip(cx: Double, cy: Double, towards target: (Double, Double), halfWidth: Double,
                     halfHeight: Double) -> (Double, Double) {
        let dx = target.0 - cx, dy = target.1 - cy
        var t = 1.0
        if dx != 0 { t = min(t, halfWidth / abs(dx)) }
        if dy != 0 { t = min(t, halfHeight / abs(dy)) }
        return (cx + dx * t, cy + dy * t)
    }
}

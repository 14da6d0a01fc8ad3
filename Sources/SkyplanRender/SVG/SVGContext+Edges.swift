import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// Connections with arrow heads in the direction data flows, routed around unrelated components,
    /// drawn under the blocks and ending where the target's block (and, in isometric view, the
    /// space it hides behind it) begins, so the arrow head stays visible.
    mutating func edges() {
        guard !data.edges.isEmpty else { return }
        var index: [String: Int] = [:]
        for (position, node) in data.nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        let router = EdgeRouter(nodes: data.nodes)
        let tooMany = data.edges.count > EdgeRouter.routingLimit
        out += "<g id=\"edges\" fill=\"none\" stroke=\"\(palette.edge)\" stroke-width=\"1.4\" stroke-opacity=\"0.85\" "
        out += "stroke-linejoin=\"round\">\n"
        for edge in data.edges {
            guard let from = index[edge.from], let to = index[edge.to] else { continue }
            var points = router.route(from: from, to: to, limitReached: tooMany)
            let target = data.nodes[to]
            let z = height(target)
            let margin = 0.12
            let r = target.rect
            let stop = GridRect(
                x: r.minX - z - margin, y: r.minY - z - margin, width: r.size.x + z + margin * 2,
                height: r.size.y + z + margin * 2)
            if points.count >= 2 {
                let last = points[points.count - 2], end = points[points.count - 1]
                if let t = EdgeRouter.entry(last, end, into: stop), t > 0 {
                    points[points.count - 1] = (last.x + (end.x - last.x) * t, last.y + (end.y - last.y) * t)
                }
            }
            out +=
                "<path class=\"edge\" data-from=\"\(XMLEscape.escape(edge.from))\" data-to=\"\(XMLEscape.escape(edge.to))\" d=\""
            for (position, point) in points.enumerated() {
                let p = projector.point(point.x, point.y)
                out += (position == 0 ? "M" : "L") + SVGText.num(p.x) + " " + SVGText.num(p.y)
            }
            out += "\""
            if edge.dashed { out += " stroke-dasharray=\"5 4\"" }
            if edge.endCap != "none" { out += " marker-end=\"url(#arrow)\"" }
            out += "/>\n"
        }
        out += "</g>\n"
    }
}

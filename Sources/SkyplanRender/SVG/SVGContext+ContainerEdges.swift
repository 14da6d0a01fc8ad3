import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// Connections with a container at one end (a VPC attached to another account's transit gateway): a
    /// straight dashed line from the container's outline to the component (or the other outline), arrow at the
    /// target, with the same `data-kind` / `data-evidence` as the other edges.
    mutating func containerEdges() {
        var groups: [String: GridRect] = [:]
        // Empty outlines are routed with the components (``edges()``).
        for group in data.groups where !group.nodes.isEmpty { if let rect = group.rect { groups[group.id] = rect } }
        guard data.edges.contains(where: { groups[$0.from] != nil || groups[$0.to] != nil }) else { return }
        var nodes: [String: GridRect] = [:]
        for node in data.nodes where nodes[node.id] == nil { nodes[node.id] = node.rect }
        var lines = ""
        for edge in data.edges where groups[edge.from] != nil || groups[edge.to] != nil {
            guard let a = groups[edge.from] ?? nodes[edge.from], let b = groups[edge.to] ?? nodes[edge.to] else {
                continue
            }
            let (start, end) = straightLine(from: a, to: b)
            lines += "<path class=\"edge container-edge\" data-from=\"\(XMLEscape.escape(edge.from))\" "
            lines += "data-to=\"\(XMLEscape.escape(edge.to))\" "
            lines +=
                "d=\"M\(SVGText.num(start.x)) \(SVGText.num(start.y))L\(SVGText.num(end.x)) \(SVGText.num(end.y))\""
            if let kind = edge.kind { lines += " data-kind=\"\(XMLEscape.escape(kind))\"" }
            if let evidence = edge.evidence { lines += " data-evidence=\"\(XMLEscape.escape(evidence))\"" }
            lines += " stroke-dasharray=\"6 4\""
            if edge.endCap != "none" { lines += " marker-end=\"url(#arrow)\"" }
            lines += "/>\n"
        }
        guard !lines.isEmpty else { return }
        out += "<g id=\"container-edges\" fill=\"none\" stroke=\"\(palette.edge)\" stroke-width=\"1.6\" "
        out += "stroke-opacity=\"0.85\">\n" + lines + "</g>\n"
    }

    /// The screen points of the centre line between two rectangles, from where it leaves `a`'s outline to where it
    /// enters `b`'s.
    func straightLine(from a: GridRect, to b: GridRect) -> (EdgeRouter.Point, EdgeRouter.Point) {
        let ca = (x: a.minX + a.size.x / 2, y: a.minY + a.size.y / 2)
        let cb = (x: b.minX + b.size.x / 2, y: b.minY + b.size.y / 2)
        let exit = EdgeRouter.entry(cb, ca, into: a).map { 1 - $0 } ?? 0
        let entry = EdgeRouter.entry(ca, cb, into: b) ?? 1
        let start = projector.point(ca.x + (cb.x - ca.x) * exit, ca.y + (cb.y - ca.y) * exit)
        let end = projector.point(ca.x + (cb.x - ca.x) * entry, ca.y + (cb.y - ca.y) * entry)
        return (start, end)
    }
}

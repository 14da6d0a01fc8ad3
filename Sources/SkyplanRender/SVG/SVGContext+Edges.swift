import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// Connections with arrow heads in the direction data flows, routed around unrelated components,
    /// drawn under the blocks and ending where the target's block (and, in isometric view, the
    /// space it hides behind it) begins, so the arrow head stays visible.
    mutating func edges() {
        guard !data.edges.isEmpty else { return }
        let ends = routedEnds()
        var router = EdgeRouter(footprints: ends.rects, screen: obstacles(ends), edgeCount: data.edges.count)
        let tooMany = data.edges.count > EdgeRouter.routingLimit
        out += "<g id=\"edges\" fill=\"none\" stroke=\"\(palette.edge)\" stroke-width=\"1.4\" stroke-opacity=\"0.85\" "
        out += "stroke-linejoin=\"round\">\n"
        var drawn: [(edge: BlueprintEdge, to: Int)] = []
        var pairs: [(from: Int, to: Int, a: EdgeRouter.Point, b: EdgeRouter.Point)] = []
        for edge in data.edges {
            guard let from = ends.index[edge.from], let to = ends.index[edge.to] else { continue }
            let a = ends.rects[from], b = ends.rects[to]
            drawn.append((edge, to))
            pairs.append(
                (
                    from, to, (a.minX + a.size.x / 2, a.minY + a.size.y / 2),
                    (b.minX + b.size.x / 2, b.minY + b.size.y / 2)
                ))
        }
        let routes = router.routeAll(pairs, limitReached: tooMany)
        for ((edge, to), route) in zip(drawn, routes) {
            var points = route
            let z = ends.heights[to]
            let margin = 0.12
            let r = ends.rects[to]
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
            // Why the edge exists, for the web UI's details panel (and anyone reading the SVG).
            if let kind = edge.kind { out += " data-kind=\"\(XMLEscape.escape(kind))\"" }
            if let evidence = edge.evidence { out += " data-evidence=\"\(XMLEscape.escape(evidence))\"" }
            if edge.dashed { out += " stroke-dasharray=\"5 4\"" }
            if edge.endCap != "none" { out += " marker-end=\"url(#arrow)\"" }
            out += "/>\n"
        }
        out += "</g>\n"
    }

    /// What edges run between: every node, and the outlines with nothing drawn inside them that an edge ends at (an
    /// ECS service without tasks), routed like components instead of drawn straight across the picture. Other
    /// outlines at an edge's end (a VPC attached to a gateway) are ``containerEdges()``.
    func routedEnds() -> (rects: [GridRect], heights: [Double], index: [String: Int]) {
        var rects = data.nodes.map(\.rect)
        var heights = data.nodes.map { height($0) }
        var index: [String: Int] = [:]
        for (position, node) in data.nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        let ends = Set(data.edges.flatMap { [$0.from, $0.to] })
        for group in data.groups where group.nodes.isEmpty && ends.contains(group.id) && index[group.id] == nil {
            guard let rect = group.rect else { continue }
            index[group.id] = rects.count
            rects.append(rect)
            heights.append(0)
        }
        return (rects, heights, index)
    }

    /// What edges keep out of in isometric view: the middle 70% of each block's drawing on screen (a
    /// block hides the ground behind it), with the ground it may cover (footprint, height backwards, a
    /// unit around) for the router's index. Nil in 2D, where the footprints are the drawings.
    func obstacles(_ ends: (rects: [GridRect], heights: [Double], index: [String: Int])) -> (
        rects: [GridRect], reach: [GridRect], project: @Sendable (Double, Double) -> EdgeRouter.Point
    )? {
        guard projector.isometric else { return nil }
        var rects: [GridRect] = [], reach: [GridRect] = []
        rects.reserveCapacity(ends.rects.count)
        reach.reserveCapacity(ends.rects.count)
        for (r, z) in zip(ends.rects, ends.heights) {
            let left = projector.point(r.minX, r.maxY).x, right = projector.point(r.maxX, r.minY).x
            let top = projector.point(r.minX, r.minY, z).y, bottom = projector.point(r.maxX, r.maxY).y
            let mx = (right - left) * 0.15, my = (bottom - top) * 0.15
            rects.append(
                GridRect(x: left + mx, y: top + my, width: right - left - mx * 2, height: bottom - top - my * 2))
            reach.append(
                GridRect(x: r.minX - z - 1, y: r.minY - z - 1, width: r.size.x + z + 2, height: r.size.y + z + 2))
        }
        let projector = projector
        return (rects, reach, { x, y in projector.point(x, y) })
    }
}

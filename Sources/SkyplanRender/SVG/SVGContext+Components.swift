import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// Nodes in painter's order (back to front in isometric view).
    func paintOrder() -> [BlueprintNode] {
        guard projector.isometric else { return data.nodes }
        return data.nodes.enumerated().sorted { lhs, rhs in
            let l = lhs.element.rect, r = rhs.element.rect
            let lk = l.maxX + l.maxY, rk = r.maxX + r.maxY
            return lk != rk ? lk < rk : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Blocks (isometric) or tiles (2D), each with its service mark.
    mutating func components() {
        out += "<g id=\"components\">\n"
        for node in paintOrder() {
            let color = Palette.color(
                projector.isometric ? node.color?.isometric : node.color?.twoD, else: ComponentStyle.color(node.type))
            out +=
                "<g id=\"c-\(XMLEscape.escape(node.id))\" class=\"component type-\(XMLEscape.escape(node.type.rawValue))\""
            if let arn = node.arn { out += " data-arn=\"\(XMLEscape.escape(arn))\"" }
            if let count = node.count { out += " data-count=\"\(count)\"" }
            out += ">"
            if projector.isometric { block(node, color) } else { tile(node, color) }
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    private mutating func polygon(_ points: [(x: Double, y: Double)], fill: String) {
        out += "<path d=\"M"
        for (index, p) in points.enumerated() {
            if index > 0 { out += "L" }
            out += SVGText.num(p.x) + " " + SVGText.num(p.y)
        }
        out += "z\" fill=\"\(fill)\"/>"
    }

    private mutating func block(_ node: BlueprintNode, _ color: String) {
        let r = node.rect, z = height(node)
        let p = projector
        let shade: (side: String, front: String, edge: String)
        if let known = shades[color] {
            shade = known
        } else {
            shade = (Palette.shade(color, 0.78), Palette.shade(color, 0.6), Palette.shade(color, 1.35))
            shades[color] = shade
        }
        polygon(
            [p.point(r.maxX, r.minY), p.point(r.maxX, r.maxY), p.point(r.maxX, r.maxY, z), p.point(r.maxX, r.minY, z)],
            fill: shade.side)
        polygon(
            [p.point(r.minX, r.maxY), p.point(r.maxX, r.maxY), p.point(r.maxX, r.maxY, z), p.point(r.minX, r.maxY, z)],
            fill: shade.front)
        let top = [
            p.point(r.minX, r.minY, z), p.point(r.maxX, r.minY, z), p.point(r.maxX, r.maxY, z),
            p.point(r.minX, r.maxY, z),
        ]
        out += "<path d=\"M"
        for (index, q) in top.enumerated() {
            if index > 0 { out += "L" }
            out += SVGText.num(q.x) + " " + SVGText.num(q.y)
        }
        out += "z\" fill=\"\(color)\" stroke=\"\(shade.edge)\" stroke-width=\"0.8\"/>"
        mark(node, z: z)
    }

    private mutating func tile(_ node: BlueprintNode, _ color: String) {
        let r = node.rect, u = projector.unit
        out +=
            "<rect x=\"\(SVGText.num(r.minX * u))\" y=\"\(SVGText.num(r.minY * u))\" width=\"\(SVGText.num(r.size.x * u))\" "
        out += "height=\"\(SVGText.num(r.size.y * u))\" rx=\"5\" fill=\"\(color)\"/>"
        mark(node, z: 0)
        if let count = node.count {
            let cx = r.maxX * u - 2, cy = r.minY * u + 2
            out += "<circle cx=\"\(SVGText.num(cx))\" cy=\"\(SVGText.num(cy))\" r=\"9\" fill=\"\(palette.text)\"/>"
            out += "<text x=\"\(SVGText.num(cx))\" y=\"\(SVGText.num(cy + 3))\" font-size=\"8\" font-weight=\"bold\" "
            out += "text-anchor=\"middle\" fill=\"\(palette.background)\">\(count)</text>"
        }
    }

    /// The short service mark, lying flat on the top face.
    private mutating func mark(_ node: BlueprintNode, z: Double) {
        let r = node.rect
        let text = ComponentStyle.mark(node.type)
        // At most 4 grid units: a mark does not grow with a huge (stored, unchecked) node.
        let size = max(0, min(4, min(r.size.x, r.size.y) * (text.count > 3 ? 0.24 : 0.3)))
        let u = projector.unit
        let transform: String
        if let known = transforms[z] {
            transform = known
        } else {
            transform = projector.textTransform(z: z)
            transforms[z] = transform
        }
        out += "<text transform=\"\(transform)\" x=\"\(SVGText.num((r.minX + r.size.x / 2) * u))\" "
        out += "y=\"\(SVGText.num((r.minY + r.size.y / 2 + size * 0.36) * u))\" font-size=\"\(SVGText.num(size * u))\" "
        out +=
            "font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(palette.markText)\">\(XMLEscape.escape(text))</text>"
    }

    /// Component names, drawn last, below each block's front corner with a halo.
    mutating func componentLabels() {
        guard labels else { return }
        // Sized so that a label fits between its neighbours' blocks (cells are 4 grid units apart).
        let fontSize = projector.isometric ? 9 : 10
        let limit = projector.isometric ? 14 : 15
        let drop = projector.isometric ? 12.0 : 13.0
        out += "<g id=\"labels\" font-size=\"\(fontSize)\" text-anchor=\"middle\" fill=\"\(palette.text)\" "
        out += "stroke=\"\(palette.halo)\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n"
        for node in data.nodes {
            guard let name = node.name, !name.isEmpty else { continue }
            let r = node.rect
            let anchor =
                projector.isometric ? projector.point(r.maxX, r.maxY) : projector.point(r.minX + r.size.x / 2, r.maxY)
            out += "<text x=\"\(SVGText.num(anchor.x))\" y=\"\(SVGText.num(anchor.y + drop))\">"
            out += XMLEscape.escape(SVGText.truncate(name, limit)) + "</text>\n"
        }
        out += "</g>\n"
    }
}

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
            // Security groups whose outlines could not nest around it (their members cross): named on the node.
            let alsoIn = node.extra["alsoInSecurityGroups"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if !alsoIn.isEmpty { out += " data-also-in=\"\(XMLEscape.escape(alsoIn.joined(separator: " ")))\"" }
            out += ">"
            if let name = node.name, !name.isEmpty {
                let also = alsoIn.isEmpty ? "" : " (also in security group \(alsoIn.joined(separator: ", ")))"
                out += "<title>\(XMLEscape.escape(name + also))</title>"
            }
            if projector.isometric { model(node, color) } else { tile(node, color) }
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, stroke: String? = nil) {
        out += "<path d=\"M"
        for (index, p) in points.enumerated() {
            if index > 0 { out += "L" }
            out += SVGText.num(p.x) + " " + SVGText.num(p.y)
        }
        out += "z\" fill=\"\(fill)\""
        if let stroke { out += " stroke=\"\(stroke)\" stroke-width=\"0.8\"" }
        out += "/>"
    }

    mutating func block(_ node: BlueprintNode, _ color: String) {
        let r = node.rect, z = height(node)
        let p = projector
        let shade = shade(color)
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
        polygon(top, fill: color, stroke: shade.edge)
        pictogram(node, z: z, inset: min(r.size.x, r.size.y) * 0.12)
    }

    private mutating func tile(_ node: BlueprintNode, _ color: String) {
        let r = node.rect, u = projector.unit
        out +=
            "<rect x=\"\(SVGText.num(r.minX * u))\" y=\"\(SVGText.num(r.minY * u))\" width=\"\(SVGText.num(r.size.x * u))\" "
        out += "height=\"\(SVGText.num(r.size.y * u))\" rx=\"\(SVGText.num(u * 0.3))\" fill=\"\(color)\"/>"
        pictogram(node, z: 0, inset: min(r.size.x, r.size.y) * 0.14)
        if let count = node.count {
            let cx = r.maxX * u - 2, cy = r.minY * u + 2
            out += "<circle cx=\"\(SVGText.num(cx))\" cy=\"\(SVGText.num(cy))\" r=\"9\" fill=\"\(palette.text)\"/>"
            out += "<text x=\"\(SVGText.num(cx))\" y=\"\(SVGText.num(cy + 3))\" font-size=\"8\" font-weight=\"bold\" "
            out += "text-anchor=\"middle\" fill=\"\(palette.background)\">\(count)</text>"
        }
    }

    /// Component names, drawn last, below each block's front corner with a halo: up to two lines (cut
    /// past 28 characters; the full name is the component's `<title>`), and the zones a component spread
    /// over several spans.
    mutating func componentLabels() {
        guard labels else { return }
        let metrics = LabelMetrics(isometric: projector.isometric)
        out += "<g id=\"labels\" font-size=\"\(SVGText.num(metrics.fontSize))\" text-anchor=\"middle\" "
        out += "fill=\"\(palette.text)\" stroke=\"\(palette.halo)\" stroke-width=\"3\" stroke-linejoin=\"round\" "
        out += "paint-order=\"stroke\">\n"
        var spots = projector.isometric ? LabelSpots(blocks: data.nodes.map(silhouette)) : nil
        for node in data.nodes {
            guard let name = node.name, !name.isEmpty else { continue }
            let r = node.rect
            var anchor =
                projector.isometric ? projector.point(r.maxX, r.maxY) : projector.point(r.minX + r.size.x / 2, r.maxY)
            var lines = LabelLines.lines(name, perLine: metrics.perLine)
            let zones = node.extra["spansZones"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if zones.count > 1 { lines.append(LabelLines.zones(zones)) }
            if spots != nil {
                let boxes = metrics.boxes(lines, at: anchor)
                let overhang = boxes.reduce(0.0) { max($0, ($1.2 - $1.0) / 2) } - 30
                let offset = spots?.place(boxes, shift: max(0, overhang), drops: [0, 10, 20, 32, 44]) ?? (dx: 0, dy: 0)
                anchor = (anchor.x + offset.dx, anchor.y + offset.dy)
            }
            var y = anchor.y + metrics.drop
            for (index, line) in lines.enumerated() {
                let muted = zones.count > 1 && index == lines.count - 1
                out += "<text x=\"\(SVGText.num(anchor.x))\" y=\"\(SVGText.num(y))\""
                out += muted ? " fill=\"\(palette.mutedText)\">" : ">"
                out += XMLEscape.escape(line) + "</text>\n"
                y += metrics.lineHeight
            }
        }
        out += "</g>\n"
    }

    /// A block's outline on screen: the hexagon around its ground corners and its top face.
    func silhouette(_ node: BlueprintNode) -> [LabelSpots.Point] {
        let r = node.rect, z = height(node)
        return [
            projector.point(r.minX, r.maxY), projector.point(r.maxX, r.maxY), projector.point(r.maxX, r.minY),
            projector.point(r.maxX, r.minY, z), projector.point(r.minX, r.minY, z), projector.point(r.minX, r.maxY, z),
        ]
    }
}

/// Label sizes in SVG units. In 2D cells are 4 grid units apart: two labels side by side have 96 units (12 characters
/// of 13); in isometric view (cells 4.8 apart) the blocks of the next row and column stand 70 units to either side of
/// a block's front corner, so a line of 14 characters of 17 (133 units) fits between them.
struct LabelMetrics {
    let fontSize: Double
    let lineHeight: Double
    let drop: Double
    let perLine: Int

    init(isometric: Bool) {
        fontSize = isometric ? 17 : 13
        lineHeight = fontSize * 1.1
        drop = isometric ? fontSize + 2 : fontSize + 3
        perLine = isometric ? 14 : 12
    }

    /// The boxes of `lines` written from `anchor` (about 0.56 em a character), as the labels' tests estimate them.
    func boxes(_ lines: [String], at anchor: (x: Double, y: Double)) -> LabelSpots.Boxes {
        lines.enumerated().map { index, line in
            let half = Double(line.count) * fontSize * 0.28
            let baseline = anchor.y + drop + Double(index) * lineHeight
            return (anchor.x - half, baseline - fontSize * 0.8, anchor.x + half, baseline + fontSize * 0.2)
        }
    }
}

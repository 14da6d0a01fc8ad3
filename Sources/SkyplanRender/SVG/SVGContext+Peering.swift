import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// VPC peering connections (a VPC group's `peeringConnections`): a dashed line between the two VPCs'
    /// outlines when both are drawn, else a note in the VPC's free band naming the VPC at the other end.
    mutating func peerings() {
        var groupByID: [String: BlueprintGroup] = [:]
        for group in data.groups where group.type == .vpc { groupByID[group.id] = group }
        var lines = ""
        for group in data.groups where group.type == .vpc {
            guard let rect = group.rect, let connections = group.extra["peeringConnections"]?.arrayValue else {
                continue
            }
            var notes: [String] = []
            for connection in connections {
                let name = connection["name"]?.stringValue ?? "peering"
                if let other = connection["accepterId"]?.stringValue.flatMap({ groupByID[$0] }), let target = other.rect
                {
                    lines += peeringLine(from: rect, to: target, name: name)
                } else {
                    let vpc = connection["accepterVpc"]?.stringValue ?? "another VPC"
                    let place = [connection["accepterAccount"]?.stringValue, connection["accepterRegion"]?.stringValue]
                        .compactMap { $0 }.joined(separator: " ")
                    notes.append("⇄ \(name): \(vpc)" + (place.isEmpty ? "" : " (\(place))"))
                }
            }
            guard !notes.isEmpty else { continue }
            // The band the title does not use: the bottom one in 2D, the top one in isometric view.
            let size = 0.5
            let limit = max(4, min(10_000, Int(saturating: (rect.size.x - 0.8) / (size * 0.56))))
            let baseline = projector.isometric ? rect.minY + 0.75 : rect.maxY - 0.3
            let u = projector.unit  // pixel font sizes: see `Projector.textTransform`
            lines += "<text class=\"peering-note\" transform=\"\(projector.textTransform())\" "
            lines += "x=\"\(SVGText.num((rect.minX + 0.35) * u))\" y=\"\(SVGText.num(baseline * u))\" "
            lines += "font-size=\"\(SVGText.num(size * u))\" fill=\"#8C4FFF\">"
            lines += XMLEscape.escape(SVGText.truncate(notes.joined(separator: "  "), limit)) + "</text>\n"
        }
        guard !lines.isEmpty else { return }
        out += "<g id=\"peerings\">\n" + lines + "</g>\n"
    }

    /// A dashed line between the facing edges of two VPC outlines, named at its middle.
    private func peeringLine(from a: GridRect, to b: GridRect, name: String) -> String {
        let (start, end) = straightLine(from: a, to: b)
        var text = "<path class=\"peering\" d=\"M\(SVGText.num(start.x)) \(SVGText.num(start.y))"
        text += "L\(SVGText.num(end.x)) \(SVGText.num(end.y))\" fill=\"none\" stroke=\"#8C4FFF\" stroke-width=\"3\" "
        text += "stroke-dasharray=\"8 5\"/>"
        text += "<text x=\"\(SVGText.num((start.x + end.x) / 2))\" y=\"\(SVGText.num((start.y + end.y) / 2 - 6))\" "
        text +=
            "font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#8C4FFF\" stroke=\"\(palette.halo)\" "
        text += "stroke-width=\"3\" paint-order=\"stroke\">⇄ \(XMLEscape.escape(name))</text>\n"
        return text
    }
}

import SkyplanDiagram
import SkyplanModel

extension SVGContext {
    /// Draw order of containers: outer before inner.
    static func rank(_ type: ComponentType) -> Int {
        switch type {
        case .account: -1
        case .region: 0
        case .vpc: 2
        case .subnet: 4
        case .securityGroup: 5
        default: 6
        }
    }

    /// Outlines of regions, VPCs, zones, subnets, security and auto scaling groups, with their titles.
    mutating func surfacesAndGroups() {
        var items: [(rank: Int, index: Int, draw: Outline)] = []
        for (index, group) in data.groups.enumerated() {
            guard let rect = group.rect else { continue }
            let (color, dash) = palette.outline(group)
            items.append(
                (
                    Self.rank(group.type), index,
                    Outline(
                        id: group.id, cssClass: "group type-\(group.type.rawValue)", arn: group.arn, rect: rect,
                        color: color,
                        dash: dash, fillOpacity: group.type == .subnet ? 0.07 : 0.03, title: title(of: group),
                        strokeWidth: group.type == .account
                            ? 2.5 : group.type == .region || group.type == .vpc ? 2 : 1.5)
                ))
        }
        for (index, surface) in data.surfaces.enumerated() {
            let (color, dash) = palette.outline(surface)
            let zone = surface.type == "zone"
            items.append(
                (
                    zone ? 3 : 1, 100_000_000 + index,
                    Outline(
                        id: surface.id, cssClass: "surface type-\(surface.type)", arn: nil, rect: surface.rect,
                        color: color,
                        dash: dash, fillOpacity: zone ? 0.02 : 0.04,
                        title: zone ? "Availability Zone \(surface.name ?? "")" : surface.name ?? "", strokeWidth: 1.5)
                ))
        }
        items.sort { ($0.rank, $0.index) < ($1.rank, $1.index) }
        out += "<g id=\"groups\">\n"
        for item in items { outline(item.draw) }
        out += "</g>\n"
    }

    struct Outline {
        let id: String
        let cssClass: String
        let arn: String?
        let rect: GridRect
        let color: String
        let dash: String?
        let fillOpacity: Double
        let title: String
        let strokeWidth: Double
    }

    private func title(of group: BlueprintGroup) -> String {
        let name = group.name ?? ""
        switch group.type {
        case .vpc: return "VPC  " + name + (group.extra["cidr"]?.stringValue.map { "  \($0)" } ?? "")
        case .subnet:
            let kind =
                group.access == "public"
                ? "Public subnet"
                : group.access == "isolated"
                    ? "Isolated subnet"
                    : "Private subnet"
            return kind + "  " + name
        case .securityGroup: return "Security group  " + name
        case .autoScalingGroup: return "Auto Scaling group  " + name
        case .ecsService: return "ECS service  " + name
        case .region: return name == "Global" ? "Global services" : "Region  " + name
        case .account: return "AWS Account  " + name
        default: return name
        }
    }

    private mutating func outline(_ item: Outline) {
        let r = item.rect
        let a = projector.point(r.minX, r.minY), b = projector.point(r.maxX, r.minY)
        let c = projector.point(r.maxX, r.maxY), d = projector.point(r.minX, r.maxY)
        out += "<g id=\"g-\(XMLEscape.escape(item.id))\" class=\"\(XMLEscape.escape(item.cssClass))\""
        if let arn = item.arn { out += " data-arn=\"\(XMLEscape.escape(arn))\"" }
        out += "><path d=\"M\(SVGText.num(a.x)) \(SVGText.num(a.y))L\(SVGText.num(b.x)) \(SVGText.num(b.y))"
        out += "L\(SVGText.num(c.x)) \(SVGText.num(c.y))L\(SVGText.num(d.x)) \(SVGText.num(d.y))z\" "
        out += "fill=\"\(item.color)\" fill-opacity=\"\(SVGText.num(item.fillOpacity))\" stroke=\"\(item.color)\" "
        out += "stroke-width=\"\(SVGText.num(item.strokeWidth))\" stroke-linejoin=\"round\""
        if let dash = item.dash { out += " stroke-dasharray=\"\(dash)\"" }
        out += "/>"
        if !item.title.isEmpty {
            let size = 0.55
            let limit = max(4, min(10_000, Int(saturating: (r.size.x - 0.8) / (size * 0.56))))
            let u = projector.unit
            out += "<text transform=\"\(projector.textTransform())\" x=\"\(SVGText.num((r.minX + 0.35) * u))\" "
            // Isometric: on the front edge, where blocks inside (which rise backwards) cannot cover it.
            let baseline = projector.isometric ? r.maxY - 0.3 : r.minY + 0.75
            out += "y=\"\(SVGText.num(baseline * u))\" font-size=\"\(SVGText.num(size * u))\" font-weight=\"bold\" "
            out += "fill=\"\(item.color)\">\(XMLEscape.escape(SVGText.truncate(item.title, limit)))</text>"
        }
        out += "</g>\n"
    }
}

import SkyplanDiagram
import SkyplanModel

/// draw.io (mxGraph) XML: groups and zones as containers (children's `parent` set, geometry relative
/// to it), components as vertices, connections as edges attached to their `source` and `target`.
public enum MXGraphRenderer {
    /// Pixels per grid unit in the drawing.
    static let unit = 20.0

    /// Renders `data` as an `mxGraphModel` document.
    public static func render(_ data: BlueprintData) -> String {
        // Stored records may predate input validation: draw them within the limits.
        let data = data.clampedToLimits()
        let palette = Palette(.light)
        var containers: [Container] = []
        for group in data.groups {
            guard let rect = group.rect else { continue }
            let (color, dash) = palette.outline(group)
            containers.append(
                Container(
                    id: group.id, rect: rect, label: label(group), color: color, dashed: dash != nil,
                    members: group.nodes))
        }
        for surface in data.surfaces {
            let (color, dash) = palette.outline(surface)
            let members = (surface.extra["nodes"]?.arrayValue ?? []).compactMap(\.stringValue)
            containers.append(
                Container(
                    id: surface.id, rect: surface.rect, label: surface.name ?? "", color: color,
                    dashed: dash != nil, members: members))
        }
        let parents = parentMap(containers: containers, nodes: data.nodes)
        let rects = Dictionary(
            containers.map { ($0.id, $0.rect) } + data.nodes.map { ($0.id, $0.rect) },
            uniquingKeysWith: { a, _ in a })
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<mxGraphModel dx=\"0\" dy=\"0\" grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" "
        out += "arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n<root>\n"
        out += "<mxCell id=\"0\"/>\n<mxCell id=\"1\" parent=\"0\"/>\n"
        func geometry(_ id: String, _ rect: GridRect) -> String {
            var x = rect.minX, y = rect.minY
            if let parent = parents[id], let outer = rects[parent] {
                x -= outer.minX
                y -= outer.minY
            }
            return "<mxGeometry x=\"\(SVGText.num(x * unit))\" y=\"\(SVGText.num(y * unit))\" "
                + "width=\"\(SVGText.num(rect.size.x * unit))\" height=\"\(SVGText.num(rect.size.y * unit))\" as=\"geometry\"/>"
        }
        // Outer containers first, so every parent precedes its children.
        let ordered = containers.enumerated().sorted { lhs, rhs in
            let l = depth(lhs.element.id, parents), r = depth(rhs.element.id, parents)
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
        for container in ordered {
            let style =
                "rounded=0;whiteSpace=wrap;html=1;container=1;collapsible=0;recursiveResize=0;"
                + "fillColor=none;strokeColor=\(container.color);strokeWidth=2;"
                + (container.dashed ? "dashed=1;" : "") + "verticalAlign=top;align=left;spacingLeft=8;"
                + "fontStyle=1;fontColor=\(container.color);"
            out += "<mxCell id=\"\(XMLEscape.escape(container.id))\" value=\"\(XMLEscape.htmlLabel(container.label))\" "
            out += "style=\"\(XMLEscape.escape(style))\" vertex=\"1\" "
            out +=
                "parent=\"\(XMLEscape.escape(parents[container.id] ?? "1"))\">\(geometry(container.id, container.rect))</mxCell>\n"
        }
        for node in data.nodes {
            let color = Palette.color(node.color?.twoD, else: ComponentStyle.color(node.type))
            let name = node.name ?? ComponentStyle.displayName(node.type)
            let style =
                "rounded=1;whiteSpace=wrap;html=1;fillColor=\(color);strokeColor=none;fontColor=#16191F;"
                + "verticalLabelPosition=bottom;verticalAlign=top;labelPosition=center;align=center;fontSize=10;"
            let label = ComponentStyle.displayName(node.type) == name ? name : "\(name)"
            out += "<mxCell id=\"\(XMLEscape.escape(node.id))\" value=\"\(XMLEscape.htmlLabel(label))\" "
            out += "style=\"\(XMLEscape.escape(style))\" "
            if let arn = node.arn { out += "tooltip=\"\(XMLEscape.escape(arn))\" " }
            out += "vertex=\"1\" parent=\"\(XMLEscape.escape(parents[node.id] ?? "1"))\">"
            out += "\(geometry(node.id, node.rect))</mxCell>\n"
        }
        for (index, edge) in data.edges.enumerated() {
            let style =
                "edgeStyle=none;html=1;endArrow=" + (edge.endCap == "none" ? "none" : "block")
                + ";endFill=1;strokeColor=#414D5C;strokeWidth=\(SVGText.num(edge.width))"
                + (edge.dashed ? ";dashed=1;" : ";")
            out +=
                "<mxCell id=\"\(XMLEscape.escape(edge.id ?? "edge-\(index)"))\" style=\"\(XMLEscape.escape(style))\" "
            out +=
                "edge=\"1\" parent=\"1\" source=\"\(XMLEscape.escape(edge.from))\" target=\"\(XMLEscape.escape(edge.to))\">"
            out += "<mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>\n"
        }
        for text in data.text {
            out += "<mxCell id=\"\(XMLEscape.escape(text.id))\" value=\"\(XMLEscape.htmlLabel(text.text))\" "
            out += "style=\"text;html=1;align=left;"
            out += "fontStyle=2;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"\(SVGText.num(text.mapPos.x * unit))\" "
            out +=
                "y=\"\(SVGText.num(text.mapPos.y * unit - 14))\" width=\"\(text.text.count * 7)\" height=\"20\" as=\"geometry\"/></mxCell>\n"
        }
        out += "</root>\n</mxGraphModel>\n"
        return out
    }

    struct Container {
        let id: String
        let rect: GridRect
        let label: String
        let color: String
        let dashed: Bool
        let members: [String]
    }

    static func label(_ group: BlueprintGroup) -> String {
        let name = group.name ?? ""
        switch group.type {
        case .vpc: return "VPC " + name
        case .subnet:
            return (group.access.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Private") + " subnet " + name
        case .securityGroup: return "Security group " + name
        case .autoScalingGroup: return "Auto Scaling group " + name
        case .ecsService: return "ECS service " + name
        default: return name
        }
    }

    /// The container of each item: the one listing it, else the smallest whose outline holds it.
    static func parentMap(containers: [Container], nodes: [BlueprintNode]) -> [String: String] {
        var parents: [String: String] = [:]
        let ids = Set(containers.map(\.id))
        for container in containers {
            for member in container.members where member != container.id { parents[member] = container.id }
        }
        let unlisted = containers.map { ($0.id, $0.rect) } + nodes.map { ($0.id, $0.rect) }
        for (id, rect) in unlisted where parents[id] == nil {
            var best: Container?
            for candidate in containers
            where candidate.id != id && candidate.rect.contains(rect) && candidate.rect != rect {
                if best.map({ candidate.rect.size.x * candidate.rect.size.y < $0.rect.size.x * $0.rect.size.y }) ?? true
                {
                    best = candidate
                }
            }
            if let best, ids.contains(best.id) { parents[id] = best.id }
        }
        return parents
    }

    static func depth(_ id: String, _ parents: [String: String]) -> Int {
        var depth = 0
        var current = id
        while let parent = parents[current], depth < 64 {
            depth += 1
            current = parent
        }
        return depth
    }
}

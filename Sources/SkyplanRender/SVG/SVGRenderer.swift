import SkyplanDiagram
import SkyplanModel

/// Draws a blueprint as SVG, isometric or 2D, light or dark. Output is deterministic.
///
/// Every component is a `<g id="c-<node id>" class="component type-<type>" data-arn="...">` so the
/// live overlay can find it; the overlay itself draws into `<g id="interactionLayer" fill="none">`.
public enum SVGRenderer {
    /// The exact document header Cloudcraft clients expect.
    public static let header =
        "<?xml version=\"1.0\" standalone=\"no\"?>\n"
        + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"

    /// Renders `data` with `options`.
    public static func render(_ data: BlueprintData, options: RenderOptions = RenderOptions()) -> String {
        // Stored records may predate input validation: draw them within the limits.
        var context = SVGContext(data: data.clampedToLimits(), options: options)
        return context.document()
    }
}

/// The state of one rendering.
struct SVGContext {
    let data: BlueprintData
    let options: RenderOptions
    let projector: Projector
    let palette: Palette
    let labels: Bool
    var out = ""
    /// Face colours, computed once per colour.
    var shades: [String: (side: String, front: String, edge: String)] = [:]

    init(data: BlueprintData, options: RenderOptions) {
        self.data = data
        self.options = options
        projector = Projector(isometric: options.resolvedProjection(data) == .isometric)
        palette = Palette(options.resolvedTheme(data))
        labels = data.liveOptions.autoLabel
        out.reserveCapacity(2_000 + data.nodes.count * 900 + data.groups.count * 400)
    }

    /// Block height of a node in grid units (0 in 2D).
    func height(_ node: BlueprintNode) -> Double {
        guard projector.isometric else { return 0 }
        return Silhouette(node.type).height(node)
    }

    /// The drawing's bounds in pixels: min x, min y, width, height.
    func bounds() -> (Double, Double, Double, Double) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func add(_ rect: GridRect, _ z: Double) {
            for (gx, gy) in [
                (rect.minX, rect.minY), (rect.maxX, rect.minY), (rect.maxX, rect.maxY), (rect.minX, rect.maxY),
            ] {
                for level in z > 0 ? [0, z] : [0] {
                    let p = projector.point(gx, gy, level)
                    minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
                }
            }
        }
        for group in data.groups { if let rect = group.rect { add(rect, 0) } }
        for surface in data.surfaces { add(surface.rect, 0) }
        for node in data.nodes { add(node.rect, height(node)) }
        for text in data.text {
            let p = projector.point(text.mapPos.x, text.mapPos.y)
            minX = min(minX, p.x); maxX = max(maxX, p.x + Double(text.text.count) * 7.5)
            minY = min(minY, p.y - 16); maxY = max(maxY, p.y)
        }
        guard minX.isFinite else { return (0, 0, 400, 300) }
        let pad = 16.0
        if !data.text.isEmpty, !projector.isometric { minY -= 10 }
        return (minX - pad, minY - pad, maxX - minX + pad * 2, maxY - minY + pad * 2 + 16)
    }

    mutating func document() -> String {
        let (x, y, w, h) = bounds()
        let scale = options.scale > 0 && options.scale.isFinite ? options.scale : 1
        var width = w * scale, height = h * scale
        switch (options.width, options.height) {
        case let (ow?, oh?): width = Double(ow); height = Double(oh)
        case let (ow?, nil): height = Double(ow) * h / w; width = Double(ow)
        case let (nil, oh?): width = Double(oh) * w / h; height = Double(oh)
        default: break
        }
        let view = "\(SVGText.num(x)) \(SVGText.num(y)) \(SVGText.num(w)) \(SVGText.num(h))"
        out += SVGRenderer.header
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(SVGText.num(width))\" "
        out += "height=\"\(SVGText.num(height))\" viewBox=\"\(view)\" preserveAspectRatio=\"xMidYMid meet\" "
        out += "font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<title>\(XMLEscape.escape(data.name.isEmpty ? "Skyplan diagram" : data.name))</title>\n"
        defs()
        if !options.transparent {
            out +=
                "<rect id=\"background\" x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(w))\" "
            out += "height=\"\(SVGText.num(h))\" fill=\"\(palette.background)\"/>\n"
        }
        if options.grid {
            out += "<rect id=\"grid\" x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(w))\" "
            out += "height=\"\(SVGText.num(h))\" fill=\"url(#gridPatternMajor)\"/>\n"
        }
        surfacesAndGroups()
        peerings()
        edges()
        containerEdges()
        components()
        componentLabels()
        notes()
        out += "<g id=\"interactionLayer\" fill=\"none\"></g>\n</svg>\n"
        return out
    }

    private mutating func defs() {
        let u = projector.unit
        out += "<defs>\n"
        out += "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        out +=
            "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"\(palette.edge)\"/></marker>\n"
        let transform = projector.isometric ? " patternTransform=\"\(projector.groundTransform())\"" : ""
        let cell = projector.isometric ? "1" : SVGText.num(u)
        let stroke = projector.isometric ? SVGText.num(1 / u) : "1"
        out +=
            "<pattern id=\"gridPatternMajor\" width=\"\(cell)\" height=\"\(cell)\" patternUnits=\"userSpaceOnUse\"\(transform)>"
        out +=
            "<path d=\"M\(cell) 0L0 0L0 \(cell)\" fill=\"none\" stroke=\"\(palette.gridLine)\" stroke-width=\"\(stroke)\"/></pattern>\n"
        out += pictogramDefinitions()
        out += "</defs>\n"
    }

    private mutating func notes() {
        guard !data.text.isEmpty else { return }
        out += "<g id=\"notes\">\n"
        for text in data.text {
            let p = projector.point(text.mapPos.x, text.mapPos.y)
            out +=
                "<text x=\"\(SVGText.num(p.x))\" y=\"\(SVGText.num(p.y))\" font-size=\"\(SVGText.num(max(1, min(28, text.textSize))))\" "
            out += "fill=\"\(palette.mutedText)\" font-style=\"italic\">\(XMLEscape.escape(text.text))</text>\n"
        }
        out += "</g>\n"
    }
}

/// Maps grid coordinates (and a height) to SVG pixels, for one projection.
struct Projector: Sendable {
    /// Pixels per grid unit.
    let unit: Double
    let isometric: Bool
    private let cosine: Double
    private let sine: Double

    init(isometric: Bool, unit: Double = 24) {
        self.isometric = isometric
        self.unit = unit
        cosine = isometric ? 0.8660254037844386 * unit : unit
        sine = isometric ? 0.5 * unit : unit
    }

    /// Screen position of the ground point (`x`, `y`) raised by `z` grid units.
    func point(_ x: Double, _ y: Double, _ z: Double = 0) -> (x: Double, y: Double) {
        if isometric { return (cosine * (x - y), sine * (x + y) - z * unit) }
        return (x * unit, y * unit)
    }

    /// An SVG `transform` that lays grid-unit drawing flat on the ground (raised by `z`).
    func groundTransform(z: Double = 0) -> String {
        if isometric {
            return
                "matrix(\(SVGText.num(cosine)) \(SVGText.num(sine)) \(SVGText.num(-cosine)) \(SVGText.num(sine)) 0 \(SVGText.num(-z * unit)))"
        }
        return "matrix(\(SVGText.num(unit)) 0 0 \(SVGText.num(unit)) 0 0)"
    }
}

/// Fast, locale-free formatting and escaping for SVG output.
enum SVGText {
    /// A number with at most two decimals, no trailing zeros ("12", "12.5", "-0.25").
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 100).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    /// Escapes text and attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.count + 8)
        for char in text {
            switch char {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(char)
            }
        }
        return result
    }

    /// Shortens a label to `limit` characters with an ellipsis.
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

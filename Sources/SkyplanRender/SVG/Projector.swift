import SkyplanModel

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

    /// An SVG `transform` that lays pixel-sized drawing (grid units × ``unit``) flat on the ground,
    /// raised by `z` grid units. Text uses it with pixel font sizes: librsvg/Pango handle a font size below
    /// 1 under a large transform badly, and at big export scales the failure (FreetypeError) sticks to the
    /// thread's font cache and fails every later PNG and PDF drawn on it.
    func textTransform(z: Double = 0) -> String {
        if isometric { return "matrix(0.8660254 0.5 -0.8660254 0.5 0 \(SVGText.num(-z * unit)))" }
        return "matrix(1 0 0 1 0 0)"
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

/// Fast, locale-free number formatting for SVG output (escaping is ``XMLEscape``).
enum SVGText {
    /// A number with at most two decimals, no trailing zeros ("12", "12.5", "-0.25").
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 100).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        // Saturating: a stored coordinate of 1e17 must not trap the process (it draws off the page).
        let magnitude = Int(saturating: abs(scaled))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    /// Shortens a label to `limit` characters with an ellipsis.
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

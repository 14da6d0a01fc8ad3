import SkyplanDiagram

/// How to draw a blueprint: projection, theme, grid, background, size. Defaults follow the
/// blueprint's own `projection` and `theme` when left nil.
public struct RenderOptions: Sendable, Hashable {
    public enum Projection: String, Sendable, Hashable, CaseIterable {
        case isometric
        case twoD = "2d"
    }

    public enum Theme: String, Sendable, Hashable, CaseIterable { case light, dark }

    /// Nil: the blueprint's projection.
    public var projection: Projection?
    /// Nil: the blueprint's theme.
    public var theme: Theme?
    /// Draw the grid (`gridPatternMajor`).
    public var grid: Bool
    /// Leave the background transparent.
    public var transparent: Bool
    /// 1.0 = natural size.
    public var scale: Double
    /// Output size in pixels; the drawing is fitted inside, keeping its proportions.
    public var width: Int?
    public var height: Int?

    public init(
        projection: Projection? = nil, theme: Theme? = nil, grid: Bool = false, transparent: Bool = false,
        scale: Double = 1, width: Int? = nil, height: Int? = nil
    ) {
        self.projection = projection
        self.theme = theme
        self.grid = grid
        self.transparent = transparent
        self.scale = scale
        self.width = width
        self.height = height
    }

    /// Rejects options that cannot be honoured, naming the parameter (`width`, `height`, `scale`).
    public func validate() throws(RenderError) {
        for (name, value) in [("width", width), ("height", height)] {
            if let value, value <= 0 || value > 20_000 {
                throw RenderError(parameter: name, reason: "must be between 1 and 20000 (it is \(value))")
            }
        }
        guard scale > 0 && scale <= 20 else {
            throw RenderError(parameter: "scale", reason: "must be greater than 0 and at most 20 (it is \(scale))")
        }
    }

    func resolvedProjection(_ data: BlueprintData) -> Projection {
        projection ?? (data.projection == "2d" ? .twoD : .isometric)
    }

    func resolvedTheme(_ data: BlueprintData) -> Theme { theme ?? (data.theme == "dark" ? .dark : .light) }
}

/// A render option that cannot be honoured (negative width, unknown paper size).
public struct RenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The option at fault (`width`, `paperSize`).
    public let parameter: String
    public let reason: String

    public init(parameter: String, reason: String) {
        self.parameter = parameter
        self.reason = reason
    }

    public var description: String { "\(parameter): \(reason)" }
}

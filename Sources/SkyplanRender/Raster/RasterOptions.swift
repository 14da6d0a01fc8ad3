/// Size of a PNG, or page of a PDF.
public struct RasterOptions: Sendable, Hashable {
    /// Pixels (PNG) or points (PDF without a paper size). PNG default 1920×1080 when neither this
    /// nor `scale` is given; one of the two alone keeps the drawing's proportions.
    public var width: Int?
    public var height: Int?
    /// Multiplies the drawing's natural size when no width/height is given.
    public var scale: Double?
    /// PDF paper (`Letter`, `Legal`, `Tabloid`, `Ledger`, `A0`...`A5`); nil: the drawing's own size.
    public var paperSize: PaperSize?
    /// PDF: turn the paper sideways.
    public var landscape: Bool

    public init(
        width: Int? = nil, height: Int? = nil, scale: Double? = nil, paperSize: PaperSize? = nil,
        landscape: Bool = false
    ) {
        self.width = width
        self.height = height
        self.scale = scale
        self.paperSize = paperSize
        self.landscape = landscape
    }

    /// Rejects sizes that cannot be drawn, naming the parameter.
    func validate() throws(RenderError) {
        for (name, value) in [("width", width), ("height", height)] {
            if let value, value <= 0 || value > 20_000 {
                throw RenderError(parameter: name, reason: "must be between 1 and 20000 (it is \(value))")
            }
        }
        if let scale, !(scale > 0 && scale <= 20) {
            throw RenderError(parameter: "scale", reason: "must be greater than 0 and at most 20 (it is \(scale))")
        }
    }
}

/// PDF paper sizes, in points (1/72 inch), portrait.
public enum PaperSize: String, Sendable, Hashable, CaseIterable {
    case letter = "Letter", legal = "Legal", tabloid = "Tabloid", ledger = "Ledger"
    case a0 = "A0", a1 = "A1", a2 = "A2", a3 = "A3", a4 = "A4", a5 = "A5"

    /// Parses a paper name case-insensitively (`a4`, `Letter`), or throws naming `paperSize`.
    public init(parsing text: String) throws(RenderError) {
        guard let size = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw RenderError(
                parameter: "paperSize",
                reason: "unknown paper size \"\(text)\" (use "
                    + Self.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        self = size
    }

    /// Width and height in points. Ledger is tabloid turned sideways (17 × 11 in).
    public var points: (width: Double, height: Double) {
        switch self {
        case .letter: (612, 792)
        case .legal: (612, 1008)
        case .tabloid: (792, 1224)
        case .ledger: (1224, 792)
        case .a0: (2384, 3370)
        case .a1: (1684, 2384)
        case .a2: (1191, 1684)
        case .a3: (842, 1191)
        case .a4: (595, 842)
        case .a5: (420, 595)
        }
    }
}

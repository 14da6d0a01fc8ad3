import SkyplanModel

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

    /// Most pixels (PNG) or square points (PDF) of one export: 8192 × 8192, 64 MP. A 20000 × 20000 PNG
    /// took 30 s and 1.6 GB for one request.
    public static let maxPixels = 8192 * 8192
    /// Longest side of an export, in pixels or points.
    public static let maxSide = 20_000

    /// Rejects sizes that cannot be drawn, naming the parameter.
    public func validate() throws(RenderError) {
        if let width, let height, width > 0, height > 0, width * height > Self.maxPixels {
            throw RenderError(
                parameter: "width",
                reason: "width × height must be at most \(Self.maxPixels) pixels (64 MP; it is \(width) × \(height))")
        }
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

extension RasterOptions {
    /// Throws unless a `width` × `height` output (after fitting the drawing: its extent times `scale`) is
    /// within ``maxSide`` and ``maxPixels``; the error names the limit and what to pass instead.
    static func checkArea(width: Double, height: Double, unit: String) throws(RenderError) {
        let side = Double(maxSide)
        guard width.isFinite, height.isFinite, width <= side, height <= side, width * height <= Double(maxPixels)
        else {
            let size = "\(Int(saturating: width.rounded())) × \(Int(saturating: height.rounded())) \(unit)"
            throw RenderError(
                parameter: "scale",
                reason: "the drawing would be \(size); an export may be at most \(maxSide) \(unit) a side and "
                    + "\(maxPixels) in all (64 MP): pass a smaller scale, width and height, or a paperSize")
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

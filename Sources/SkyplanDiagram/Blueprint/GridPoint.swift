import SkyplanModel

/// A position or size in grid units (`mapPos`, `mapSize`), shared by both projections.
public struct GridPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        x = try container.decode(Double.self)
        y = try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(x)
        try container.encode(y)
    }

    /// `[x, y]` as JSON.
    public var json: JSONValue { .array([.number(x), .number(y)]) }

    public var description: String { "[\(x), \(y)]" }
}

/// An axis-aligned rectangle in grid units.
public struct GridRect: Hashable, Sendable, CustomStringConvertible {
    public var origin: GridPoint
    public var size: GridPoint

    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = GridPoint(x: x, y: y)
        size = GridPoint(x: width, y: height)
    }

    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.x }
    public var maxY: Double { origin.y + size.y }

    /// True when the interiors intersect (touching edges do not count).
    public func overlaps(_ other: GridRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// True when `other` lies inside this rectangle (edges may touch).
    public func contains(_ other: GridRect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The smallest rectangle holding both.
    public func union(_ other: GridRect) -> GridRect {
        let x0 = Swift.min(minX, other.minX), y0 = Swift.min(minY, other.minY)
        return GridRect(x: x0, y: y0, width: Swift.max(maxX, other.maxX) - x0, height: Swift.max(maxY, other.maxY) - y0)
    }

    public var description: String { "(\(minX), \(minY)) \(size.x)×\(size.y)" }
}

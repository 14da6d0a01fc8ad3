/// What a blueprint may hold, checked when it is read (``BlueprintData/init(json:)``) so that nothing
/// saved can break an export: ids are short tokens, colours are hex, numbers are within a drawing's
/// reach. Renderers still clamp and escape, for records stored before these checks.
public enum BlueprintLimits {
    /// Longest id (Cloudcraft's are 36-character UUIDs; Skyplan's own the same).
    public static let maxIDLength = 128
    /// Largest |x| or |y| of a position, and largest size, in grid units. A scan of 10,000 resources
    /// lays out within a few thousand units.
    public static let maxCoordinate = 1_000_000.0
    /// Largest `count` of an aggregated node and of each `breakdown` entry.
    public static let maxCount = 1_000_000_000.0
    /// Largest `version` of a document.
    public static let maxVersion = 1_000_000.0
    /// Largest magnitude of any other number in a blueprint (configuration such as `dataGb`, unknown
    /// fields kept verbatim): far beyond any real quantity, and still exact as an integer.
    public static let maxMagnitude = 1e15
    /// Deepest nesting of arrays and objects in the document.
    public static let maxDepth = 32

    /// True for an id: 1 to ``maxIDLength`` letters, digits, `-`, `_`, `.` or `:` (UUIDs, `n1`, `i-0abc`).
    public static func isID(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maxIDLength else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == 45 || byte == 95 || byte == 46 || byte == 58
        }
    }

    /// True for a colour as Cloudcraft writes them: `#rrggbb` (either case), or the short `#rgb`.
    public static func isColor(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7 || bytes.count == 4, bytes[0] == 35 else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
        }
    }
}

extension BlueprintData {
    /// The document with every drawn number brought within ``BlueprintLimits``: positions within
    /// ±``BlueprintLimits/maxCoordinate``, sizes within 0...``BlueprintLimits/maxCoordinate``, counts,
    /// text sizes and edge widths within their ranges. Input is checked on the way in; renderers draw
    /// this, so that a record stored before the checks cannot make them compute with 1e300.
    public func clampedToLimits() -> BlueprintData {
        var data = self
        for index in data.nodes.indices {
            data.nodes[index].mapPos = data.nodes[index].mapPos.clamped(size: false)
            data.nodes[index].mapSize = data.nodes[index].mapSize?.clamped(size: true)
            data.nodes[index].count = data.nodes[index].count.map { Swift.max(0, Swift.min(1_000_000_000, $0)) }
        }
        for index in data.groups.indices {
            data.groups[index].mapPos = data.groups[index].mapPos?.clamped(size: false)
            data.groups[index].mapSize = data.groups[index].mapSize?.clamped(size: true)
        }
        for index in data.surfaces.indices {
            data.surfaces[index].mapPos = data.surfaces[index].mapPos.clamped(size: false)
            data.surfaces[index].mapSize = data.surfaces[index].mapSize.clamped(size: true)
        }
        for index in data.text.indices {
            data.text[index].mapPos = data.text[index].mapPos.clamped(size: false)
            data.text[index].textSize = BlueprintLimits.clamp(data.text[index].textSize, 0...1_000)
        }
        for index in data.edges.indices {
            data.edges[index].width = BlueprintLimits.clamp(data.edges[index].width, 0...1_000)
        }
        return data
    }
}

extension BlueprintLimits {
    /// `value` within `range`; NaN becomes the lower bound.
    static func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        value.isNaN ? range.lowerBound : Swift.min(range.upperBound, Swift.max(range.lowerBound, value))
    }
}

extension GridPoint {
    func clamped(size: Bool) -> GridPoint {
        let limit = BlueprintLimits.maxCoordinate
        let range = size ? 0...limit : -limit...limit
        return GridPoint(x: BlueprintLimits.clamp(x, range), y: BlueprintLimits.clamp(y, range))
    }
}

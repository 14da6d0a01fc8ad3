import SkyplanModel

/// Reads typed fields out of a JSON object and keeps track of the ones it consumed, so that the
/// rest can be kept verbatim (`extra`) and written back: unknown Cloudcraft fields round-trip.
struct JSONObjectReader {
    let path: String
    /// Whether ``BlueprintLimits`` are enforced: always for input; not when reading back a record stored
    /// before they existed (the renderers escape and clamp what they draw).
    let checking: Bool
    private var remaining: [String: JSONValue]

    init(_ value: JSONValue, path: String, checking: Bool) throws(BlueprintError) {
        guard case .object(let object) = value else {
            throw .wrongShape(path.isEmpty ? "data" : path, expected: "an object")
        }
        self.path = path
        self.checking = checking
        self.remaining = object
    }

    /// The fields nobody asked for.
    var extra: [String: JSONValue] { remaining }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func take(_ key: String) -> JSONValue? {
        guard let value = remaining.removeValue(forKey: key) else { return nil }
        if case .null = value { return nil }
        return value
    }

    mutating func string(_ key: String) throws(BlueprintError) -> String? {
        guard let value = take(key) else { return nil }
        guard case .string(let text) = value else { throw .wrongShape(field(key), expected: "a string") }
        return text
    }

    mutating func requiredString(_ key: String) throws(BlueprintError) -> String {
        guard let text = try string(key) else { throw .missing(field(key)) }
        return text
    }

    mutating func number(_ key: String) throws(BlueprintError) -> Double? {
        guard let value = take(key) else { return nil }
        guard case .number(let number) = value else { throw .wrongShape(field(key), expected: "a number") }
        return number
    }

    /// A number within `range` (inclusive), and a whole one when `whole`; the error names the field and the range.
    mutating func number(_ key: String, in range: ClosedRange<Double>, whole: Bool = false) throws(BlueprintError)
        -> Double?
    {
        guard let value = try number(key) else { return nil }
        try check(value, in: range, whole: whole, field: field(key))
        return value
    }

    func check(_ value: Double, in range: ClosedRange<Double>, whole: Bool, field: String) throws(BlueprintError) {
        guard checking else { return }
        guard range.contains(value), !whole || value == value.rounded() else {
            let kind = whole ? "a whole number" : "a number"
            throw .invalidValue(
                field,
                "must be \(kind) from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)) (it is \(value))"
            )
        }
    }

    private static func format(_ value: Double) -> String {
        abs(value) <= 1e15 && value == value.rounded() ? String(Int64(value)) : "\(value)"
    }

    /// An id (``BlueprintLimits/isID(_:)``).
    mutating func id(_ key: String) throws(BlueprintError) -> String? {
        guard let text = try string(key) else { return nil }
        try checkID(text, field: field(key))
        return text
    }

    mutating func requiredID(_ key: String) throws(BlueprintError) -> String {
        guard let text = try id(key) else { throw .missing(field(key)) }
        return text
    }

    func checkID(_ text: String, field: String) throws(BlueprintError) {
        guard checking, !BlueprintLimits.isID(text) else { return }
        throw .invalidValue(
            field,
            "must be an id of 1 to \(BlueprintLimits.maxIDLength) letters, digits, \"-\", \"_\", \".\" or \":\" "
                + "(such as a UUID)")
    }

    /// A colour field, when present: `"#rrggbb"`, or an object of them per projection (`isometric`, `2d`).
    mutating func checkColor(_ key: String) throws(BlueprintError) {
        guard let value = remaining[key] else { return }
        try checkColor(value, field: field(key))
    }

    func checkColor(_ value: JSONValue, field: String) throws(BlueprintError) {
        guard checking else { return }
        switch value {
        case .null: return
        case .string(let text):
            guard BlueprintLimits.isColor(text) else {
                throw .invalidValue(field, "must be a colour written #rrggbb")
            }
        case .object(let object):
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                try checkColor(item, field: "\(field).\(key)")
            }
        default: throw .wrongShape(field, expected: "a colour written #rrggbb")
        }
    }

    mutating func bool(_ key: String) throws(BlueprintError) -> Bool? {
        guard let value = take(key) else { return nil }
        guard case .bool(let flag) = value else { throw .wrongShape(field(key), expected: "true or false") }
        return flag
    }

    mutating func array(_ key: String) throws(BlueprintError) -> [JSONValue]? {
        guard let value = take(key) else { return nil }
        guard case .array(let items) = value else { throw .wrongShape(field(key), expected: "an array") }
        return items
    }

    mutating func strings(_ key: String) throws(BlueprintError) -> [String]? {
        guard let items = try array(key) else { return nil }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw .wrongShape("\(field(key))[\(index)]", expected: "a string")
            }
            result.append(text)
        }
        return result
    }

    /// A `[x, y]` pair of numbers (`mapPos`, `mapSize`), each within ±``BlueprintLimits/maxCoordinate``;
    /// a size (`mapSize`) is not negative.
    mutating func point(_ key: String) throws(BlueprintError) -> GridPoint? {
        guard let items = try array(key) else { return nil }
        guard items.count == 2, let x = items[0].numberValue, let y = items[1].numberValue, x.isFinite, y.isFinite
        else { throw .wrongShape(field(key), expected: "[x, y] with two numbers") }
        let limit = BlueprintLimits.maxCoordinate
        let range = key == "mapSize" ? 0...limit : -limit...limit
        try check(x, in: range, whole: false, field: "\(field(key))[0]")
        try check(y, in: range, whole: false, field: "\(field(key))[1]")
        return GridPoint(x: x, y: y)
    }

    /// Decodes each element of an array field with `make`, naming the element on failure.
    mutating func objects<T>(
        _ key: String, _ make: (JSONValue, String) throws(BlueprintError) -> T
    ) throws(BlueprintError) -> [T] {
        guard let items = try array(key) else { return [] }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try make(item, "\(field(key))[\(index)]"))
        }
        return result
    }
}

extension JSONValue {
    /// The number, only when the value is a JSON number.
    var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Sets `key` only when `value` is non-nil.
    mutating func set(_ key: String, _ value: JSONValue?) {
        if let value { self[key] = value }
    }
}

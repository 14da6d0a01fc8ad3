import SkyplanModel

/// Reads typed fields out of a JSON object and keeps track of the ones it consumed, so that the
/// rest can be kept verbatim (`extra`) and written back: unknown Cloudcraft fields round-trip.
struct JSONObjectReader {
    let path: String
    private var remaining: [String: JSONValue]

    init(_ value: JSONValue, path: String) throws(BlueprintError) {
        guard case .object(let object) = value else {
            throw .wrongShape(path.isEmpty ? "data" : path, expected: "an object")
        }
        self.path = path
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

    /// A `[x, y]` pair of numbers (`mapPos`, `mapSize`).
    mutating func point(_ key: String) throws(BlueprintError) -> GridPoint? {
        guard let items = try array(key) else { return nil }
        guard items.count == 2, let x = items[0].numberValue, let y = items[1].numberValue, x.isFinite, y.isFinite
        else { throw .wrongShape(field(key), expected: "[x, y] with two numbers") }
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

import SkyplanModel

/// Small readers shared by the typed operations of the JSON services.
extension JSONValue {
    /// A string member, nil when absent or empty.
    func str(_ key: String) -> String? { self[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }

    /// A number member as an Int.
    func int(_ key: String) -> Int? { self[key]?.doubleValue.map { Int($0) } }

    /// An array-of-strings member (empty when absent).
    func strings(_ key: String) -> [String] { self[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// An array member (empty when absent).
    func items(_ key: String) -> [JSONValue] { self[key]?.arrayValue ?? [] }

    /// A `{"k": "v"}` member, or a `[{"Key": k, "Value": v}]` member, as a dictionary.
    func tagMap(_ key: String) -> [String: String] {
        if let object = self[key]?.objectValue { return object.compactMapValues(\.stringValue) }
        var tags: [String: String] = [:]
        for item in items(key) {
            if let name = item.str("Key") ?? item.str("key") {
                tags[name] = item["Value"]?.stringValue ?? item["value"]?.stringValue ?? ""
            }
        }
        return tags
    }
}

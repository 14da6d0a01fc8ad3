/// Small readers shared by the typed operations of the data services.
extension XMLTree {
    /// `<Wrapper><Tag><Key>k</Key><Value>v</Value></Tag>...` (any item name) as a dictionary.
    func tagMap(_ wrapper: String) -> [String: String] {
        var tags: [String: String] = [:]
        for item in list(wrapper) {
            if let key = item.string("Key") ?? item.string("key") {
                tags[key] = item.string("Value") ?? item.string("value") ?? ""
            }
        }
        return tags
    }

    /// A child's text as an Int.
    func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }

    /// A child's text as a Bool (`true`/`false`).
    func bool(_ name: String) -> Bool? { string(name).map { $0.lowercased() == "true" } }

    /// A non-empty child's text.
    func nonEmpty(_ name: String) -> String? { string(name).flatMap { $0.isEmpty ? nil : $0 } }
}

import SkyplanModel

/// What changed between two versions of a blueprint: components added, removed and changed,
/// matched by ARN where they have one (a re-scan gives new node ids), else by node id.
public struct BlueprintDiff: Hashable, Sendable, Codable {
    public struct Component: Hashable, Sendable, Codable {
        public var key: String
        public var type: ComponentType
        public var name: String?
    }

    public struct Change: Hashable, Sendable, Codable {
        public var key: String
        public var type: ComponentType
        public var name: String?
        /// The configuration keys whose values differ (`instanceSize`, `mapPos`, ...).
        public var fields: [String]
    }

    public var added: [Component]
    public var removed: [Component]
    public var changed: [Change]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares the components (nodes and groups) of two blueprints. Deterministic: sorted by key.
    public static func between(_ old: BlueprintData, _ new: BlueprintData) -> BlueprintDiff {
        let before = components(of: old)
        let after = components(of: new)
        let added = after.keys.filter { before[$0] == nil }.sorted().compactMap { key in
            after[key].map { Component(key: key, type: $0.type, name: $0.name) }
        }
        let removed = before.keys.filter { after[$0] == nil }.sorted().compactMap { key in
            before[key].map { Component(key: key, type: $0.type, name: $0.name) }
        }
        var changed: [Change] = []
        for key in before.keys.sorted() {
            guard let left = before[key], let right = after[key] else { continue }
            let names = Set(left.fields.keys).union(right.fields.keys)
            let fields = names.filter { left.fields[$0] != right.fields[$0] }.sorted()
            if !fields.isEmpty { changed.append(Change(key: key, type: right.type, name: right.name, fields: fields)) }
        }
        return BlueprintDiff(added: added, removed: removed, changed: changed)
    }

    private struct Entry {
        var type: ComponentType
        var name: String?
        var fields: [String: JSONValue]
    }

    private static func components(of data: BlueprintData) -> [String: Entry] {
        var result: [String: Entry] = [:]
        let json = data.json
        for listName in ["nodes", "groups"] {
            for item in json[listName]?.arrayValue ?? [] {
                guard var fields = item.objectValue else { continue }
                let key = fields["arn"]?.stringValue ?? fields["id"]?.stringValue ?? ""
                guard !key.isEmpty else { continue }
                if fields["arn"] != nil { fields["id"] = nil }  // node ids change between scans
                fields["nodes"] = nil  // membership is reported through the members themselves
                let type = ComponentType(fields["type"]?.stringValue ?? "unknown")
                result[key] = Entry(type: type, name: fields["name"]?.stringValue, fields: fields)
            }
        }
        return result
    }
}

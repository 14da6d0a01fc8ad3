import SkyplanModel

/// Level of detail: one cell standing for many alike components ("EC2 × 48", with a breakdown).
enum AggregateCell {
    static func make(type: ComponentType, members: [Resource], path: String) -> LayoutBox {
        let title = "\(ComponentStyle.displayName(type)) × \(members.count)"
        let box = LayoutBox(.component, key: "c|\(type.rawValue)|~aggregate", title: title)
        var breakdown: [String: Int] = [:]
        for member in members { breakdown[kind(of: member), default: 0] += 1 }
        box.aggregate = (type, members.count, breakdown, members.map(\.arn))
        box.resource = Resource(
            arn: "aggregate:\(path)/\(type.rawValue)", type: type, resourceID: title,
            accountID: members.first?.accountID ?? "", region: members.first?.region ?? "", name: title,
            config: sharedConfig(members))
        return box
    }

    /// What distinguishes alike components: instance class, engine, or the type itself.
    static func kind(of resource: Resource) -> String {
        let config = resource.config
        if let type = config["instanceType"]?.stringValue {
            if let size = config["instanceSize"]?.stringValue { return "\(type).\(size)" }
            return type
        }
        for key in ["engine", "elbType", "volumeType", "runtime", "launchType"] {
            if let value = config[key]?.stringValue { return value }
        }
        return resource.type.rawValue
    }

    /// The configuration every member agrees on (kept so the aggregate can still be priced and drawn).
    static func sharedConfig(_ members: [Resource]) -> [String: JSONValue] {
        guard var shared = members.first?.config else { return [:] }
        for member in members.dropFirst() {
            for (key, value) in shared where member.config[key] != value { shared[key] = nil }
            if shared.isEmpty { break }
        }
        return shared
    }
}

/// Helpers for names taken from ARNs.
enum ARNNames {
    /// The last `/`- or `:`-separated part of an ARN.
    static func lastComponent(_ arn: String) -> String {
        arn.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? arn
    }
}

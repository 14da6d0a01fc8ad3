import SkyplanModel

/// `liveOptions` of a blueprint: how a live diagram updates.
public struct LiveOptions: Hashable, Sendable, Codable {
    public var autoLabel: Bool
    public var autoConnect: Bool
    public var updatesEnabled: Bool
    public var updateAllOnScan: Bool
    public var updateGroupsOnScan: Bool
    public var updateNodeOnSelect: Bool
    public var excludedTypes: [String]
    public var extra: [String: JSONValue]

    public init(
        autoLabel: Bool = true, autoConnect: Bool = true, updatesEnabled: Bool = true, updateAllOnScan: Bool = true,
        updateGroupsOnScan: Bool = true, updateNodeOnSelect: Bool = true, excludedTypes: [String] = []
    ) {
        self.autoLabel = autoLabel
        self.autoConnect = autoConnect
        self.updatesEnabled = updatesEnabled
        self.updateAllOnScan = updateAllOnScan
        self.updateGroupsOnScan = updateGroupsOnScan
        self.updateNodeOnSelect = updateNodeOnSelect
        self.excludedTypes = excludedTypes
        self.extra = [:]
    }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        autoLabel = try reader.bool("autoLabel") ?? true
        autoConnect = try reader.bool("autoConnect") ?? true
        updatesEnabled = try reader.bool("updatesEnabled") ?? true
        updateAllOnScan = try reader.bool("updateAllOnScan") ?? true
        updateGroupsOnScan = try reader.bool("updateGroupsOnScan") ?? true
        updateNodeOnSelect = try reader.bool("updateNodeOnSelect") ?? true
        excludedTypes = try reader.strings("excludedTypes") ?? []
        extra = reader.extra
    }

    var json: JSONValue {
        var object = extra
        object["autoLabel"] = .bool(autoLabel)
        object["autoConnect"] = .bool(autoConnect)
        object["updatesEnabled"] = .bool(updatesEnabled)
        object["updateAllOnScan"] = .bool(updateAllOnScan)
        object["updateGroupsOnScan"] = .bool(updateGroupsOnScan)
        object["updateNodeOnSelect"] = .bool(updateNodeOnSelect)
        object["excludedTypes"] = .array(excludedTypes.map(JSONValue.string))
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder), path: "liveOptions")
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

import SkyplanModel

/// A container drawn as an outlined area: `region`, `vpc`, `subnet`, `sg`, `asg`, `ecsservice`.
public struct BlueprintGroup: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var type: ComponentType
    public var name: String?
    public var arn: String?
    /// Ids of the direct members: nodes, and nested groups and surfaces.
    public var nodes: [String]
    /// The outline, in grid units (Skyplan writes it; Cloudcraft derives it from the members).
    public var mapPos: GridPoint?
    public var mapSize: GridPoint?
    /// For subnets: `public`, `private` or `isolated`; for others absent.
    public var access: String?
    /// Anything else (`peeringConnections`, `inboundRules`, `outboundRules`, colours), verbatim.
    public var extra: [String: JSONValue]

    public init(
        id: String, type: ComponentType, name: String? = nil, arn: String? = nil, nodes: [String] = [],
        mapPos: GridPoint? = nil, mapSize: GridPoint? = nil, access: String? = nil, extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.arn = arn
        self.nodes = nodes
        self.mapPos = mapPos
        self.mapSize = mapSize
        self.access = access
        self.extra = extra
    }

    /// The outline, when the group has one.
    public var rect: GridRect? {
        guard let mapPos, let mapSize else { return nil }
        return GridRect(x: mapPos.x, y: mapPos.y, width: mapSize.x, height: mapSize.y)
    }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        id = try reader.requiredID("id")
        let typeName = try reader.requiredString("type")
        type = ComponentType(typeName)
        guard type.isContainer, type != .zone else { throw .unknownType(reader.field("type"), typeName) }
        name = try reader.string("name")
        arn = try reader.string("arn")
        nodes = try reader.strings("nodes") ?? []
        for (index, member) in nodes.enumerated() {
            try reader.checkID(member, field: "\(reader.field("nodes"))[\(index)]")
        }
        mapPos = try reader.point("mapPos")
        mapSize = try reader.point("mapSize")
        access = try reader.string("access")
        try reader.checkColor("color")
        extra = reader.extra
    }

    /// The group as Cloudcraft JSON.
    public var json: JSONValue {
        var object = extra
        object["id"] = .string(id)
        object["type"] = .string(type.rawValue)
        object.set("name", name.map(JSONValue.string))
        object.set("arn", arn.map(JSONValue.string))
        object["nodes"] = .array(nodes.map(JSONValue.string))
        object.set("mapPos", mapPos?.json)
        object.set("mapSize", mapSize?.json)
        object.set("access", access.map(JSONValue.string))
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder), path: "group")
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// A flat surface: `zone` (availability zone) or `area`.
public struct BlueprintSurface: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var type: String
    public var name: String?
    public var mapPos: GridPoint
    public var mapSize: GridPoint
    public var extra: [String: JSONValue]

    public init(
        id: String, type: String = "zone", name: String? = nil, mapPos: GridPoint, mapSize: GridPoint,
        extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.mapPos = mapPos
        self.mapSize = mapSize
        self.extra = extra
    }

    public var rect: GridRect { GridRect(x: mapPos.x, y: mapPos.y, width: mapSize.x, height: mapSize.y) }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        id = try reader.requiredID("id")
        type = try reader.requiredString("type")
        guard type == "zone" || type == "area" else { throw .unknownType(reader.field("type"), type) }
        name = try reader.string("name")
        guard let position = try reader.point("mapPos") else { throw .missing(reader.field("mapPos")) }
        guard let size = try reader.point("mapSize") else { throw .missing(reader.field("mapSize")) }
        guard size.x >= 0, size.y >= 0 else { throw .invalidValue(reader.field("mapSize"), "must not be negative") }
        mapPos = position
        mapSize = size
        try reader.checkColor("color")
        extra = reader.extra
    }

    /// The surface as Cloudcraft JSON.
    public var json: JSONValue {
        var object = extra
        object["id"] = .string(id)
        object["type"] = .string(type)
        object.set("name", name.map(JSONValue.string))
        object["mapPos"] = mapPos.json
        object["mapSize"] = mapSize.json
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder), path: "surface")
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

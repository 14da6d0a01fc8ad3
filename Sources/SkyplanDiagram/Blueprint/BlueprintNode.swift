import SkyplanModel

/// A component on the diagram (`ec2`, `rds`, `s3`, ...). Holds what is needed to draw and price it,
/// and the ARN linking it to the live resource; never live values.
public struct BlueprintNode: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var type: ComponentType
    public var region: String?
    /// Position of the footprint's corner, in grid units.
    public var mapPos: GridPoint
    /// Footprint in grid units; not a Cloudcraft field, written so that renderers agree on it.
    public var mapSize: GridPoint?
    /// `{"isometric": "#hex", "2d": "#hex"}`.
    public var color: NodeColor?
    /// The live resource this node stands for; absent for drawn-by-hand and aggregated nodes.
    public var arn: String?
    /// The label; Skyplan's addition (the resource's Name tag or id).
    public var name: String?
    /// For an aggregated node ("EC2 × 48"): how many resources it stands for.
    public var count: Int?
    /// For an aggregated node: how many of each kind (`"m5.large": 40`).
    public var breakdown: [String: Int]?
    /// Type-specific configuration (`instanceType`, `engine`, ...) and any field Skyplan does not
    /// model, kept verbatim.
    public var extra: [String: JSONValue]

    public init(
        id: String, type: ComponentType, region: String? = nil, mapPos: GridPoint, mapSize: GridPoint? = nil,
        color: NodeColor? = nil, arn: String? = nil, name: String? = nil, count: Int? = nil,
        breakdown: [String: Int]? = nil, extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.region = region
        self.mapPos = mapPos
        self.mapSize = mapSize
        self.color = color
        self.arn = arn
        self.name = name
        self.count = count
        self.breakdown = breakdown
        self.extra = extra
    }

    /// The footprint in grid units (1×1 when `mapSize` is absent).
    public var rect: GridRect {
        GridRect(x: mapPos.x, y: mapPos.y, width: mapSize?.x ?? 1, height: mapSize?.y ?? 1)
    }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        id = try reader.requiredID("id")
        let typeName = try reader.requiredString("type")
        type = ComponentType(typeName)
        guard type.isKnown, !type.isContainer else { throw .unknownType(reader.field("type"), typeName) }
        region = try reader.string("region")
        guard let position = try reader.point("mapPos") else { throw .missing(reader.field("mapPos")) }
        mapPos = position
        mapSize = try reader.point("mapSize")
        if let value = reader.take("color") {
            color = try NodeColor(json: value, path: reader.field("color"), checking: checking)
        }
        arn = try reader.string("arn")
        name = try reader.string("name")
        count = try reader.number("count", in: 0...BlueprintLimits.maxCount, whole: true).map { Int(saturating: $0) }
        if let value = reader.take("breakdown") {
            guard case .object(let object) = value else {
                throw .wrongShape(reader.field("breakdown"), expected: "an object of counts")
            }
            var counts: [String: Int] = [:]
            for (key, item) in object {
                let field = "\(reader.field("breakdown")).\(key)"
                guard let number = item.numberValue else { throw .wrongShape(field, expected: "a number") }
                try reader.check(number, in: 0...BlueprintLimits.maxCount, whole: true, field: field)
                counts[key] = Int(saturating: number)
            }
            breakdown = counts
        }
        extra = reader.extra
    }

    /// The node as Cloudcraft JSON.
    public var json: JSONValue {
        var object = extra
        object["id"] = .string(id)
        object["type"] = .string(type.rawValue)
        object.set("region", region.map(JSONValue.string))
        object["mapPos"] = mapPos.json
        object.set("mapSize", mapSize?.json)
        object.set("color", color?.json)
        object.set("arn", arn.map(JSONValue.string))
        object.set("name", name.map(JSONValue.string))
        object.set("count", count.map { .number(Double($0)) })
        object.set("breakdown", breakdown.map { .object($0.mapValues { .number(Double($0)) }) })
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder), path: "node")
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// A node's colour per projection.
public struct NodeColor: Hashable, Sendable {
    public var isometric: String
    public var twoD: String

    public init(isometric: String, twoD: String) {
        self.isometric = isometric
        self.twoD = twoD
    }

    /// The same colour in both projections.
    public init(_ hex: String) { self.init(isometric: hex, twoD: hex) }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        let iso = try reader.string("isometric")
        let flat = try reader.string("2d")
        guard let any = iso ?? flat else { throw .missing(reader.field("isometric")) }
        for (key, value) in [("isometric", iso), ("2d", flat)] {
            if let value { try reader.checkColor(.string(value), field: reader.field(key)) }
        }
        isometric = iso ?? any
        twoD = flat ?? any
    }

    var json: JSONValue { .object(["isometric": .string(isometric), "2d": .string(twoD)]) }
}

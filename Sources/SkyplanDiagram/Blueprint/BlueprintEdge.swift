import SkyplanModel

/// A connection between two nodes; discovered ones are `autoedge`, drawn ones `edge`.
public struct BlueprintEdge: Hashable, Sendable, Codable {
    public var id: String?
    public var from: String
    public var to: String
    public var type: String
    public var width: Double
    public var dashed: Bool
    /// `arrow` or `none`.
    public var endCap: String
    /// The relationship it was drawn from (`targets`, `eventSource`, ...); Skyplan's addition.
    public var kind: String?
    /// Why the relationship is known: the API call and the field that showed it (`elbv2:DescribeTargetHealth
    /// i-0abc healthy`, ...), several joined by "; "; Skyplan's addition.
    public var evidence: String?
    public var extra: [String: JSONValue]

    public init(
        id: String? = nil, from: String, to: String, type: String = "autoedge", width: Double = 2,
        dashed: Bool = false, endCap: String = "arrow", kind: String? = nil, evidence: String? = nil,
        extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.type = type
        self.width = width
        self.dashed = dashed
        self.endCap = endCap
        self.kind = kind
        self.evidence = evidence
        self.extra = extra
    }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        id = try reader.id("id")
        from = try reader.requiredID("from")
        to = try reader.requiredID("to")
        type = try reader.string("type") ?? "edge"
        guard type == "edge" || type == "autoedge" else {
            throw .invalidValue(reader.field("type"), "must be \"edge\" or \"autoedge\" (it is \"\(type)\")")
        }
        width = try reader.number("width", in: 0...1_000) ?? 2
        dashed = try reader.bool("dashed") ?? false
        endCap = try reader.string("endCap") ?? "arrow"
        kind = try reader.string("kind")
        evidence = try reader.string("evidence")
        try reader.checkColor("color")
        extra = reader.extra
    }

    /// The edge as Cloudcraft JSON.
    public var json: JSONValue {
        var object = extra
        object.set("id", id.map(JSONValue.string))
        object["from"] = .string(from)
        object["to"] = .string(to)
        object["type"] = .string(type)
        object["width"] = .number(width)
        object["dashed"] = .bool(dashed)
        object["endCap"] = .string(endCap)
        object.set("kind", kind.map(JSONValue.string))
        object.set("evidence", evidence.map(JSONValue.string))
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder), path: "edge")
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// A free text label on the diagram (also used for the level-of-detail note).
public struct BlueprintText: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    public var mapPos: GridPoint
    public var textSize: Double
    public var extra: [String: JSONValue]

    public init(id: String, text: String, mapPos: GridPoint, textSize: Double = 14, extra: [String: JSONValue] = [:]) {
        self.id = id
        self.text = text
        self.mapPos = mapPos
        self.textSize = textSize
        self.extra = extra
    }

    init(json: JSONValue, path: String, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: path, checking: checking)
        id = try reader.requiredID("id")
        text = try reader.string("text") ?? ""
        mapPos = try reader.point("mapPos") ?? GridPoint(x: 0, y: 0)
        textSize = try reader.number("textSize", in: 0...1_000) ?? 14
        try reader.checkColor("color")
        extra = reader.extra
    }

    /// The text as Cloudcraft JSON.
    public var json: JSONValue {
        var object = extra
        object["id"] = .string(id)
        object["text"] = .string(text)
        object["mapPos"] = mapPos.json
        object["textSize"] = .number(textSize)
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder), path: "text")
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

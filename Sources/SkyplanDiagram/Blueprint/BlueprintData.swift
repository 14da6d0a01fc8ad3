import Foundation
import SkyplanModel

/// Cloudcraft's blueprint `data` document: what a diagram is. Round-trips unknown fields.
public struct BlueprintData: Hashable, Sendable, Codable {
    public var name: String
    public var version: Int
    public var grid: String
    /// `isometric` or `2d`.
    public var projection: String
    /// `light` or `dark` (`theme.base`).
    public var theme: String
    public var nodes: [BlueprintNode]
    public var edges: [BlueprintEdge]
    public var groups: [BlueprintGroup]
    public var surfaces: [BlueprintSurface]
    public var text: [BlueprintText]
    /// Drawn-by-hand items Skyplan keeps but does not model.
    public var icons: [JSONValue]
    public var images: [JSONValue]
    public var connectors: [JSONValue]
    public var disabledLayers: [JSONValue]
    public var shareDocs: Bool
    /// `{"id": "<account uuid>", "type": "aws"}` when the diagram came from a scan.
    public var liveAccount: JSONValue?
    public var liveOptions: LiveOptions
    /// Fields of `data` Skyplan does not model, kept verbatim.
    public var extra: [String: JSONValue]

    public init(
        name: String = "", version: Int = 4, grid: String = "infinite", projection: String = "isometric",
        theme: String = "light", nodes: [BlueprintNode] = [], edges: [BlueprintEdge] = [],
        groups: [BlueprintGroup] = [], surfaces: [BlueprintSurface] = [], text: [BlueprintText] = [],
        liveAccount: JSONValue? = nil, liveOptions: LiveOptions = LiveOptions()
    ) {
        self.name = name
        self.version = version
        self.grid = grid
        self.projection = projection
        self.theme = theme
        self.nodes = nodes
        self.edges = edges
        self.groups = groups
        self.surfaces = surfaces
        self.text = text
        self.icons = []
        self.images = []
        self.connectors = []
        self.disabledLayers = []
        self.shareDocs = false
        self.liveAccount = liveAccount
        self.liveOptions = liveOptions
        self.extra = [:]
    }

    /// Reads and validates a document; the error names the bad field. `checking: false` skips
    /// ``BlueprintLimits`` (ids, colours, number ranges) for records stored before they were enforced.
    public init(json: JSONValue, checking: Bool = true) throws(BlueprintError) {
        var reader = try JSONObjectReader(json, path: "", checking: checking)
        name = try reader.string("name") ?? ""
        version = Int(saturating: try reader.number("version", in: 0...BlueprintLimits.maxVersion, whole: true) ?? 4)
        grid = try reader.string("grid") ?? "infinite"
        projection = try reader.string("projection") ?? "isometric"
        guard projection == "isometric" || projection == "2d" else {
            throw .invalidValue("projection", "must be \"isometric\" or \"2d\" (it is \"\(projection)\")")
        }
        theme = "light"
        var themeExtra: [String: JSONValue] = [:]
        if let value = reader.take("theme") {
            var themeReader = try JSONObjectReader(value, path: "theme", checking: checking)
            theme = try themeReader.string("base") ?? "light"
            themeExtra = themeReader.extra
        }
        nodes = try reader.objects("nodes") { (value, path) throws(BlueprintError) in
            try BlueprintNode(json: value, path: path, checking: checking)
        }
        edges = try reader.objects("edges") { (value, path) throws(BlueprintError) in
            try BlueprintEdge(json: value, path: path, checking: checking)
        }
        groups = try reader.objects("groups") { (value, path) throws(BlueprintError) in
            try BlueprintGroup(json: value, path: path, checking: checking)
        }
        surfaces = try reader.objects("surfaces") { (value, path) throws(BlueprintError) in
            try BlueprintSurface(json: value, path: path, checking: checking)
        }
        text = try reader.objects("text") { (value, path) throws(BlueprintError) in
            try BlueprintText(json: value, path: path, checking: checking)
        }
        icons = try reader.array("icons") ?? []
        images = try reader.array("images") ?? []
        connectors = try reader.array("connectors") ?? []
        disabledLayers = try reader.array("disabledLayers") ?? []
        shareDocs = try reader.bool("shareDocs") ?? false
        liveAccount = reader.take("liveAccount")
        liveOptions =
            try reader.take("liveOptions").map { (value) throws(BlueprintError) in
                try LiveOptions(json: value, path: "liveOptions", checking: checking)
            } ?? LiveOptions()
        extra = reader.extra
        if !themeExtra.isEmpty { extra["theme"] = .object(themeExtra) }
        // After the modelled fields, so that their own (tighter) ranges name the problem first.
        if checking { try Self.checkBounds(json, path: "", depth: 0) }
        try validateReferences()
    }

    /// Parses and validates JSON bytes: either the `data` object itself or `{"data": {...}}`.
    /// `checking: false` reads a stored record back without ``BlueprintLimits`` (see ``init(json:checking:)``).
    public static func decode(_ bytes: Data, checking: Bool = true) throws(BlueprintError) -> BlueprintData {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: bytes)
        } catch {
            throw .notJSON(String(describing: error).prefix(160).description)
        }
        if case .object(let object) = value, object.count == 1, let inner = object["data"] {
            return try BlueprintData(json: inner, checking: checking)
        }
        return try BlueprintData(json: value, checking: checking)
    }

    /// Deterministic JSON bytes (sorted keys).
    public func encoded(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(json)) ?? Data("{}".utf8)
    }

    /// `{"data": <document>}`, the body of a JSON snapshot, which can be POSTed unchanged to `/blueprint`.
    public func encodedEnvelope() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(JSONValue.object(["data": json]))) ?? Data("{\"data\":{}}".utf8)
    }

    /// The document as Cloudcraft JSON.
    public var json: JSONValue {
        var object = extra
        var themeObject = extra["theme"]?.objectValue ?? [:]
        themeObject["base"] = .string(theme)
        object["theme"] = .object(themeObject)
        object["name"] = .string(name)
        object["version"] = .number(Double(version))
        object["grid"] = .string(grid)
        object["projection"] = .string(projection)
        object["nodes"] = .array(nodes.map(\.json))
        object["edges"] = .array(edges.map(\.json))
        object["groups"] = .array(groups.map(\.json))
        object["surfaces"] = .array(surfaces.map(\.json))
        object["text"] = .array(text.map(\.json))
        object["icons"] = .array(icons)
        object["images"] = .array(images)
        object["connectors"] = .array(connectors)
        object["disabledLayers"] = .array(disabledLayers)
        object["shareDocs"] = .bool(shareDocs)
        object.set("liveAccount", liveAccount)
        object["liveOptions"] = liveOptions.json
        return .object(object)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    /// Every number anywhere in the document (configuration and unknown fields too) within
    /// ±``BlueprintLimits/maxMagnitude``, and nesting no deeper than ``BlueprintLimits/maxDepth``;
    /// the modelled fields are then checked against their own, tighter ranges.
    private static func checkBounds(_ value: JSONValue, path: String, depth: Int) throws(BlueprintError) {
        switch value {
        case .number(let number):
            let limit = BlueprintLimits.maxMagnitude
            guard (-limit...limit).contains(number) else {
                throw .invalidValue(
                    path.isEmpty ? "data" : path, "must be a number from -\(limit) to \(limit) (it is \(number))")
            }
        case .array(let items):
            guard depth < BlueprintLimits.maxDepth else {
                throw .invalidValue(path, "nests deeper than \(BlueprintLimits.maxDepth) levels")
            }
            for (index, item) in items.enumerated() {
                try checkBounds(item, path: "\(path)[\(index)]", depth: depth + 1)
            }
        case .object(let object):
            guard depth < BlueprintLimits.maxDepth else {
                throw .invalidValue(path, "nests deeper than \(BlueprintLimits.maxDepth) levels")
            }
            for key in object.keys.sorted() {
                try checkBounds(object[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)", depth: depth + 1)
            }
        default: return
        }
    }

    private func validateReferences() throws(BlueprintError) {
        var ids = Set<String>()
        for (index, node) in nodes.enumerated() where !ids.insert(node.id).inserted {
            throw .invalidValue("nodes[\(index)].id", "duplicate id \"\(node.id)\"")
        }
        // An edge may also end on an outline the layout draws without nodes in it: a VPC attached to another
        // account's transit gateway, an ECS service without a running task (docs/diagrams.md).
        ids.formUnion(groups.map(\.id))
        for (index, edge) in edges.enumerated() {
            if !ids.contains(edge.from) {
                throw .invalidValue("edges[\(index)].from", "no node or group has id \"\(edge.from)\"")
            }
            if !ids.contains(edge.to) {
                throw .invalidValue("edges[\(index)].to", "no node or group has id \"\(edge.to)\"")
            }
        }
    }
}

import SkyplanModel

/// Writes the placed layout tree as blueprint nodes, groups and surfaces.
struct BlueprintEmitter {
    let options: LayoutOptions
    let excluded: Set<ComponentType>
    let folding: AttachmentFolding
    private(set) var nodes: [BlueprintNode] = []
    private(set) var groups: [BlueprintGroup] = []
    private(set) var surfaces: [BlueprintSurface] = []
    private(set) var nodeIDByARN: [String: String] = [:]
    /// Group ids by the ARN of the container they draw, and of the resources folded into it (a VPC's peerings),
    /// for connections that end at a container rather than a component.
    private(set) var groupIDByARN: [String: String] = [:]
    private let metrics: ProjectionMetrics

    init(
        options: LayoutOptions, excluded: Set<ComponentType>,
        folding: AttachmentFolding = AttachmentFolding(keeping: [])
    ) {
        self.options = options
        metrics = ProjectionMetrics.of(projection: options.projection)
        self.excluded = excluded
        self.folding = folding
    }

    /// Reserved node fields that configuration must not overwrite.
    private static let reserved: Set<String> = [
        "id", "type", "region", "mapPos", "mapSize", "color", "arn", "name", "count", "breakdown",
    ]

    /// Emits `box` and everything under it; returns the ids of the outermost emitted items.
    @discardableResult
    mutating func emit(_ box: LayoutBox, path: String = "") -> [String] {
        if box.role == .component { return [component(box)] }
        let here = path + "/" + box.key
        var members: [String] = []
        for child in box.children { members += emit(child, path: here) }
        let position = GridPoint(x: box.x, y: box.y)
        let size = GridPoint(x: box.width, y: box.height)
        switch box.role {
        case .root, .strip:
            return members
        case .component:
            return [component(box)]
        case .zone:
            let id = StableID.uuid("zone:" + here)
            surfaces.append(
                BlueprintSurface(
                    id: id, type: "zone", name: box.title, mapPos: position, mapSize: size,
                    extra: ["nodes": .array(members.map(JSONValue.string))]))
            return [id]
        case .cluster:
            let id = StableID.uuid("area:" + here)
            surfaces.append(
                BlueprintSurface(
                    id: id, type: "area", name: box.title, mapPos: position, mapSize: size,
                    extra: ["nodes": .array(members.map(JSONValue.string))]))
            return [id]
        case .account, .region, .vpc, .subnet, .group:
            let type = groupType(box.role)
            if excluded.contains(type) { return members }
            let id = StableID.uuid("group:" + (box.resource?.arn ?? "") + here)
            var extra = box.resource.map { Self.configuration($0.config) } ?? [:]
            if type == .account {
                extra["accountId"] = box.resource.map { .string($0.resourceID) }
                groups.append(
                    BlueprintGroup(
                        id: id, type: type, name: box.title, arn: nil, nodes: members, mapPos: position, mapSize: size,
                        extra: extra))
                return [id]
            }
            if let arn = box.resource?.arn { groupIDByARN[arn] = id }
            if type == .vpc, extra["peeringConnections"] == nil { extra["peeringConnections"] = .array([]) }
            if let container = box.resource,
                let folded = folding.byContainer[container.accountID + "/" + container.resourceID]
            {
                for resource in folded { groupIDByARN[resource.arn] = id }
                let peerings = folded.filter { $0.type == .vpcPeering }
                let others = folded.filter { $0.type != .vpcPeering }
                if !others.isEmpty { extra["attachments"] = AttachmentFolding.json(others) }
                if type == .vpc, !peerings.isEmpty { extra["peeringConnections"] = Self.peeringConnections(peerings) }
            }
            var access: String?
            if type == .subnet { access = box.resource?.config["subnetType"]?.stringValue ?? "private" }
            groups.append(
                BlueprintGroup(
                    id: id, type: type, name: box.title, arn: box.resource?.arn, nodes: members, mapPos: position,
                    mapSize: size, access: access, extra: extra))
            return [id]
        }
    }

    private func groupType(_ role: LayoutBox.Role) -> ComponentType {
        switch role {
        case .account: .account
        case .region: .region
        case .vpc: .vpc
        case .subnet: .subnet
        case .group(let type): type
        default: .region
        }
    }

    private mutating func component(_ box: LayoutBox) -> String {
        guard let resource = box.resource else { return "" }
        let id = StableID.uuid("node:" + resource.arn)
        let color = ComponentStyle.color(resource.type)
        var node = BlueprintNode(
            id: id, type: resource.type, region: resource.region,
            mapPos: GridPoint(x: box.x + metrics.footprint.x, y: box.y + metrics.footprint.y),
            mapSize: GridPoint(x: metrics.footprint.size, y: metrics.footprint.size),
            color: NodeColor(color), arn: resource.arn, name: resource.name,
            extra: Self.configuration(resource.config))
        var owners = [resource.arn]
        if let aggregate = box.aggregate {
            node.arn = nil
            node.count = aggregate.count
            node.breakdown = aggregate.breakdown
            owners = aggregate.arns
        }
        var attached: [Resource] = []
        for arn in owners {
            nodeIDByARN[arn] = id
            for part in folding.byOwner[arn] ?? [] {
                nodeIDByARN[part.arn] = id
                attached.append(part)
            }
        }
        if !attached.isEmpty { node.extra["attachments"] = AttachmentFolding.json(attached) }
        if let zones = box.spansZones { node.extra["spansZones"] = .array(zones.map(JSONValue.string)) }
        if let groups = box.alsoInGroups { node.extra["alsoInSecurityGroups"] = .array(groups.map(JSONValue.string)) }
        nodes.append(node)
        return id
    }

    /// A VPC's peering connections, as its group's `peeringConnections`: the connection's id (stable),
    /// name and ARN, and the VPC at the other end (`accepterVpc`, account, region); `accepterId` (the
    /// other VPC's group) is filled in once every group is emitted, when that VPC is on the diagram.
    static func peeringConnections(_ peerings: [Resource]) -> JSONValue {
        .array(
            peerings.map { peering in
                var object: [String: JSONValue] = [
                    "id": .string(StableID.uuid("peering:" + peering.arn)), "name": .string(peering.name),
                    "arn": .string(peering.arn), "accepterId": .null,
                ]
                object["accepterVpc"] = peering.config["peerVpc"]
                object["accepterAccount"] = peering.config["peerAccount"]
                object["accepterRegion"] = peering.config["peerRegion"]
                return .object(object)
            })
    }

    /// Points each peering connection at the group of the VPC at its other end, when that VPC is drawn.
    static func linkPeerings(_ groups: inout [BlueprintGroup]) {
        var groupOfVPC: [String: String] = [:]
        for group in groups where group.type == .vpc {
            if let arn = group.arn { groupOfVPC[ARNNames.lastComponent(arn)] = group.id }
        }
        for index in groups.indices where groups[index].type == .vpc {
            guard case .array(let connections) = groups[index].extra["peeringConnections"], !connections.isEmpty
            else { continue }
            groups[index].extra["peeringConnections"] = .array(
                connections.map { connection in
                    guard case .object(var object) = connection, let vpc = object["accepterVpc"]?.stringValue,
                        let id = groupOfVPC[vpc]
                    else { return connection }
                    object["accepterId"] = .string(id)
                    return .object(object)
                })
        }
    }

    /// Configuration copied onto a node or group, minus keys that would clash with its own fields.
    static func configuration(_ config: [String: JSONValue]) -> [String: JSONValue] {
        config.filter { !reserved.contains($0.key) }
    }
}

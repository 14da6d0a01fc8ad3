import SkyplanModel

/// Builds the layout tree of an inventory: containers from container resources (and from the ids
/// components name, when the container itself was not discovered), components in their innermost one.
struct LayoutTreeBuilder {
    let inventory: Inventory
    let selection: LayoutSelection
    let threshold: Int
    let prune: Bool
    let excluded: Set<ComponentType>
    let showEmpty: Bool
    private(set) var aggregatedCount = 0
    private(set) var aggregateNodes = 0

    private let root = LayoutBox(.root, key: "", arrangement: .row)
    private var regions: [String: LayoutBox] = [:]
    private var vpcs: [String: LayoutBox] = [:]
    private var boxes: [String: LayoutBox] = [:]
    private var subnets: [String: LayoutBox] = [:]
    private var subnetZone: [String: String] = [:]
    private var subnetVPC: [String: String] = [:]
    private var subnetRank: [String: Int] = [:]
    /// The zones of components spread over several, by ARN.
    private var spans: [String: [String]] = [:]
    private let containersByID: [String: Resource]
    private let containersByARN: [String: Resource]

    init(
        inventory: Inventory, selection: LayoutSelection, threshold: Int, prune: Bool, excluded: Set<ComponentType>,
        showEmpty: Bool = true
    ) {
        self.showEmpty = showEmpty
        self.inventory = inventory
        self.selection = selection
        self.threshold = threshold
        self.prune = prune
        self.excluded = excluded
        containersByID = Dictionary(selection.containers.map { ($0.resourceID, $0) }, uniquingKeysWith: { a, _ in a })
        containersByARN = Dictionary(selection.containers.map { ($0.arn, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func build() -> LayoutBox {
        // Without `empty=show`, a default VPC appears only with something in it, a subnet likewise.
        for container in selection.containers where container.type == .vpc {
            guard showEmpty || container.config["isDefault"]?.boolValue != true else { continue }
            _ = vpcBox(container.resourceID, region: container.region)
        }
        for container in selection.containers where container.type == .subnet {
            subnetZone[container.resourceID] = container.placement.availabilityZones.first
            subnetVPC[container.resourceID] = container.placement.vpcID
            subnetRank[container.resourceID] = Self.rank(access: container.config["subnetType"]?.stringValue)
            guard showEmpty else { continue }
            _ = subnetBox(
                container.resourceID, vpcID: container.placement.vpcID,
                zone: container.placement.availabilityZones.first, region: container.region)
        }
        for resource in selection.components { place(resource) }
        finish(root, path: "")
        return root
    }

    // MARK: Placing components

    private mutating func place(_ resource: Resource) {
        let placement = resource.placement
        var vpcID = placement.vpcID
        if vpcID == nil {
            for id in placement.subnetIDs.sorted() where subnetVPC[id] != nil {
                vpcID = subnetVPC[id]
                break
            }
        }
        guard let vpcID, !Layout.serviceTypes.contains(resource.type) else {
            let services = child(of: regionBox(resource.region), key: "2services", role: .strip)
            let cluster = child(
                of: services, key: resource.type.rawValue, role: .cluster(resource.type),
                title: ComponentStyle.displayName(resource.type))
            cluster.members.append(resource)
            return
        }
        let vpc = vpcBox(vpcID, region: resource.region)
        // Spread over several subnets: drawn once, in the first zone's subnet (public before private before
        // isolated), and marked with every zone it spans (docs/diagrams.md).
        let fallbackZone = placement.availabilityZones.sorted().first ?? ""
        let subnetIDs = placement.subnetIDs.sorted {
            let left = (subnetZone[$0] ?? fallbackZone, subnetRank[$0] ?? 1, $0)
            let right = (subnetZone[$1] ?? fallbackZone, subnetRank[$1] ?? 1, $1)
            return left < right
        }
        guard let first = subnetIDs.first else {
            child(of: vpc, key: "0strip", role: .strip).members.append(resource)
            return
        }
        let zones = Set(subnetIDs.map { subnetZone[$0] ?? fallbackZone }).union(placement.availabilityZones)
        if zones.count > 1 { spans[resource.arn] = zones.sorted() }
        var leaf = subnetBox(first, vpcID: vpcID, zone: subnetZone[first] ?? fallbackZone, region: resource.region)
        if !excluded.contains(.securityGroup), let sg = placement.securityGroupIDs.sorted().first {
            leaf = child(
                of: leaf, key: "1sg|\(sg)", role: .group(.securityGroup),
                title: containersByID[sg]?.name ?? sg, resource: containersByID[sg])
        }
        if let groupARN = placement.groupARN {
            let owner = containersByARN[groupARN]
            let type = owner?.type ?? (groupARN.contains(":autoScalingGroup:") ? .autoScalingGroup : .ecsService)
            if !excluded.contains(type) {
                let name = owner?.name ?? ARNNames.lastComponent(groupARN)
                leaf = child(of: leaf, key: "2grp|\(groupARN)", role: .group(type), title: name, resource: owner)
            }
        }
        leaf.members.append(resource)
    }

    // MARK: Containers

    private mutating func regionBox(_ name: String) -> LayoutBox {
        if let box = regions[name] { return box }
        let isGlobal = name == Resource.globalRegion
        let box = LayoutBox(.region, key: isGlobal ? "~global" : name, title: isGlobal ? "Global" : name)
        regions[name] = box
        root.children.append(box)
        return box
    }

    private mutating func vpcBox(_ id: String, region: String) -> LayoutBox {
        if let box = vpcs[id] { return box }
        let resource = containersByID[id]
        let regionName = resource?.region ?? region
        let box = LayoutBox(
            .vpc, key: "1vpc|\(id)", title: resource?.name ?? id, resource: resource,
            arrangement: .row)
        vpcs[id] = box
        regionBox(regionName).children.append(box)
        return box
    }

    private mutating func subnetBox(_ id: String, vpcID: String?, zone: String?, region: String) -> LayoutBox {
        if let box = subnets[id] { return box }
        let resource = containersByID[id]
        let vpc = vpcBox(vpcID ?? resource?.placement.vpcID ?? "vpc-unknown", region: region)
        let zoneName = zone ?? resource?.placement.availabilityZones.first ?? ""
        let zones = child(of: vpc, key: "1zones", role: .strip, arrangement: .row)
        let zoneBox = child(
            of: zones, key: zoneName, role: .zone, title: zoneName.isEmpty ? "zone" : zoneName,
            arrangement: .column)
        zoneBox.stretches = true
        let rank = Self.rank(access: resource?.config["subnetType"]?.stringValue)
        let box = LayoutBox(.subnet, key: "\(rank)|\(id)", title: resource?.name ?? id, resource: resource)
        box.stretches = true
        zoneBox.children.append(box)
        subnets[id] = box
        subnetZone[id] = zoneName
        subnetVPC[id] = vpcID
        return box
    }

    /// Public subnets first, then private, then isolated.
    static func rank(access: String?) -> Int {
        switch access {
        case "public": 0
        case "isolated": 2
        default: 1
        }
    }

    private mutating func child(
        of parent: LayoutBox, key: String, role: LayoutBox.Role, title: String = "", resource: Resource? = nil,
        arrangement: LayoutBox.Arrangement = .grid
    ) -> LayoutBox {
        let id = ObjectIdentifier(parent).hashValue.description + "/" + key
        if let box = boxes[id] { return box }
        let box = LayoutBox(role, key: key, title: title, resource: resource, arrangement: arrangement)
        boxes[id] = box
        parent.children.append(box)
        return box
    }

    // MARK: Cells, aggregation, pruning

    /// Turns members into cells (aggregating past the threshold) and drops empty invisible boxes.
    /// Returns the number of components below `box`.
    @discardableResult
    private mutating func finish(_ box: LayoutBox, path: String) -> Int {
        let here = path + "/" + box.key
        var count = 0
        for child in box.children { count += finish(child, path: here) }
        if !box.members.isEmpty {
            count += box.members.count
            let byType = Dictionary(grouping: box.members, by: \.type)
            for type in byType.keys.sorted() {
                let members = byType[type] ?? []
                if members.count > threshold {
                    box.children.append(AggregateCell.make(type: type, members: members, path: here))
                    aggregatedCount += members.count
                    aggregateNodes += 1
                } else {
                    for member in members {
                        let key = "c|\(type.rawValue)|\(member.name)|\(member.arn)"
                        let cell = LayoutBox(.component, key: key, title: member.name, resource: member)
                        cell.spansZones = spans[member.arn]
                        box.children.append(cell)
                    }
                }
            }
            box.members = []
        }
        box.children.removeAll { child in
            guard child.role != .component else { return false }
            let empty = child.children.isEmpty
            return empty && (child.role == .strip || prune)
        }
        return count
    }
}

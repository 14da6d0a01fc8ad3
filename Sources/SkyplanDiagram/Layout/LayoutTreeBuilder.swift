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
    private var accounts: [String: LayoutBox] = [:]
    /// More than one account: account ⊃ region ⊃ ... (one account keeps Cloudcraft's region ⊃ ...).
    private let multiAccount: Bool
    private let accountNames: [String: String]
    private var vpcs: [String: LayoutBox] = [:]
    private var boxes: [String: LayoutBox] = [:]
    private var subnets: [String: LayoutBox] = [:]
    private var subnetZone: [String: String] = [:]
    private var subnetVPC: [String: String] = [:]
    private var subnetRank: [String: Int] = [:]
    /// The zones of components spread over several, by ARN.
    private var spans: [String: [String]] = [:]
    /// Security groups by the members they have in each subnet (`subnet|group`), to nest a group inside another
    /// holding all of its members there.
    private var groupMembers: [String: Set<String>] = [:]
    private var nests: [String: Bool] = [:]
    /// Where a service stands inside its cluster, by ARN (``ClusterOrder/ranks(strips:connections:)``).
    private var memberRanks: [String: Int] = [:]
    /// The names of the groups a component is in but not drawn inside (their members cross), by ARN.
    private var alsoIn: [String: [String]] = [:]
    /// Containers by id, scoped by account (`account/id`) in a diagram of several accounts (`key`).
    private let containersByID: [String: Resource]
    /// Every container's id, unscoped.
    private let containerIDs: Set<String>
    private let containersByARN: [String: Resource]
    /// The auto scaling groups and ECS services drawn around members, by ARN.
    private var drawnGroups: Set<String> = []

    init(
        inventory: Inventory, selection: LayoutSelection, threshold: Int, prune: Bool, excluded: Set<ComponentType>,
        showEmpty: Bool = true, accountNames: [String: String] = [:]
    ) {
        self.accountNames = accountNames
        multiAccount = Set(inventory.accountIDs + inventory.resources.map(\.accountID)).count > 1
        self.showEmpty = showEmpty
        self.inventory = inventory
        self.selection = selection
        self.threshold = threshold
        self.prune = prune
        self.excluded = excluded
        let scoped = multiAccount
        containersByID = Dictionary(
            selection.containers.map { (scoped ? $0.accountID + "/" + $0.resourceID : $0.resourceID, $0) },
            uniquingKeysWith: { a, _ in a })
        containerIDs = Set(selection.containers.map(\.resourceID))
        containersByARN = Dictionary(selection.containers.map { ($0.arn, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func build() -> LayoutBox {
        // Accounts wrap into a grid (16:9-ish) instead of one long row.
        if multiAccount { root.arrangement = .grid }
        // Without `empty=show`, a default VPC appears only with something in it, a subnet likewise.
        for container in selection.containers where container.type == .vpc {
            guard showEmpty || container.config["isDefault"]?.boolValue != true else { continue }
            _ = vpcBox(container.resourceID, region: container.region, account: container.accountID)
        }
        for container in selection.containers where container.type == .subnet {
            let id = key(container.resourceID, container.accountID)
            subnetZone[id] = container.placement.availabilityZones.first
            subnetVPC[id] = container.placement.vpcID
            subnetRank[id] = Self.rank(access: container.config["subnetType"]?.stringValue)
            guard showEmpty else { continue }
            _ = subnetBox(
                container.resourceID, vpcID: container.placement.vpcID,
                zone: container.placement.availabilityZones.first, region: container.region,
                account: container.accountID)
        }
        if !excluded.contains(.securityGroup) {
            for resource in selection.components where !Layout.serviceTypes.contains(resource.type) {
                guard let subnet = homeSubnet(resource) else { continue }
                for group in resource.placement.securityGroupIDs {
                    groupMembers[subnet + "|" + group, default: []].insert(resource.arn)
                }
            }
        }
        for resource in selection.components { place(resource) }
        // An ECS service without a task (scaled to zero, stopped) is still drawn, as an empty outline in its subnet:
        // what points at it (the repositories of its task definition's images) has somewhere to land.
        if !excluded.contains(.ecsService) {
            for service in selection.containers where service.type == .ecsService && !drawnGroups.contains(service.arn)
            {
                guard let leaf = home(of: service) else { continue }
                _ = child(
                    of: leaf, key: "2grp|\(service.arn)", role: .group(.ecsService), title: service.name,
                    resource: service)
            }
        }
        orderServiceClusters()
        finish(root, path: "")
        return root
    }

    // MARK: Placing components

    private mutating func place(_ resource: Resource) {
        guard var leaf = home(of: resource) else {
            let services = child(
                of: regionBox(resource.region, account: resource.accountID), key: "2services", role: .strip)
            let cluster = child(
                of: services, key: resource.type.rawValue, role: .cluster(resource.type),
                title: ComponentStyle.displayName(resource.type))
            cluster.members.append(resource)
            return
        }
        if let groupARN = resource.placement.groupARN {
            let owner = containersByARN[groupARN]
            let type = owner?.type ?? (groupARN.contains(":autoScalingGroup:") ? .autoScalingGroup : .ecsService)
            if !excluded.contains(type) {
                let name = owner?.name ?? ARNNames.lastComponent(groupARN)
                leaf = child(of: leaf, key: "2grp|\(groupARN)", role: .group(type), title: name, resource: owner)
                drawnGroups.insert(groupARN)
            }
        }
        leaf.members.append(resource)
    }

    /// The innermost box a resource of a VPC sits in (its subnet, or the VPC's strip, inside its security groups),
    /// or nil for a resource drawn beside the VPCs.
    private mutating func home(of resource: Resource) -> LayoutBox? {
        let placement = resource.placement
        let account = resource.accountID
        var vpcID = placement.vpcID
        if vpcID == nil {
            for id in placement.subnetIDs.sorted() where subnetVPC[key(id, account)] != nil {
                vpcID = subnetVPC[key(id, account)]
                break
            }
        }
        // Another account's VPC (an attachment listed under the gateway's owner) is not this resource's home.
        if multiAccount, let id = vpcID, containersByID[key(id, account)] == nil, containerIDs.contains(id) {
            vpcID = nil
        }
        guard let vpcID, !Layout.serviceTypes.contains(resource.type) else { return nil }
        let vpc = vpcBox(vpcID, region: resource.region, account: resource.accountID)
        // Spread over several subnets: drawn once, in the first zone's subnet (public before private before
        // isolated), and marked with every zone it spans (docs/diagrams.md).
        let fallbackZone = placement.availabilityZones.sorted().first ?? ""
        let subnetIDs = sortedSubnets(resource)
        guard let first = subnetIDs.first else { return child(of: vpc, key: "0strip", role: .strip) }
        let zones = Set(subnetIDs.map { subnetZone[key($0, account)] ?? fallbackZone }).union(
            placement.availabilityZones)
        if zones.count > 1 { spans[resource.arn] = zones.sorted() }
        var leaf = subnetBox(
            first, vpcID: vpcID, zone: subnetZone[key(first, account)] ?? fallbackZone, region: resource.region,
            account: resource.accountID)
        if !excluded.contains(.securityGroup) {
            let (chain, others) = securityGroupChain(resource, subnet: key(first, account))
            for sg in chain {
                leaf = child(
                    of: leaf, key: "1sg|\(sg)", role: .group(.securityGroup),
                    title: containersByID[key(sg, account)]?.name ?? sg, resource: containersByID[key(sg, account)])
            }
            if !others.isEmpty { alsoIn[resource.arn] = others.map { containersByID[key($0, account)]?.name ?? $0 } }
        }
        return leaf
    }

    /// A component's subnets: zones in name order, within a zone public before private before isolated.
    private func sortedSubnets(_ resource: Resource) -> [String] {
        let account = resource.accountID
        let fallbackZone = resource.placement.availabilityZones.sorted().first ?? ""
        return resource.placement.subnetIDs.sorted {
            let left = (subnetZone[key($0, account)] ?? fallbackZone, subnetRank[key($0, account)] ?? 1, $0)
            let right = (subnetZone[key($1, account)] ?? fallbackZone, subnetRank[key($1, account)] ?? 1, $1)
            return left < right
        }
    }

    /// The (scoped) subnet a component is drawn in, if it has one.
    private func homeSubnet(_ resource: Resource) -> String? {
        sortedSubnets(resource).first.map { key($0, resource.accountID) }
    }

    /// The security groups a component is drawn inside, outermost first, and those it is in but not drawn inside.
    /// In its subnet, the groups with more members come first (then by id); a group is drawn inside the one
    /// before it when every member it has there is a member of that one too (nested outlines), else the
    /// component names it instead (docs/diagrams.md).
    private mutating func securityGroupChain(_ resource: Resource, subnet: String) -> ([String], [String]) {
        let groups = Array(Set(resource.placement.securityGroupIDs))
        guard groups.count > 1 else { return (groups, []) }
        func count(_ group: String) -> Int { groupMembers[subnet + "|" + group]?.count ?? 0 }
        let ordered = groups.sorted { (-count($0), $0) < (-count($1), $1) }
        var chain: [String] = []
        var others: [String] = []
        for group in ordered {
            guard let outer = chain.last else {
                chain.append(group)
                continue
            }
            let pair = subnet + "|" + group + "|" + outer
            let inside: Bool
            if let known = nests[pair] {
                inside = known
            } else {
                inside = (groupMembers[subnet + "|" + group] ?? []).isSubset(
                    of: groupMembers[subnet + "|" + outer] ?? [])
                nests[pair] = inside
            }
            if inside { chain.append(group) } else { others.append(group) }
        }
        return (chain, others)
    }

    // MARK: Containers

    private mutating func regionBox(_ name: String, account: String) -> LayoutBox {
        let scoped = multiAccount ? account + "/" + name : name
        if let box = regions[scoped] { return box }
        let isGlobal = name == Resource.globalRegion
        let box = LayoutBox(.region, key: isGlobal ? "~global" : name, title: isGlobal ? "Global" : name)
        if isGlobal { box.rank = -1 }
        regions[scoped] = box
        (multiAccount ? accountBox(account) : root).children.append(box)
        return box
    }

    /// An account's outline, titled by its name and id, keyed by its id (accounts in id order).
    private mutating func accountBox(_ id: String) -> LayoutBox {
        if let box = accounts[id] { return box }
        let name = accountNames[id].flatMap { $0.isEmpty || $0 == id ? nil : $0 }
        let box = LayoutBox(
            .account, key: "acct|" + id, title: name.map { "\($0)  \(id)" } ?? id,
            resource: Resource(
                arn: "arn:aws:iam::\(id):root", type: .account, resourceID: id, accountID: id, region: "",
                name: name ?? id),
            arrangement: .row)
        accounts[id] = box
        root.children.append(box)
        return box
    }

    private mutating func vpcBox(_ id: String, region: String, account: String) -> LayoutBox {
        if let box = vpcs[key(id, account)] { return box }
        let resource = containersByID[key(id, account)]
        let regionName = resource?.region ?? region
        let box = LayoutBox(
            .vpc, key: "1vpc|\(id)", title: resource?.name ?? id, resource: resource,
            arrangement: .row)
        vpcs[key(id, account)] = box
        regionBox(regionName, account: resource?.accountID ?? account).children.append(box)
        return box
    }

    private mutating func subnetBox(
        _ id: String, vpcID: String?, zone: String?, region: String, account: String
    ) -> LayoutBox {
        if let box = subnets[key(id, account)] { return box }
        let resource = containersByID[key(id, account)]
        let vpc = vpcBox(
            vpcID ?? resource?.placement.vpcID ?? "vpc-unknown", region: region, account: resource?.accountID ?? account
        )
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
        subnets[key(id, account)] = box
        subnetZone[key(id, account)] = zoneName
        subnetVPC[key(id, account)] = vpcID
        return box
    }

    /// A container id as the builder's maps key it: scoped by account when there are several (ids are unique per
    /// account, and a synthetic or imported inventory may reuse them).
    private func key(_ id: String, _ account: String) -> String { multiAccount ? account + "/" + id : id }

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

    /// Connected service clusters next to each other, those connected to the VPCs first, and each member on the
    /// side of its cluster facing the clusters it is connected to (``ClusterOrder``).
    private mutating func orderServiceClusters() {
        let strips = regions.keys.sorted().compactMap { regions[$0]?.children.first { $0.role == .strip } }
        for strip in strips { strip.children.sort { $0.key < $1.key } }
        let members = strips.map { $0.children.map { $0.members.map(\.arn) } }
        let connections = inventory.relationships.lazy.filter { $0.kind != .contains }.map { ($0.from, $0.to) }
        let ranks = ClusterOrder.ranks(strips: members, connections: connections)
        for (strip, rank) in zip(strips, ranks.clusters) {
            for (cluster, position) in zip(strip.children, rank) { cluster.rank = position }
        }
        memberRanks = ranks.members
    }

    private func isCluster(_ box: LayoutBox) -> Bool {
        if case .cluster = box.role { return true }
        return false
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
                        cell.alsoInGroups = alsoIn[member.arn]
                        // A service connected to no other cluster stands after those that are.
                        cell.rank = memberRanks[member.arn] ?? (isCluster(box) ? Int.max : 0)
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

import SkyplanModel

/// Auto-layout: turns an inventory into a Cloudcraft blueprint by deterministic nested packing
/// (region ⊃ VPC ⊃ availability zone ⊃ subnet ⊃ security group ⊃ auto scaling group / ECS service ⊃
/// components), with regional and global services beside the VPCs, grouped by type.
public enum Layout {
    /// Types that sit beside the VPCs even when they carry placement (they are regional or global).
    static let serviceTypes: Set<ComponentType> = [
        .s3, .dynamoDB, .sqs, .sns, .apiGateway, .cloudFront, .route53, .cloudWatchAlarm, .transitGateway,
        .customerGateway,
    ]

    /// Lays out `inventory`. The same inventory in any order gives byte-identical output.
    public static func blueprint(for inventory: Inventory, options: LayoutOptions = LayoutOptions()) -> BlueprintData {
        let inventory = inventory.normalized()
        let selection = LayoutSelection(inventory: inventory, options: options)
        let components = selection.components
        let threshold = options.threshold(componentCount: components.count)
        var builder = LayoutTreeBuilder(
            inventory: inventory, selection: selection, threshold: threshold, prune: options.filter != nil,
            excluded: options.excludedTypes, showEmpty: options.showEmpty, accountNames: options.accountNames)
        let root = builder.build()
        // Isometric names hang below their blocks' front corners, across the box's front edge.
        let metrics = ProjectionMetrics.of(projection: options.projection)
        root.pack(metrics)
        let noteHeight = builder.aggregatedCount > 0 ? 3.0 : 0
        root.place(atX: 0, y: noteHeight)
        var emitter = BlueprintEmitter(options: options, excluded: options.excludedTypes, folding: selection.folding)
        emitter.emit(root)
        var groups = emitter.groups
        BlueprintEmitter.linkPeerings(&groups)
        var data = BlueprintData(
            name: options.name, projection: options.projection, theme: options.theme,
            nodes: emitter.nodes, groups: groups, surfaces: emitter.surfaces,
            liveAccount: options.liveAccountID.map { .object(["id": .string($0), "type": "aws"]) },
            liveOptions: LiveOptions(
                autoLabel: options.label, autoConnect: options.autoconnect,
                excludedTypes: options.excludedTypes.map(\.rawValue).sorted())
        )
        if options.autoconnect {
            data.edges = edges(
                inventory.relationships, nodeIDs: emitter.nodeIDByARN,
                groupMembers: groupMembers(selection.components, nodeIDs: emitter.nodeIDByARN),
                containers: emitter.groupIDByARN)
            data.edges = withoutNesting(data.edges, data: data)
        }
        if builder.aggregatedCount > 0 {
            let note =
                "Level of detail: \(builder.aggregatedCount) components are shown as "
                + "\(builder.aggregateNodes) aggregated nodes (more than \(threshold) alike in one container)."
            data.text = [BlueprintText(id: StableID.uuid("note:lod"), text: note, mapPos: GridPoint(x: 0, y: 0.5))]
        }
        return data
    }

    /// `autoedge`s from relationships (containment is drawn by nesting, not edges), deduplicated, each
    /// with the kind and evidence of the relationship it stands for (the first one's kind; every distinct
    /// evidence, joined by "; ", when several relationships fold into one edge). A connection to an auto
    /// scaling group or ECS service goes to each of its drawn members.
    ///
    /// An end that is a container (a VPC, or a peering folded into one) is its group: a VPC attached to another
    /// account's transit gateway is an edge from the VPC's outline (`containers`). Two VPCs' peering is left to
    /// the groups' `peeringConnections` (drawn as its own line).
    static func edges(
        _ relationships: [Relationship], nodeIDs: [String: String], groupMembers: [String: [String]] = [:],
        containers: [String: String] = [:]
    ) -> [BlueprintEdge] {
        var position: [String: Int] = [:]
        var result: [BlueprintEdge] = []
        func ends(_ arn: String) -> [String] {
            nodeIDs[arn].map { [$0] } ?? groupMembers[arn] ?? containers[arn].map { [$0] } ?? []
        }
        for relationship in relationships where relationship.kind != .contains {
            let evidence = relationship.evidence.isEmpty ? nil : relationship.evidence
            let groupToGroup = nodeIDs[relationship.from] == nil && nodeIDs[relationship.to] == nil
            if groupToGroup, containers[relationship.from] != nil, containers[relationship.to] != nil { continue }
            for from in ends(relationship.from) {
                for to in ends(relationship.to) where from != to {
                    // A peering has no direction: the other side's relationship joins the same edge.
                    let reverse = relationship.kind == .peering ? position[to + ">" + from] : nil
                    if let index = position[from + ">" + to] ?? reverse {
                        guard let evidence, let known = result[index].evidence else {
                            result[index].evidence = result[index].evidence ?? evidence
                            continue
                        }
                        if !known.contains(evidence) { result[index].evidence = known + "; " + evidence }
                        continue
                    }
                    position[from + ">" + to] = result.count
                    result.append(
                        BlueprintEdge(
                            id: StableID.uuid("edge:\(from)>\(to)"), from: from, to: to,
                            kind: relationship.kind.rawValue, evidence: evidence))
                }
            }
        }
        return result
    }

    /// Drops edges between a group and a component drawn inside it (the nesting already says it).
    static func withoutNesting(_ edges: [BlueprintEdge], data: BlueprintData) -> [BlueprintEdge] {
        var groupRects: [String: (GridPoint, GridPoint)] = [:]
        for group in data.groups {
            if let position = group.mapPos, let size = group.mapSize { groupRects[group.id] = (position, size) }
        }
        guard edges.contains(where: { groupRects[$0.from] != nil || groupRects[$0.to] != nil }) else { return edges }
        var nodePositions: [String: GridPoint] = [:]
        for node in data.nodes { nodePositions[node.id] = node.mapPos }
        func nested(_ group: String, _ node: String) -> Bool {
            guard let (origin, size) = groupRects[group], let point = nodePositions[node] else { return false }
            return point.x >= origin.x && point.y >= origin.y && point.x <= origin.x + size.x
                && point.y <= origin.y + size.y
        }
        return edges.filter { !nested($0.from, $0.to) && !nested($0.to, $0.from) }
    }

    /// The node ids of each auto scaling group's or ECS service's members, by the group's ARN.
    static func groupMembers(_ components: [Resource], nodeIDs: [String: String]) -> [String: [String]] {
        var members: [String: [String]] = [:]
        for resource in components {
            guard let group = resource.placement.groupARN, let id = nodeIDs[resource.arn] else { continue }
            if members[group]?.last != id { members[group, default: []].append(id) }
        }
        return members
    }
}

/// Which resources a layout draws, after `exclude` and `filter`.
struct LayoutSelection {
    let components: [Resource]
    let containers: [Resource]
    /// Attachments folded into their owners (`detail=summary`); `components` holds only what is drawn.
    let folding: AttachmentFolding

    init(inventory: Inventory, options: LayoutOptions) {
        var components: [Resource] = []
        var containers: [Resource] = []
        let context = FilterContext(inventory: inventory, liveAttributes: options.liveAttributes)
        for resource in inventory.resources {
            if resource.type.isContainer {
                containers.append(resource)
                continue
            }
            if options.excludedTypes.contains(resource.type) { continue }
            if let filter = options.filter, !filter.matches(resource, in: context) { continue }
            components.append(resource)
        }
        folding =
            options.detail == .full
            ? AttachmentFolding(keeping: components)
            : AttachmentFolding(
                components: components, relationships: inventory.relationships,
                containers: Set(containers.map { $0.accountID + "/" + $0.resourceID }))
        self.components = folding.kept
        self.containers = containers
    }
}

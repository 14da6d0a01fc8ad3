import SkyplanModel

/// With `detail=summary`, attachments (ENIs, EBS volumes, target groups, route tables) are not drawn as
/// components: each is folded into the component that owns it (the instance an ENI or volume is attached
/// to, the load balancer forwarding to a target group), or, without one, into the subnet or VPC holding it.
/// A volume or Elastic IP attached to nothing stays on the diagram: it costs money and nobody is using it.
///
/// Connections are folded the same way: a transit gateway's VPC attachment into its VPC (its relationship to the
/// gateway becomes an edge from the VPC's outline to the gateway), any other attachment (VPN, peering) into its
/// gateway, and a Site-to-Site VPN connection into its customer gateway (its relationship to the virtual private or
/// transit gateway becomes an edge customer gateway → gateway). Each edge keeps the folded resource's evidence.
struct AttachmentFolding {
    /// The components still drawn.
    private(set) var kept: [Resource] = []
    /// Folded resources by the ARN of the component owning them.
    private(set) var byOwner: [String: [Resource]] = [:]
    /// Folded resources without an owning component, by `account/id` of their subnet or VPC (ids are per account).
    private(set) var byContainer: [String: [Resource]] = [:]
    /// The owner's ARN of each resource folded into a component (so its connections go to the owner).
    private(set) var ownerOf: [String: String] = [:]

    /// Keeps every component (`detail=full`).
    init(keeping components: [Resource]) { kept = components }

    /// `components` and `relationships` in the inventory's normalized order, so the result is too.
    /// `containers` (`account/id` of the VPCs and subnets on the diagram) takes a VPC's transit gateway attachment
    /// into its VPC; without its VPC it folds into the gateway.
    init(components: [Resource], relationships: [Relationship], containers: Set<String> = []) {
        let foldable = LayoutDetail.attachmentTypes
        var drawn = Set<String>()
        var typeOf: [String: ComponentType] = [:]
        for resource in components {
            typeOf[resource.arn] = resource.type
            if !foldable.contains(resource.type) { drawn.insert(resource.arn) }
        }
        var owner: [String: String] = [:]
        for relationship in relationships {
            let candidate: (folded: String, owner: String)
            switch relationship.kind {
            case .attachment: candidate = (relationship.from, relationship.to)
            case .targets where typeOf[relationship.to] == .targetGroup && typeOf[relationship.from] == .elb:
                candidate = (relationship.to, relationship.from)
            case .peering:
                guard let bridge = Self.bridgeOwner[typeOf[relationship.from] ?? .account],
                    typeOf[relationship.to] == bridge
                else { continue }
                candidate = (relationship.from, relationship.to)
            default: continue
            }
            guard let type = typeOf[candidate.folded], foldable.contains(type), drawn.contains(candidate.owner) else {
                continue
            }
            if let known = owner[candidate.folded], known <= candidate.owner { continue }
            owner[candidate.folded] = candidate.owner
        }
        for resource in components {
            guard foldable.contains(resource.type) else {
                kept.append(resource)
                continue
            }
            // A VPC's attachment goes to its VPC even when its gateway is drawn: the edge then joins the two.
            let inVPC =
                resource.type == .transitGatewayAttachment
                && resource.placement.vpcID.map { containers.contains(resource.accountID + "/" + $0) } == true
            if !inVPC, let arn = owner[resource.arn] {
                byOwner[arn, default: []].append(resource)
                ownerOf[resource.arn] = arn
            } else if resource.type != .ebs, resource.type != .elasticIP, resource.type != .vpnConnection,
                resource.type != .transitGatewayAttachment || inVPC,
                let container = resource.placement.subnetIDs.sorted().first ?? resource.placement.vpcID
            {
                byContainer[resource.accountID + "/" + container, default: []].append(resource)
            } else {
                kept.append(resource)
            }
        }
    }

    /// What a connection between two things folds into: a transit gateway's attachment into the gateway (one to
    /// a VPC into the VPC), a VPN connection into the customer gateway at its far end.
    static let bridgeOwner: [ComponentType: ComponentType] = [
        .transitGatewayAttachment: .transitGateway, .vpnConnection: .customerGateway,
    ]

    /// The folded resources as JSON objects for a node's or group's `attachments`: type, ARN, name, region
    /// and configuration, the shape of a blueprint node, so the budget prices them as it prices nodes.
    static func json(_ resources: [Resource]) -> JSONValue {
        .array(
            resources.map { resource in
                var object = BlueprintEmitter.configuration(resource.config)
                object["type"] = .string(resource.type.rawValue)
                object["arn"] = .string(resource.arn)
                object["name"] = .string(resource.name)
                object["region"] = .string(resource.region)
                return .object(object)
            })
    }
}

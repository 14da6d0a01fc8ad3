import SkyplanAWS
import SkyplanModel

extension NetworkInventoryBuilder {
    /// Peerings: one resource under the requester's ARN (so both accounts' scans agree), linked to both VPCs.
    mutating func addPeerings(_ peerings: [VPCPeeringConnection]) {
        for peering in peerings where !Self.gone.contains(peering.status) {
            let requester = peering.requester
            let accepter = peering.accepter
            let partition = context.partition.rawValue
            let ownerRegion = requester.region.isEmpty ? context.region : requester.region
            let owner = requester.ownerID.isEmpty ? context.accountID : requester.ownerID
            let arn =
                "arn:\(partition):ec2:\(ownerRegion):\(owner):vpc-peering-connection/\(peering.vpcPeeringConnectionID)"
            output.resources.append(
                Resource(
                    arn: arn, type: .vpcPeering, resourceID: peering.vpcPeeringConnectionID, accountID: owner,
                    region: ownerRegion, tags: peering.tags,
                    // The requester's VPC (in the owner's account and region, where the linker looks it up) from
                    // either side: both accounts' scans then state the same resource.
                    placement: Placement(vpcID: requester.vpcID.isEmpty ? nil : requester.vpcID),
                    config: [
                        "peerVpc": .string(accepter.vpcID), "peerAccount": .string(accepter.ownerID),
                        "peerRegion": .string(accepter.region),
                    ]))
            for side in [requester, accepter] where !side.vpcID.isEmpty {
                let sideRegion = side.region.isEmpty ? context.region : side.region
                let sideOwner = side.ownerID.isEmpty ? context.accountID : side.ownerID
                output.relate(
                    "arn:\(partition):ec2:\(sideRegion):\(sideOwner):vpc/\(side.vpcID)", arn, .peering,
                    "ec2:DescribeVpcPeeringConnections \(peering.vpcPeeringConnectionID) \(side.vpcID)")
            }
        }
    }

    /// Gateways, each under its owner's ARN: a gateway shared through RAM is listed in every account it is shared
    /// with, and one resource (the owner's) keeps both accounts' scans agreeing.
    mutating func addTransitGateways(_ gateways: [TransitGateway]) {
        for gateway in gateways where !Self.gone.contains(gateway.state) {
            let owner = gateway.ownerID.isEmpty ? context.accountID : gateway.ownerID
            gatewayOwners[gateway.transitGatewayID] = owner
            output.resources.append(
                Resource(
                    arn: ownedARN(owner, "transit-gateway", gateway.transitGatewayID), type: .transitGateway,
                    resourceID: gateway.transitGatewayID, accountID: owner, region: context.region,
                    tags: gateway.tags))
        }
    }

    /// An EC2 ARN in this region under `owner` (another account for shared gateways and attached VPCs).
    func ownedARN(_ owner: String, _ type: String, _ id: String) -> String {
        "arn:\(context.partition.rawValue):ec2:\(context.region):\(owner):\(type)/\(id)"
    }

    /// Attachments, linked to their transit gateway (call after `addTransitGateways`) and, for a VPC, its VPC.
    mutating func addTransitGatewayAttachments(_ attachments: [TransitGatewayAttachment]) {
        let local = Set(output.resources.filter { $0.type == .transitGateway }.map(\.resourceID))
        for attachment in attachments where !Self.gone.contains(attachment.state) {
            // AWS lists a peering on each side under that side's gateway; moto lists the accepter's side under the
            // requester's (another region's) gateway, with the local one as the peer: take the local one.
            let misplaced =
                attachment.resourceType == "peering" && !local.contains(attachment.transitGatewayID)
                && local.contains(attachment.resourceID)
            let gatewayID = misplaced ? attachment.resourceID : attachment.transitGatewayID
            let isVPC = attachment.resourceType == "vpc"
            // A VPC attachment belongs to the VPC's account (its creator), whichever side lists it.
            let owner = attachment.resourceOwnerID.isEmpty || !isVPC ? context.accountID : attachment.resourceOwnerID
            let attachmentARN = ownedARN(owner, "transit-gateway-attachment", attachment.attachmentID)
            output.resources.append(
                Resource(
                    arn: attachmentARN, type: .transitGatewayAttachment, resourceID: attachment.attachmentID,
                    accountID: owner, region: context.region, tags: attachment.tags,
                    placement: Placement(vpcID: isVPC ? attachment.resourceID : nil),
                    config: ["resourceType": .string(attachment.resourceType)]))
            output.relate(
                attachmentARN,
                ownedARN(gatewayOwners[gatewayID] ?? context.accountID, "transit-gateway", gatewayID), .peering,
                "ec2:DescribeTransitGatewayAttachments \(attachment.attachmentID)")
            if attachment.resourceType == "vpn", !attachment.resourceID.isEmpty {
                output.relate(
                    attachmentARN, arn("vpn-connection", attachment.resourceID), .peering,
                    "ec2:DescribeTransitGatewayAttachments vpn \(attachment.resourceID)")
            }
            if isVPC {
                let vpcARN = ownedARN(owner, "vpc", attachment.resourceID)
                output.relate(
                    vpcARN, attachmentARN, .peering,
                    "ec2:DescribeTransitGatewayAttachments vpc \(attachment.resourceID)")
            }
        }
    }

    mutating func addVPNGateways(_ gateways: [VPNGateway]) {
        for gateway in gateways where !Self.gone.contains(gateway.state) {
            add(
                .vpnGateway, "vpn-gateway", gateway.vpnGatewayID, tags: gateway.tags,
                placement: Placement(vpcID: gateway.vpcIDs.sorted().first))
        }
    }

    mutating func addCustomerGateways(_ gateways: [CustomerGateway]) {
        for gateway in gateways where !Self.gone.contains(gateway.state) {
            add(
                .customerGateway, "customer-gateway", gateway.customerGatewayID, tags: gateway.tags,
                config: ["bgpAsn": .string(gateway.bgpASN)])
        }
    }

    /// Security groups with their rules in Cloudcraft's shape, and SG → SG references (traffic from the source
    /// group to the group whose rule names it).
    mutating func addSecurityGroups(_ groups: [SecurityGroup]) {
        for group in groups {
            add(
                .securityGroup, "security-group", group.groupID, tags: group.tags,
                placement: Placement(vpcID: group.vpcID),
                config: [
                    "groupName": .string(group.groupName), "inboundRules": .array(group.ingress.flatMap(Self.rules)),
                    "outboundRules": .array(group.egress.flatMap(Self.rules)),
                ])
            let groupARN = arn("security-group", group.groupID)
            for permission in group.ingress {
                for source in Set(permission.groupIDs).sorted() where source != group.groupID {
                    output.relate(
                        arn("security-group", source), groupARN, .securityGroupReference,
                        "ec2:DescribeSecurityGroups ingress \(permission.ipProtocol) \(Self.portRange(permission)) from \(source)"
                    )
                }
            }
        }
    }

    static func portRange(_ permission: SecurityGroup.Permission) -> String {
        guard permission.ipProtocol != "-1", let from = permission.fromPort else { return "all" }
        let to = permission.toPort ?? from
        return from == to ? "\(from)" : "\(from)-\(to)"
    }

    static func rules(_ permission: SecurityGroup.Permission) -> [JSONValue] {
        let proto: JSONValue = .string(permission.ipProtocol == "-1" ? "all" : permission.ipProtocol)
        let range: JSONValue = .string(portRange(permission))
        func rule(_ target: String, _ type: String) -> JSONValue {
            .object(["portRange": range, "protocol": proto, "target": .string(target), "targetType": .string(type)])
        }
        return (permission.cidrs + permission.ipv6CIDRs).map { rule($0, "ip") }
            + permission.groupIDs.map { rule($0, "sg") }
    }
}

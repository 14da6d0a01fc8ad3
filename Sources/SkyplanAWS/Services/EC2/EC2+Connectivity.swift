/// A VPC endpoint (gateway, interface, gateway load balancer).
public struct VPCEndpoint: Sendable, Hashable {
    public var vpcEndpointID: String
    public var vpcID: String
    public var serviceName: String
    /// `Gateway`, `Interface`, `GatewayLoadBalancer`.
    public var endpointType: String
    public var state: String
    public var subnetIDs: [String]
    public var routeTableIDs: [String]
    public var securityGroupIDs: [String]
    public var tags: [String: String]
}

/// A VPC peering connection between two VPCs (maybe in other accounts or regions).
public struct VPCPeeringConnection: Sendable, Hashable {
    /// One side of the peering.
    public struct Side: Sendable, Hashable {
        public var vpcID: String
        public var ownerID: String
        public var region: String
        public var cidrBlock: String
    }

    public var vpcPeeringConnectionID: String
    public var requester: Side
    public var accepter: Side
    /// `active`, `pending-acceptance`, ...
    public var status: String
    public var tags: [String: String]
}

/// A transit gateway.
public struct TransitGateway: Sendable, Hashable {
    public var transitGatewayID: String
    public var ownerID: String
    public var state: String
    public var tags: [String: String]
}

/// A transit gateway attachment (VPC, VPN, peering, Direct Connect gateway).
public struct TransitGatewayAttachment: Sendable, Hashable {
    public var attachmentID: String
    public var transitGatewayID: String
    /// `vpc`, `vpn`, `direct-connect-gateway`, `peering`, ...
    public var resourceType: String
    public var resourceID: String
    public var resourceOwnerID: String
    public var state: String
    public var tags: [String: String]
}

/// A virtual private gateway (VPN).
public struct VPNGateway: Sendable, Hashable {
    public var vpnGatewayID: String
    public var state: String
    public var type: String
    public var vpcIDs: [String]
    public var tags: [String: String]
}

/// A customer gateway (the on-premises side of a VPN).
public struct CustomerGateway: Sendable, Hashable {
    public var customerGatewayID: String
    public var ipAddress: String
    public var bgpASN: String
    public var state: String
    public var tags: [String: String]
}

extension AWSClient {
    /// `DescribeVpcEndpoints`, all items.
    public func describeVpcEndpoints(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [VPCEndpoint]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeVpcEndpoints, filters.parameters, listKey: "vpcEndpointSet", region: region
        ) { item in
            guard let id = item.string("vpcEndpointId") else { return nil }
            return VPCEndpoint(
                vpcEndpointID: id, vpcID: item.string("vpcId") ?? "", serviceName: item.string("serviceName") ?? "",
                endpointType: item.string("vpcEndpointType") ?? "Gateway", state: item.string("state") ?? "",
                subnetIDs: item.ec2Texts("subnetIdSet"), routeTableIDs: item.ec2Texts("routeTableIdSet"),
                securityGroupIDs: item.ec2Values("groupSet", "groupId"), tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeVpcPeeringConnections`, all items.
    public func describeVpcPeeringConnections(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [VPCPeeringConnection]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeVpcPeeringConnections, filters.parameters, listKey: "vpcPeeringConnectionSet",
            region: region
        ) { item in
            guard let id = item.string("vpcPeeringConnectionId") else { return nil }
            func side(_ node: XMLTree?) -> VPCPeeringConnection.Side {
                VPCPeeringConnection.Side(
                    vpcID: node?.string("vpcId") ?? "", ownerID: node?.string("ownerId") ?? "",
                    region: node?.string("region") ?? "", cidrBlock: node?.string("cidrBlock") ?? "")
            }
            return VPCPeeringConnection(
                vpcPeeringConnectionID: id, requester: side(item["requesterVpcInfo"]),
                accepter: side(item["accepterVpcInfo"]), status: item["status"]?.string("code") ?? "",
                tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeTransitGateways`, all items.
    public func describeTransitGateways(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [TransitGateway]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeTransitGateways, filters.parameters, listKey: "transitGatewaySet", region: region
        ) { item in
            guard let id = item.string("transitGatewayId") else { return nil }
            return TransitGateway(
                transitGatewayID: id, ownerID: item.string("ownerId") ?? "", state: item.string("state") ?? "",
                tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeTransitGatewayAttachments`, all items.
    public func describeTransitGatewayAttachments(_ filters: EC2Filters = EC2Filters(), region: String? = nil)
        async throws -> [TransitGatewayAttachment]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeTransitGatewayAttachments, filters.parameters,
            listKey: "transitGatewayAttachments", region: region
        ) { item in
            guard let id = item.string("transitGatewayAttachmentId") else { return nil }
            return TransitGatewayAttachment(
                attachmentID: id, transitGatewayID: item.string("transitGatewayId") ?? "",
                resourceType: item.string("resourceType") ?? "", resourceID: item.string("resourceId") ?? "",
                resourceOwnerID: item.string("resourceOwnerId") ?? "", state: item.string("state") ?? "",
                tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeVpnGateways` (not paginated).
    public func describeVpnGateways(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [VPNGateway]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeVpnGateways, filters.parameters, listKey: "vpnGatewaySet", pageSize: nil,
            region: region
        ) { item in
            guard let id = item.string("vpnGatewayId") else { return nil }
            let attached = item.list("attachments").filter { $0.string("state") != "detached" }
            return VPNGateway(
                vpnGatewayID: id, state: item.string("state") ?? "", type: item.string("type") ?? "ipsec.1",
                vpcIDs: attached.compactMap { $0.string("vpcId") }, tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeCustomerGateways` (not paginated).
    public func describeCustomerGateways(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [CustomerGateway]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeCustomerGateways, filters.parameters, listKey: "customerGatewaySet", pageSize: nil,
            region: region
        ) { item in
            guard let id = item.string("customerGatewayId") else { return nil }
            return CustomerGateway(
                customerGatewayID: id, ipAddress: item.string("ipAddress") ?? "", bgpASN: item.string("bgpAsn") ?? "",
                state: item.string("state") ?? "", tags: item.ec2Tags)
        }.all()
    }
}

/// A Site-to-Site VPN connection between a customer gateway and a virtual private gateway or a transit gateway.
public struct VPNConnection: Sendable, Hashable {
    /// `vpn-...`.
    public var vpnConnectionID: String
    /// `pending`, `available`, `deleting`, `deleted`.
    public var state: String
    /// `ipsec.1`.
    public var type: String
    /// The on-premises side.
    public var customerGatewayID: String
    /// The AWS side when it is a virtual private gateway.
    public var vpnGatewayID: String?
    /// The AWS side when it is a transit gateway.
    public var transitGatewayID: String?
    /// Tags.
    public var tags: [String: String]

    /// Creates a connection.
    public init(
        vpnConnectionID: String, state: String, type: String = "ipsec.1", customerGatewayID: String,
        vpnGatewayID: String? = nil, transitGatewayID: String? = nil, tags: [String: String] = [:]
    ) {
        self.vpnConnectionID = vpnConnectionID
        self.state = state
        self.type = type
        self.customerGatewayID = customerGatewayID
        self.vpnGatewayID = vpnGatewayID
        self.transitGatewayID = transitGatewayID
        self.tags = tags
    }
}

/// A peering between two transit gateways, maybe in other regions or accounts. Both sides list it under the same
/// attachment id, naming the requester's and the accepter's gateway.
public struct TransitGatewayPeeringAttachment: Sendable, Hashable {
    /// One side of the peering.
    public struct Side: Sendable, Hashable {
        /// `tgw-...`.
        public var transitGatewayID: String
        /// The gateway's account.
        public var ownerID: String
        /// The gateway's region.
        public var region: String

        /// Creates a side.
        public init(transitGatewayID: String, ownerID: String, region: String) {
            self.transitGatewayID = transitGatewayID
            self.ownerID = ownerID
            self.region = region
        }
    }

    /// `tgw-attach-...`.
    public var attachmentID: String
    /// The side that asked.
    public var requester: Side
    /// The side that accepted (or has yet to).
    public var accepter: Side
    /// `available`, `pendingAcceptance`, `deleted`, ...
    public var state: String
    /// Tags.
    public var tags: [String: String]

    /// Creates an attachment.
    public init(attachmentID: String, requester: Side, accepter: Side, state: String, tags: [String: String] = [:]) {
        self.attachmentID = attachmentID
        self.requester = requester
        self.accepter = accepter
        self.state = state
        self.tags = tags
    }
}

extension AWSClient {
    /// `DescribeVpnConnections` (not paginated).
    /// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpnConnections.html
    public func describeVpnConnections(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [VPNConnection]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeVpnConnections, filters.parameters, listKey: "vpnConnectionSet", pageSize: nil,
            region: region
        ) { item in
            guard let id = item.string("vpnConnectionId") else { return nil }
            func nonEmpty(_ name: String) -> String? { item.string(name).flatMap { $0.isEmpty ? nil : $0 } }
            return VPNConnection(
                vpnConnectionID: id, state: item.string("state") ?? "", type: item.string("type") ?? "ipsec.1",
                customerGatewayID: item.string("customerGatewayId") ?? "", vpnGatewayID: nonEmpty("vpnGatewayId"),
                transitGatewayID: nonEmpty("transitGatewayId"), tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeTransitGatewayPeeringAttachments`, all items. Items without both gateway infos are skipped (moto
    /// also lists the VPC and VPN attachments here).
    /// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeTransitGatewayPeeringAttachments.html
    public func describeTransitGatewayPeeringAttachments(_ filters: EC2Filters = EC2Filters(), region: String? = nil)
        async throws -> [TransitGatewayPeeringAttachment]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeTransitGatewayPeeringAttachments, filters.parameters,
            listKey: "transitGatewayPeeringAttachments", region: region
        ) { item in
            guard let id = item.string("transitGatewayAttachmentId"),
                let requester = Self.peeringSide(item["requesterTgwInfo"]),
                let accepter = Self.peeringSide(item["accepterTgwInfo"])
            else { return nil }
            return TransitGatewayPeeringAttachment(
                attachmentID: id, requester: requester, accepter: accepter, state: item.string("state") ?? "",
                tags: item.ec2Tags)
        }.all()
    }

    static func peeringSide(_ node: XMLTree?) -> TransitGatewayPeeringAttachment.Side? {
        guard let node, let gateway = node.string("transitGatewayId"), !gateway.isEmpty else { return nil }
        return TransitGatewayPeeringAttachment.Side(
            transitGatewayID: gateway, ownerID: node.string("ownerId") ?? "", region: node.string("region") ?? "")
    }
}

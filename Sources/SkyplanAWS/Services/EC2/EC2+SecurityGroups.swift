/// A security group and its rules.
public struct SecurityGroup: Sendable, Hashable {
    /// One rule: protocol, ports and the peers it allows.
    public struct Permission: Sendable, Hashable {
        /// `tcp`, `udp`, `icmp`, `-1` (all).
        public var ipProtocol: String
        public var fromPort: Int?
        public var toPort: Int?
        public var cidrs: [String]
        public var ipv6CIDRs: [String]
        /// Security groups allowed (rule → security group relationships).
        public var groupIDs: [String]
        public var prefixListIDs: [String]
    }

    public var groupID: String
    public var groupName: String
    public var vpcID: String
    public var description: String
    public var ingress: [Permission]
    public var egress: [Permission]
    public var tags: [String: String]
}

/// A network interface (ENI).
public struct NetworkInterface: Sendable, Hashable {
    public var networkInterfaceID: String
    public var subnetID: String
    public var vpcID: String
    public var availabilityZone: String
    /// `interface`, `nat_gateway`, `lambda`, `vpc_endpoint`, ...
    public var interfaceType: String
    public var description: String
    public var privateIP: String
    public var publicIP: String?
    public var attachedInstanceID: String?
    /// The account of the attached instance (another account's for some AWS-managed interfaces).
    public var attachedInstanceOwnerID: String?
    public var securityGroupIDs: [String]
    public var requesterID: String?
    public var status: String
    public var tags: [String: String]
}

extension AWSClient {
    /// `DescribeSecurityGroups`, all items.
    public func describeSecurityGroups(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [SecurityGroup]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeSecurityGroups, filters.parameters, listKey: "securityGroupInfo", region: region
        ) { item in
            guard let id = item.string("groupId") else { return nil }
            return SecurityGroup(
                groupID: id, groupName: item.string("groupName") ?? "", vpcID: item.string("vpcId") ?? "",
                description: item.string("groupDescription") ?? "",
                ingress: item.list("ipPermissions").map(Self.permission),
                egress: item.list("ipPermissionsEgress").map(Self.permission), tags: item.ec2Tags)
        }.all()
    }

    static func permission(_ node: XMLTree) -> SecurityGroup.Permission {
        SecurityGroup.Permission(
            ipProtocol: node.string("ipProtocol") ?? "-1", fromPort: node.ec2Int("fromPort"),
            toPort: node.ec2Int("toPort"), cidrs: node.ec2Values("ipRanges", "cidrIp"),
            ipv6CIDRs: node.ec2Values("ipv6Ranges", "cidrIpv6"), groupIDs: node.ec2Values("groups", "groupId"),
            prefixListIDs: node.ec2Values("prefixListIds", "prefixListId"))
    }

    /// `DescribeNetworkInterfaces`, all items.
    public func describeNetworkInterfaces(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [NetworkInterface]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeNetworkInterfaces, filters.parameters, listKey: "networkInterfaceSet",
            region: region
        ) { item in
            guard let id = item.string("networkInterfaceId") else { return nil }
            return NetworkInterface(
                networkInterfaceID: id, subnetID: item.string("subnetId") ?? "", vpcID: item.string("vpcId") ?? "",
                availabilityZone: item.string("availabilityZone") ?? "",
                interfaceType: item.string("interfaceType") ?? "interface",
                description: item.string("description") ?? "", privateIP: item.string("privateIpAddress") ?? "",
                publicIP: item["association"]?.string("publicIp"),
                attachedInstanceID: item["attachment"]?.string("instanceId"),
                attachedInstanceOwnerID: item["attachment"]?.string("instanceOwnerId"),
                securityGroupIDs: item.ec2Values("groupSet", "groupId"), requesterID: item.string("requesterId"),
                status: item.string("status") ?? "", tags: item.ec2Tags)
        }.all()
    }
}

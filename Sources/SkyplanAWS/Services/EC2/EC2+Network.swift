/// An EC2 region (`DescribeRegions`).
public struct EC2Region: Sendable, Hashable {
    public var name: String
    public var endpoint: String
    /// `opt-in-not-required`, `opted-in`, `not-opted-in`.
    public var optInStatus: String
}

/// A VPC.
public struct VPC: Sendable, Hashable {
    public var vpcID: String
    public var cidrBlock: String
    public var ipv6CIDRBlocks: [String]
    public var isDefault: Bool
    public var state: String
    public var ownerID: String
    public var tags: [String: String]
}

/// A subnet.
public struct Subnet: Sendable, Hashable {
    public var subnetID: String
    public var vpcID: String
    public var availabilityZone: String
    public var availabilityZoneID: String
    public var cidrBlock: String
    public var ipv6CIDRBlocks: [String]
    public var mapPublicIPOnLaunch: Bool
    public var availableIPAddressCount: Int
    public var tags: [String: String]
}

/// A route table with its routes and associations.
public struct RouteTable: Sendable, Hashable {
    /// One route: a destination and the target it goes to.
    public struct Route: Sendable, Hashable {
        public var destinationCIDR: String?
        public var destinationIPv6CIDR: String?
        public var destinationPrefixListID: String?
        /// `igw-`, `vgw-`, `local`, or a gateway endpoint `vpce-`.
        public var gatewayID: String?
        public var natGatewayID: String?
        public var transitGatewayID: String?
        public var egressOnlyInternetGatewayID: String?
        public var networkInterfaceID: String?
        public var vpcPeeringConnectionID: String?
        public var instanceID: String?
        /// `active` or `blackhole`.
        public var state: String
    }

    /// A subnet (or gateway) association; `main` marks the VPC's main table.
    public struct Association: Sendable, Hashable {
        public var subnetID: String?
        public var gatewayID: String?
        public var main: Bool
    }

    public var routeTableID: String
    public var vpcID: String
    public var routes: [Route]
    public var associations: [Association]
    public var tags: [String: String]
}

/// An internet gateway and the VPCs it is attached to.
public struct InternetGateway: Sendable, Hashable {
    public var internetGatewayID: String
    public var vpcIDs: [String]
    public var tags: [String: String]
}

/// An egress-only internet gateway (IPv6).
public struct EgressOnlyInternetGateway: Sendable, Hashable {
    public var egressOnlyInternetGatewayID: String
    public var vpcIDs: [String]
    public var tags: [String: String]
}

/// A NAT gateway.
public struct NatGateway: Sendable, Hashable {
    public var natGatewayID: String
    public var vpcID: String
    public var subnetID: String
    public var state: String
    /// `public` or `private`.
    public var connectivityType: String
    public var publicIPs: [String]
    public var privateIPs: [String]
    public var tags: [String: String]
}

extension AWSClient {
    /// `DescribeRegions` (all regions, with their opt-in status).
    public func describeRegions(region: String? = nil) async throws -> [EC2Region] {
        try await ec2Pages(
            AWSOperation.EC2.describeRegions, ["AllRegions": "true"], listKey: "regionInfo", pageSize: nil,
            region: region
        ) { item in
            guard let name = item.string("regionName") else { return nil }
            return EC2Region(
                name: name, endpoint: item.string("regionEndpoint") ?? "",
                optInStatus: item.string("optInStatus") ?? "opt-in-not-required")
        }.all()
    }

    /// `DescribeVpcs`, every page.
    public func describeVpcsPages(_ filters: EC2Filters = EC2Filters(), region: String? = nil) -> Paginated<[VPC]> {
        ec2Pages(AWSOperation.EC2.describeVpcs, filters.parameters, listKey: "vpcSet", region: region) { item in
            guard let id = item.string("vpcId") else { return nil }
            return VPC(
                vpcID: id, cidrBlock: item.string("cidrBlock") ?? "",
                ipv6CIDRBlocks: item.ec2Values("ipv6CidrBlockAssociationSet", "ipv6CidrBlock"),
                isDefault: item.ec2Bool("isDefault") ?? false, state: item.string("state") ?? "",
                ownerID: item.string("ownerId") ?? "", tags: item.ec2Tags)
        }
    }

    /// `DescribeVpcs`, all items.
    public func describeVpcs(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws -> [VPC] {
        try await describeVpcsPages(filters, region: region).all()
    }

    /// `DescribeSubnets`, all items.
    public func describeSubnets(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws -> [Subnet] {
        try await ec2Pages(AWSOperation.EC2.describeSubnets, filters.parameters, listKey: "subnetSet", region: region) {
            item in
            guard let id = item.string("subnetId") else { return nil }
            return Subnet(
                subnetID: id, vpcID: item.string("vpcId") ?? "",
                availabilityZone: item.string("availabilityZone") ?? "",
                availabilityZoneID: item.string("availabilityZoneId") ?? "", cidrBlock: item.string("cidrBlock") ?? "",
                ipv6CIDRBlocks: item.ec2Values("ipv6CidrBlockAssociationSet", "ipv6CidrBlock"),
                mapPublicIPOnLaunch: item.ec2Bool("mapPublicIpOnLaunch") ?? false,
                availableIPAddressCount: item.ec2Int("availableIpAddressCount") ?? 0, tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeRouteTables`, all items.
    public func describeRouteTables(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [RouteTable]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeRouteTables, filters.parameters, listKey: "routeTableSet", region: region
        ) { item in
            guard let id = item.string("routeTableId") else { return nil }
            let routes = item.list("routeSet").map { route in
                RouteTable.Route(
                    destinationCIDR: route.string("destinationCidrBlock"),
                    destinationIPv6CIDR: route.string("destinationIpv6CidrBlock"),
                    destinationPrefixListID: route.string("destinationPrefixListId"),
                    gatewayID: route.string("gatewayId"), natGatewayID: route.string("natGatewayId"),
                    transitGatewayID: route.string("transitGatewayId"),
                    egressOnlyInternetGatewayID: route.string("egressOnlyInternetGatewayId"),
                    networkInterfaceID: route.string("networkInterfaceId"),
                    vpcPeeringConnectionID: route.string("vpcPeeringConnectionId"),
                    instanceID: route.string("instanceId"), state: route.string("state") ?? "active")
            }
            let associations = item.list("associationSet").map { association in
                RouteTable.Association(
                    subnetID: association.string("subnetId"), gatewayID: association.string("gatewayId"),
                    main: association.ec2Bool("main") ?? false)
            }
            return RouteTable(
                routeTableID: id, vpcID: item.string("vpcId") ?? "", routes: routes, associations: associations,
                tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeInternetGateways`, all items.
    public func describeInternetGateways(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [InternetGateway]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeInternetGateways, filters.parameters, listKey: "internetGatewaySet", region: region
        ) { item in
            guard let id = item.string("internetGatewayId") else { return nil }
            return InternetGateway(
                internetGatewayID: id, vpcIDs: item.ec2Values("attachmentSet", "vpcId"), tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeEgressOnlyInternetGateways`, all items.
    public func describeEgressOnlyInternetGateways(_ filters: EC2Filters = EC2Filters(), region: String? = nil)
        async throws -> [EgressOnlyInternetGateway]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeEgressOnlyInternetGateways, filters.parameters,
            listKey: "egressOnlyInternetGatewaySet", pageSize: 255, region: region
        ) { item in
            guard let id = item.string("egressOnlyInternetGatewayId") else { return nil }
            return EgressOnlyInternetGateway(
                egressOnlyInternetGatewayID: id, vpcIDs: item.ec2Values("attachmentSet", "vpcId"), tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeNatGateways`, all items.
    public func describeNatGateways(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [NatGateway]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeNatGateways, filters.parameters, listKey: "natGatewaySet", region: region
        ) { item in
            guard let id = item.string("natGatewayId") else { return nil }
            return NatGateway(
                natGatewayID: id, vpcID: item.string("vpcId") ?? "", subnetID: item.string("subnetId") ?? "",
                state: item.string("state") ?? "", connectivityType: item.string("connectivityType") ?? "public",
                publicIPs: item.ec2Values("natGatewayAddressSet", "publicIp"),
                privateIPs: item.ec2Values("natGatewayAddressSet", "privateIp"), tags: item.ec2Tags)
        }.all()
    }
}

import SkyplanAWS
import SkyplanModel

/// Turns the answers of the EC2 network calls of one region into resources and relationships. Pure.
struct NetworkInventoryBuilder {
    let context: CollectorContext
    var output = CollectorOutput()
    /// Transit gateway id → owning account (set by `addTransitGateways`; RAM-shared gateways are another's).
    var gatewayOwners: [String: String] = [:]
    static let gone: Set<String> = ["deleted", "deleting", "rejected", "failed", "expired"]

    init(context: CollectorContext) { self.context = context }

    func arn(_ type: String, _ id: String) -> String { context.arn("ec2", type, id) }

    mutating func add(
        _ type: ComponentType, _ arnType: String, _ id: String, tags: [String: String] = [:],
        placement: Placement = Placement(), config: [String: JSONValue] = [:]
    ) {
        output.resources.append(
            Resource(
                arn: arn(arnType, id), type: type, resourceID: id, accountID: context.accountID, region: context.region,
                tags: tags, placement: placement, config: config))
    }

    mutating func addVPCs(_ vpcs: [VPC]) {
        for vpc in vpcs {
            add(
                .vpc, "vpc", vpc.vpcID, tags: vpc.tags, placement: Placement(vpcID: vpc.vpcID),
                config: ["cidr": .string(vpc.cidrBlock), "isDefault": .bool(vpc.isDefault)])
        }
    }

    mutating func addSubnets(_ subnets: [Subnet], tables: [RouteTable]) {
        let facts = tables.map(Self.facts)
        for subnet in subnets {
            let table = SubnetClassifier.effectiveTable(subnetID: subnet.subnetID, vpcID: subnet.vpcID, tables: facts)
            let access = SubnetClassifier.access(of: table)
            add(
                .subnet, "subnet", subnet.subnetID, tags: subnet.tags,
                placement: Placement(vpcID: subnet.vpcID, availabilityZones: [subnet.availabilityZone]),
                config: ["subnetType": .string(access.rawValue), "cidr": .string(subnet.cidrBlock)])
            if let table {
                let how = table.subnetIDs.contains(subnet.subnetID) ? "explicit association" : "main route table"
                output.relate(
                    arn("subnet", subnet.subnetID), arn("route-table", table.id), .routes,
                    "ec2:DescribeRouteTables \(how) \(table.id)")
            }
        }
    }

    static func facts(_ table: RouteTable) -> RouteTableFacts {
        RouteTableFacts(
            id: table.routeTableID, vpcID: table.vpcID, isMain: table.associations.contains { $0.main },
            subnetIDs: table.associations.compactMap(\.subnetID),
            routes: table.routes.map { route in
                RouteFacts(
                    destinationCIDR: route.destinationCIDR, destinationIPv6CIDR: route.destinationIPv6CIDR,
                    target: target(of: route), state: route.state)
            })
    }

    /// The id a route sends traffic to.
    static func target(of route: RouteTable.Route) -> String? {
        route.natGatewayID ?? route.transitGatewayID ?? route.egressOnlyInternetGatewayID
            ?? route.vpcPeeringConnectionID ?? route.instanceID ?? route.networkInterfaceID ?? route.gatewayID
    }

    /// The ARN type of a route target id (`igw-` → `internet-gateway`), nil for `local` and unknown ids.
    static func arnType(ofTarget id: String) -> String? {
        let kinds = [
            ("igw-", "internet-gateway"), ("nat-", "natgateway"), ("tgw-", "transit-gateway"),
            ("eigw-", "egress-only-internet-gateway"), ("pcx-", "vpc-peering-connection"), ("i-", "instance"),
            ("eni-", "network-interface"), ("vgw-", "vpn-gateway"), ("vpce-", "vpc-endpoint"),
        ]
        return kinds.first { id.hasPrefix($0.0) }?.1
    }

    mutating func addRouteTables(_ tables: [RouteTable]) {
        for table in tables {
            let isMain = table.associations.contains { $0.main }
            add(
                .routeTable, "route-table", table.routeTableID, tags: table.tags,
                placement: Placement(vpcID: table.vpcID),
                config: ["main": .bool(isMain)])
            var targets: [String: [String]] = [:]
            for route in table.routes where route.state != "blackhole" {
                guard let target = Self.target(of: route), Self.arnType(ofTarget: target) != nil else { continue }
                let destination =
                    route.destinationCIDR ?? route.destinationIPv6CIDR ?? route.destinationPrefixListID ?? "?"
                targets[target, default: []].append(destination)
            }
            for (target, destinations) in targets.sorted(by: { $0.key < $1.key }) {
                guard let type = Self.arnType(ofTarget: target) else { continue }
                output.relate(
                    arn("route-table", table.routeTableID), arn(type, target), .routes,
                    "ec2:DescribeRouteTables route \(destinations.sorted().joined(separator: ",")) → \(target)")
            }
        }
    }

    mutating func addInternetGateways(_ gateways: [InternetGateway]) {
        for gateway in gateways {
            add(
                .internetGateway, "internet-gateway", gateway.internetGatewayID, tags: gateway.tags,
                placement: Placement(vpcID: gateway.vpcIDs.sorted().first))
        }
    }

    mutating func addEgressOnlyGateways(_ gateways: [EgressOnlyInternetGateway]) {
        for gateway in gateways {
            add(
                .egressOnlyInternetGateway, "egress-only-internet-gateway", gateway.egressOnlyInternetGatewayID,
                tags: gateway.tags, placement: Placement(vpcID: gateway.vpcIDs.sorted().first))
        }
    }

    mutating func addNATGateways(_ gateways: [NatGateway]) {
        for gateway in gateways where !Self.gone.contains(gateway.state) {
            add(
                .natGateway, "natgateway", gateway.natGatewayID, tags: gateway.tags,
                placement: Placement(vpcID: gateway.vpcID, subnetIDs: [gateway.subnetID]),
                config: ["endpointType": .string(gateway.connectivityType)])
        }
    }

    mutating func addEndpoints(_ endpoints: [VPCEndpoint]) {
        for endpoint in endpoints where !Self.gone.contains(endpoint.state.lowercased()) {
            add(
                .vpcEndpoint, "vpc-endpoint", endpoint.vpcEndpointID, tags: endpoint.tags,
                placement: Placement(
                    vpcID: endpoint.vpcID, subnetIDs: endpoint.subnetIDs.sorted(),
                    securityGroupIDs: endpoint.securityGroupIDs.sorted()),
                config: [
                    "endpointType": .string(endpoint.endpointType.lowercased()),
                    "serviceName": .string(endpoint.serviceName),
                ])
            // A gateway endpoint names its route tables; their routes to it may not be listed (yet).
            for table in Set(endpoint.routeTableIDs).sorted() {
                output.relate(
                    arn("route-table", table), arn("vpc-endpoint", endpoint.vpcEndpointID), .routes,
                    "ec2:DescribeVpcEndpoints RouteTableIds \(table)")
            }
        }
    }
}

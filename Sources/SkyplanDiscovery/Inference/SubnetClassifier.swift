import SkyplanModel

/// How a subnet reaches the internet, from its effective route table.
public enum SubnetAccess: String, Sendable, Hashable, Codable {
    /// A default route (0.0.0.0/0 or ::/0) to an internet gateway.
    case `public`
    /// No route to an internet gateway, but a default route to a NAT gateway, transit gateway,
    /// egress-only internet gateway, or a network interface / instance (a NAT instance).
    case `private`
    /// No default route out.
    case isolated
}

/// A route, as DescribeRouteTables gives it (only the fields classification needs).
public struct RouteFacts: Sendable, Hashable {
    /// Destination CIDR.
    public var destinationCIDR: String?
    /// Destination ipv6 CIDR.
    public var destinationIPv6CIDR: String?
    /// The target id: `igw-`, `nat-`, `tgw-`, `eigw-`, `eni-`, `i-`, `vgw-`, `pcx-`, `local`, ...
    public var target: String?
    /// `active` or `blackhole`; a blackhole route goes nowhere.
    public var state: String?

    public init(
        destinationCIDR: String? = nil, destinationIPv6CIDR: String? = nil, target: String?, state: String? = nil
    ) {
        self.destinationCIDR = destinationCIDR
        self.destinationIPv6CIDR = destinationIPv6CIDR
        self.target = target
        self.state = state
    }

    /// True for 0.0.0.0/0 and ::/0.
    public var isDefault: Bool { destinationCIDR == "0.0.0.0/0" || destinationIPv6CIDR == "::/0" }
}

/// A route table, as DescribeRouteTables gives it.
public struct RouteTableFacts: Sendable, Hashable {
    /// Id.
    public var id: String
    /// Vpc ID.
    public var vpcID: String
    /// True when this is the VPC's main route table (an association with `Main: true`).
    public var isMain: Bool
    /// Subnets explicitly associated with it.
    public var subnetIDs: [String]
    /// Routes.
    public var routes: [RouteFacts]

    public init(id: String, vpcID: String, isMain: Bool, subnetIDs: [String], routes: [RouteFacts]) {
        self.id = id
        self.vpcID = vpcID
        self.isMain = isMain
        self.subnetIDs = subnetIDs
        self.routes = routes
    }
}

/// Classifies subnets from the *effective* route table: the explicitly associated one, else the VPC's main one.
public enum SubnetClassifier {
    /// The effective route table of a subnet, if there is one.
    public static func effectiveTable(
        subnetID: String, vpcID: String, tables: [RouteTableFacts]
    ) -> RouteTableFacts? {
        // Sorted by id so that the answer does not depend on API order (a subnet has one explicit table).
        let sorted = tables.sorted { $0.id < $1.id }
        if let explicit = sorted.first(where: { $0.subnetIDs.contains(subnetID) }) { return explicit }
        return sorted.first { $0.vpcID == vpcID && $0.isMain }
    }

    /// The access class given by one route table's routes.
    public static func access(of table: RouteTableFacts?) -> SubnetAccess {
        guard let table else { return .isolated }
        let defaults = table.routes.filter { $0.isDefault && $0.state != "blackhole" }
        let targets = defaults.compactMap(\.target)
        if targets.contains(where: { $0.hasPrefix("igw-") }) { return .public }
        let egress = ["nat-", "tgw-", "eigw-", "eni-", "i-"]
        if targets.contains(where: { target in egress.contains { target.hasPrefix($0) } }) { return .private }
        return .isolated
    }

    /// The access class of a subnet.
    public static func classify(subnetID: String, vpcID: String, tables: [RouteTableFacts]) -> SubnetAccess {
        access(of: effectiveTable(subnetID: subnetID, vpcID: vpcID, tables: tables))
    }
}

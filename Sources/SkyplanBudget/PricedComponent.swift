import SkyplanModel

/// One thing to price: a component type with its configuration, how many of it, and where it sits.
///
/// The cost model works on this small type so it does not depend on how a blueprint or a scan stores
/// components; adapters build it from a `Resource` (here) or from blueprint nodes (the server's).
public struct PricedComponent: Hashable, Sendable, Codable {
    /// Stable id (ARN for discovered resources, node id for blueprint nodes).
    public var id: String
    /// Display name.
    public var name: String
    public var type: ComponentType
    /// AWS region code, or `global`.
    public var region: String
    /// Cloudcraft-style configuration keys (`instanceType`, `instanceSize`, `volumeSize`, ...).
    public var config: [String: JSONValue]
    /// How many identical components this stands for (at least 1).
    public var count: Int
    /// The containers it sits in, for roll-ups.
    public var container: ContainerPath

    /// Creates a component to price.
    public init(
        id: String, name: String = "", type: ComponentType, region: String, config: [String: JSONValue] = [:],
        count: Int = 1, container: ContainerPath = ContainerPath()
    ) {
        self.id = id
        self.name = name.isEmpty ? id : name
        self.type = type
        self.region = region
        self.config = config
        self.count = max(1, count)
        self.container = container
    }

    /// A discovered resource, priced as one component.
    public init(resource: Resource) {
        self.init(
            id: resource.arn, name: resource.name, type: resource.type, region: resource.region,
            config: resource.config, count: 1,
            container: ContainerPath(
                account: resource.accountID, region: resource.region, vpc: resource.placement.vpcID,
                subnet: resource.placement.subnetIDs.sorted().first))
    }

    /// The configuration value at `key` as text (numbers in their shortest form).
    public func string(_ key: String) -> String? {
        switch config[key] {
        case .string(let value)?: value.isEmpty ? nil : value
        case .number(let value)?: value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value)?: String(value)
        default: nil
        }
    }

    /// The configuration value at `key` as a number (numeric strings accepted).
    public func number(_ key: String) -> Double? { config[key]?.doubleValue }

    /// The configuration value at `key` as a flag (`true`, `"true"`, `"yes"`, 1).
    public func flag(_ key: String) -> Bool? {
        switch config[key] {
        case .bool(let value)?: value
        case .number(let value)?: value != 0
        case .string(let value)?: ["true", "yes", "1"].contains(value.lowercased())
        default: nil
        }
    }
}

/// Where a component sits: account, region, VPC and subnet ids (any may be unknown).
public struct ContainerPath: Hashable, Sendable, Codable {
    public var account: String?
    public var region: String?
    public var vpc: String?
    public var subnet: String?

    /// Creates a container path.
    public init(account: String? = nil, region: String? = nil, vpc: String? = nil, subnet: String? = nil) {
        self.account = account
        self.region = region
        self.vpc = vpc
        self.subnet = subnet
    }
}

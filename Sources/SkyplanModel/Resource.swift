/// One discovered AWS resource: what it is, where it sits, and the configuration needed to draw and
/// price it. Never holds live values (state, metrics, IP addresses): those are `SkyplanLive`'s.
public struct Resource: Hashable, Sendable, Codable, Identifiable {
    /// The ARN, the stable key of a resource everywhere in Skyplan. For resources AWS gives no ARN
    /// (a route table, an ENI) collectors build the documented ARN shape.
    public var arn: String
    public var type: ComponentType
    /// The AWS id (`i-0abc`, `vpc-123`, `my-bucket`).
    public var resourceID: String
    public var accountID: String
    /// The region, or `global` for CloudFront and Route 53.
    public var region: String
    public var name: String
    public var tags: [String: String]
    /// Where it sits. Containers the layout nests it in.
    public var placement: Placement
    /// Type-specific configuration, with the keys Cloudcraft uses on nodes where one exists
    /// (`instanceType` `m5`, `instanceSize` `large`, `platform` `linux`, `engine`, `multiAZ`,
    /// `volumeType`, `volumeSize`, `memory`, `architecture`, `capacityMode`, `elbType`, ...).
    public var config: [String: JSONValue]

    public var id: String { arn }

    public init(
        arn: String, type: ComponentType, resourceID: String, accountID: String, region: String, name: String = "",
        tags: [String: String] = [:], placement: Placement = Placement(), config: [String: JSONValue] = [:]
    ) {
        self.arn = arn
        self.type = type
        self.resourceID = resourceID
        self.accountID = accountID
        self.region = region
        self.name = name.isEmpty ? (tags["Name"] ?? resourceID) : name
        self.tags = tags
        self.placement = placement
        self.config = config
    }

    public static let globalRegion = "global"
}

/// The containers a resource belongs to, by AWS id.
public struct Placement: Hashable, Sendable, Codable {
    public var vpcID: String?
    /// Subnets it is in (an instance has one; an ALB, an RDS subnet group or a Lambda several).
    public var subnetIDs: [String]
    /// Availability zones (from its subnets, or given by the API).
    public var availabilityZones: [String]
    public var securityGroupIDs: [String]
    /// The ARN of the auto scaling group or ECS service that owns it.
    public var groupARN: String?

    public init(
        vpcID: String? = nil, subnetIDs: [String] = [], availabilityZones: [String] = [],
        securityGroupIDs: [String] = [], groupARN: String? = nil
    ) {
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
        self.availabilityZones = availabilityZones
        self.securityGroupIDs = securityGroupIDs
        self.groupARN = groupARN
    }
}

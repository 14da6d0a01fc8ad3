/// A Cloudcraft component type string (`ec2`, `rds`, `vpc`, ...).
///
/// Kept open (a struct, not an enum) so a blueprint with a type Skyplan does not know yet still
/// round-trips; `isKnown` tells whether Skyplan can draw and price it.
public struct ComponentType: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // Containers.
    /// An AWS account, around its regions (a multi-account diagram's outermost group).
    public static let account: Self = "account"
    public static let region: Self = "region"
    public static let vpc: Self = "vpc"
    public static let zone: Self = "zone"
    public static let subnet: Self = "subnet"
    public static let securityGroup: Self = "sg"
    public static let autoScalingGroup: Self = "asg"
    public static let ecsService: Self = "ecsservice"

    // Networking.
    public static let routeTable: Self = "routetable"
    public static let internetGateway: Self = "internetgateway"
    public static let egressOnlyInternetGateway: Self = "egressonlyinternetgateway"
    public static let natGateway: Self = "natgateway"
    public static let vpcEndpoint: Self = "vpcendpoint"
    public static let vpcPeering: Self = "vpcpeering"
    public static let transitGateway: Self = "transitgateway"
    public static let transitGatewayAttachment: Self = "transitgatewayattachment"
    public static let vpnGateway: Self = "vpngateway"
    public static let customerGateway: Self = "customergateway"
    public static let vpnConnection: Self = "vpnconnection"
    public static let networkInterface: Self = "eni"
    public static let elb: Self = "elb"
    public static let targetGroup: Self = "targetgroup"
    public static let cloudFront: Self = "cloudfront"
    public static let route53: Self = "r53"
    public static let apiGateway: Self = "apigateway"

    // Compute and containers.
    public static let ec2: Self = "ec2"
    public static let lambda: Self = "lambda"
    public static let ecsCluster: Self = "ecscluster"
    public static let ecsTask: Self = "ecstask"
    public static let eksCluster: Self = "ekscluster"
    public static let eksNodeGroup: Self = "eksnodegroup"

    // Storage.
    public static let ebs: Self = "ebs"
    public static let s3: Self = "s3"
    public static let efs: Self = "efs"

    // Databases.
    public static let rds: Self = "rds"
    public static let auroraCluster: Self = "auroracluster"
    public static let dynamoDB: Self = "dynamodb"
    public static let elastiCache: Self = "elasticache"

    // Application integration.
    public static let sqs: Self = "sqs"
    public static let sns: Self = "sns"

    // Management.
    public static let cloudWatchAlarm: Self = "cloudwatchalarm"

    // Analytics (issue #14).
    public static let redshift: Self = "redshift"
    public static let openSearch: Self = "es"
    public static let kinesisStream: Self = "kinesisstream"
    public static let kinesisFirehose: Self = "kinesisfirehose"

    // Document and graph databases on the RDS API (issue #14): clusters and their instances.
    public static let docDB: Self = "docdb"
    public static let neptune: Self = "neptune"

    // Brokers (issue #14).
    public static let msk: Self = "msk"
    public static let mq: Self = "mq"

    // Orchestration (issue #14).
    public static let stepFunctions: Self = "sfn"
    public static let eventBus: Self = "eventbus"

    // Container images (issue #14).
    public static let ecr: Self = "ecr"

    // Identity and protection (issue #14).
    public static let cognito: Self = "cognito"
    public static let waf: Self = "waf"

    // Email (issue #14).
    public static let ses: Self = "ses"

    // Public addresses (issue #14).
    public static let elasticIP: Self = "eip"

    /// Every type Skyplan discovers, draws and prices.
    public static let known: [ComponentType] = [
        .region, .vpc, .zone, .subnet, .securityGroup, .autoScalingGroup, .ecsService,
        .routeTable, .internetGateway, .egressOnlyInternetGateway, .natGateway, .vpcEndpoint, .vpcPeering,
        .transitGateway, .transitGatewayAttachment, .vpnGateway, .customerGateway, .vpnConnection,
        .networkInterface, .elb, .targetGroup, .cloudFront, .route53, .apiGateway,
        .ec2, .lambda, .ecsCluster, .ecsTask, .eksCluster, .eksNodeGroup,
        .ebs, .s3, .efs, .rds, .auroraCluster, .dynamoDB, .elastiCache, .sqs, .sns, .cloudWatchAlarm,
        .redshift, .openSearch, .kinesisStream, .kinesisFirehose, .elasticIP, .stepFunctions, .eventBus,
        .docDB, .neptune, .msk, .mq, .ecr, .cognito, .waf, .ses,
    ]

    public var isKnown: Bool { Self.known.contains(self) }

    /// Types drawn as groups (containers) rather than nodes.
    public var isContainer: Bool {
        [.account, .region, .vpc, .zone, .subnet, .securityGroup, .autoScalingGroup, .ecsService].contains(self)
    }

    /// The AWS architecture-icon category, which decides the colour.
    public var category: ComponentCategory {
        switch self {
        case .ec2, .lambda, .ecsCluster, .ecsTask, .eksCluster, .eksNodeGroup, .autoScalingGroup, .ecsService, .ecr:
            .compute
        case .ebs, .s3, .efs: .storage
        case .rds, .auroraCluster, .dynamoDB, .elastiCache, .docDB, .neptune: .database
        case .sqs, .sns, .stepFunctions, .eventBus, .ses: .applicationIntegration
        case .securityGroup, .cognito, .waf: .security
        case .cloudWatchAlarm: .management
        case .redshift, .openSearch, .kinesisStream, .kinesisFirehose, .msk: .analytics
        case .mq: .applicationIntegration
        default: .networking
        }
    }
}

/// AWS Architecture Icons categories with their colours.
public enum ComponentCategory: String, Sendable, Codable, CaseIterable {
    case compute, storage, database, networking, applicationIntegration, security, management, analytics

    /// The category colour from AWS's Architecture Icons palette.
    public var color: String {
        switch self {
        case .compute: "#ED7100"
        case .storage: "#7AA116"
        case .database: "#C925D1"
        case .networking: "#8C4FFF"
        case .applicationIntegration: "#E7157B"
        case .security: "#DD344C"
        case .management: "#E7157B"
        case .analytics: "#8C4FFF"
        }
    }
}

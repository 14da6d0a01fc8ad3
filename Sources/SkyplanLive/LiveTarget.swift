import SkyplanModel

/// The component families whose live state Skyplan reads, each with its own batched calls.
public enum LiveFamily: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// EC2 instances, EBS volumes, NAT gateways (EC2 API, filtered by id).
    case ec2, ebs, natGateway
    /// Auto Scaling groups.
    case autoScaling
    /// ALB/NLB/GWLB, classic load balancers, target groups.
    case loadBalancer, classicLoadBalancer, targetGroup
    /// RDS instances and Aurora / Multi-AZ clusters.
    case rdsInstance, rdsCluster
    /// ElastiCache clusters and replication groups.
    case elastiCache
    /// Lambda functions, DynamoDB tables, SQS queues.
    case lambda, dynamoDB, sqs
    /// ECS services, EKS clusters, CloudFront distributions.
    case ecsService, eks, cloudFront
    /// Redshift clusters, OpenSearch domains, Kinesis streams, Firehose delivery streams (issue #14).
    case redshift, openSearch, kinesisStream, firehose
    /// MSK clusters and Amazon MQ brokers (issue #14).
    case msk, mq

    /// Families sort by declaration order (stable output).
    public static func < (lhs: LiveFamily, rhs: LiveFamily) -> Bool {
        let order = Self.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// One watched component: its ARN, its family and the identifier its API wants.
public struct LiveTarget: Sendable, Hashable, Comparable {
    /// The ARN as given (the key of every answer).
    public var arn: String
    /// The parsed ARN.
    public var parsed: ARN
    /// The family.
    public var family: LiveFamily
    /// The identifier the family's API takes (`i-0abc`, the table name, the load balancer ARN, ...).
    public var id: String
    /// A second identifier where the API needs one (the ECS cluster of a service).
    public var parent: String?

    /// Classifies an ARN; nil when Skyplan has no live status for that kind of resource.
    public init?(arn text: String) {
        guard let arn = try? ARN(parsing: text) else { return nil }
        let parts = arn.resource.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let colon = arn.resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var parent: String?
        let family: LiveFamily
        var id = arn.resourceID
        switch (arn.service, arn.resourceType) {
        case ("ec2", "instance"): family = .ec2
        case ("ec2", "volume"): family = .ebs
        case ("ec2", "natgateway"): family = .natGateway
        case ("autoscaling", _):
            guard let name = arn.resource.components(separatedBy: "autoScalingGroupName/").last,
                arn.resource.contains("autoScalingGroupName/")
            else { return nil }
            family = .autoScaling
            id = name
        case ("elasticloadbalancing", "loadbalancer"):
            if parts.count >= 4, ["app", "net", "gwy"].contains(parts[1]) {
                family = .loadBalancer
                id = text
            } else {
                family = .classicLoadBalancer
                id = parts.count > 1 ? parts[1] : arn.resourceID
            }
        case ("elasticloadbalancing", "targetgroup"):
            family = .targetGroup
            id = text
        case ("rds", "db"): family = .rdsInstance
        case ("rds", "cluster"): family = .rdsCluster
        case ("elasticache", "cluster"), ("elasticache", "replicationgroup"):
            family = .elastiCache
            id = colon.count > 1 ? colon[1] : arn.resourceID
        case ("lambda", "function"):
            family = .lambda
            id = colon.count > 1 ? colon[1] : arn.resourceID
        case ("dynamodb", "table"):
            family = .dynamoDB
            id = parts.count > 1 ? parts[1] : arn.resourceID
        case ("sqs", _): family = .sqs
        case ("ecs", "service"):
            family = .ecsService
            guard parts.count >= 2 else { return nil }
            // New format service/<cluster>/<name>; the old one service/<name> has no cluster (default).
            parent = parts.count >= 3 ? parts[1] : "default"
            id = parts[parts.count - 1]
        case ("eks", "cluster"):
            family = .eks
            id = parts.count > 1 ? parts[1] : arn.resourceID
        case ("cloudfront", "distribution"): family = .cloudFront
        case ("redshift", "cluster"):
            family = .redshift
            id = colon.count > 1 ? colon[1] : arn.resourceID
        case ("es", "domain"):
            family = .openSearch
            id = parts.count > 1 ? parts[1] : arn.resourceID
        case ("kinesis", "stream"): family = .kinesisStream
        case ("firehose", "deliverystream"):
            family = .firehose
            id = parts.count > 1 ? parts[1] : arn.resourceID
        case ("kafka", "cluster"):
            family = .msk
            id = text
        case ("mq", "broker"):
            family = .mq
            id = colon.count > 2 ? colon[2] : arn.resourceID
        default: return nil
        }
        self.arn = text
        self.parsed = arn
        self.family = family
        self.id = id
        self.parent = parent
    }

    /// Ordered by ARN text.
    public static func < (lhs: LiveTarget, rhs: LiveTarget) -> Bool { lhs.arn < rhs.arn }
}

extension Array {
    /// Consecutive slices of at most `size` elements (API batch limits).
    func batches(of size: Int) -> [[Element]] {
        guard size > 0 else { return [self] }
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

/// A directed connection between two resources, with the API evidence it was inferred from.
/// Direction follows data flow where there is one (client → load balancer → target; queue → consumer).
public struct Relationship: Hashable, Sendable, Codable, Comparable {
    public var from: String
    public var to: String
    public var kind: Kind
    /// What proves it, e.g. `elbv2:DescribeTargetHealth target i-0abc port 80`.
    public var evidence: String

    public init(from: String, to: String, kind: Kind, evidence: String) {
        self.from = from
        self.to = to
        self.kind = kind
        self.evidence = evidence
    }

    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Structural: VPC ⊃ subnet, ASG ⊃ instance, ECS service ⊃ task, cluster ⊃ member.
        case contains
        /// Network path: route table → gateway, subnet → route table.
        case routes
        /// Load balancer → target group → target.
        case targets
        /// CloudFront → origin.
        case origin
        /// Route 53 alias → target.
        case alias
        /// API Gateway integration → Lambda / HTTP / ALB.
        case integration
        /// SNS subscription → SQS / Lambda / HTTP / email.
        case subscription
        /// SQS / Kinesis / DynamoDB stream → Lambda event source mapping.
        case eventSource
        /// S3 notification → Lambda / SQS / SNS.
        case notification
        /// EBS volume → instance, ENI → instance.
        case attachment
        /// Security group rule → security group.
        case securityGroupReference
        /// VPC peering, transit gateway attachment.
        case peering
        /// Anything else an API states (a dead-letter queue, a replica).
        case uses
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.from, lhs.to, lhs.kind.rawValue) < (rhs.from, rhs.to, rhs.kind.rawValue)
    }
}

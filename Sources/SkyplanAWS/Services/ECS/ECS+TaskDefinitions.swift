import SkyplanModel

/// An ECS task definition, as `DescribeTaskDefinition` gives it: what its containers run.
public struct ECSTaskDefinition: Sendable, Hashable {
    /// Arn (`arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`).
    public var arn: String
    /// Family.
    public var family: String
    /// Revision.
    public var revision: Int?
    /// The image of each container definition, in order (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:tag`, `nginx`).
    public var images: [String]

    /// `family:revision`, as AWS names a task definition (the family alone when the revision is unknown).
    public var name: String { revision.map { "\(family):\($0)" } ?? family }

    public init(arn: String, family: String, revision: Int?, images: [String]) {
        self.arn = arn
        self.family = family
        self.revision = revision
        self.images = images
    }
}

extension AWSClient {
    /// ECS `DescribeTaskDefinition` of one task definition (ARN, `family:revision` or family).
    /// See https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html
    public func describeECSTaskDefinition(_ taskDefinition: String, region: String? = nil) async throws
        -> ECSTaskDefinition
    {
        let result = try await json(
            AWSOperation.ECS.describeTaskDefinition, .object(["taskDefinition": .string(taskDefinition)]),
            region: region)
        return Self.ecsTaskDefinition(result["taskDefinition"] ?? .object([:]), requested: taskDefinition)
    }

    /// The task definition of a `DescribeTaskDefinition` answer (its `taskDefinition` member). Pure.
    static func ecsTaskDefinition(_ item: JSONValue, requested: String) -> ECSTaskDefinition {
        let arn = item.str("taskDefinitionArn") ?? requested
        let family = item.str("family") ?? String(arn.split(separator: "/").last?.split(separator: ":").first ?? "")
        return ECSTaskDefinition(
            arn: arn, family: family, revision: item.int("revision"),
            images: item.items("containerDefinitions").compactMap { $0.str("image") })
    }
}

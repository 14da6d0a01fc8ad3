import SkyplanAWS
import SkyplanModel

/// Private ECR repositories (one list call a region). What runs their images is related by the ECS and Lambda
/// collectors, from the image URIs they read (`ecs:DescribeTasks`, else `ecs:DescribeTaskDefinition` for a service
/// whose tasks do not run its definition; `lambda:GetFunction`).
public struct ECRCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "ecr" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let repositories =
            try await recorder.attempt("DescribeRepositories") { try await client.describeRepositories(region: region) }
            ?? []
        for repository in repositories where !repository.arn.isEmpty {
            var config: [String: JSONValue] = ["scanOnPush": .bool(repository.scanOnPush)]
            if let mutability = repository.tagMutability { config["tagMutability"] = .string(mutability.lowercased()) }
            recorder.output.resources.append(
                Resource(
                    arn: repository.arn, type: .ecr, resourceID: repository.name, accountID: context.accountID,
                    region: region, name: repository.name, config: config))
        }
        return recorder.output
    }
}

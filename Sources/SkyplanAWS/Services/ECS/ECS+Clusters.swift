import SkyplanModel

/// An ECS service, as `DescribeServices` gives it.
public struct ECSService: Sendable, Hashable {
    /// Arn.
    public var arn: String
    /// Name.
    public var name: String
    /// Cluster ARN.
    public var clusterARN: String
    /// Launch type.
    public var launchType: String?
    /// Desired count.
    public var desiredCount: Int?
    /// Target group ARNs.
    public var targetGroupARNs: [String]
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Security group IDs.
    public var securityGroupIDs: [String]
    /// Tags.
    public var tags: [String: String]
    /// The task definition the service starts tasks from (an ARN, `family:revision`).
    public var taskDefinitionARN: String? = nil
}

/// An ECS task, as `DescribeTasks` gives it.
public struct ECSTask: Sendable, Hashable {
    /// Arn.
    public var arn: String
    /// Cluster ARN.
    public var clusterARN: String
    /// `service:<name>` for tasks started by a service.
    public var group: String?
    /// Launch type.
    public var launchType: String?
    /// Availability zone.
    public var availabilityZone: String?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// The image of each container (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:tag`, `nginx`), as run.
    public var images: [String] = []
    /// The task definition it runs.
    public var taskDefinitionARN: String? = nil
}

extension AWSClient {
    /// ECS `ListClusters`, every page: cluster ARNs.
    /// See https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListClusters.html
    public func listECSClusters(region: String? = nil) async throws -> [String] {
        try await ecsList(AWSOperation.ECS.listClusters, [:], key: "clusterArns", region: region)
    }

    /// ECS `ListServices` of a cluster, every page: service ARNs.
    public func listECSServices(cluster: String, region: String? = nil) async throws -> [String] {
        try await ecsList(
            AWSOperation.ECS.listServices, ["cluster": .string(cluster)], key: "serviceArns", region: region)
    }

    /// ECS `ListTasks` of a cluster, every page: task ARNs.
    public func listECSTasks(cluster: String, region: String? = nil) async throws -> [String] {
        try await ecsList(AWSOperation.ECS.listTasks, ["cluster": .string(cluster)], key: "taskArns", region: region)
    }

    func ecsList(_ operation: AWSOperation, _ base: [String: JSONValue], key: String, region: String?) async throws
        -> [String]
    {
        try await Paginated { token in
            var body = base
            body["maxResults"] = 100
            if let token { body["nextToken"] = .string(token) }
            let result = try await self.json(operation, .object(body), region: region)
            return (result.strings(key), result.str("nextToken"))
        }.all()
    }

    /// ECS `DescribeServices` (10 at a time, as the API allows).
    /// See https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html
    public func describeECSServices(cluster: String, arns: [String], region: String? = nil) async throws -> [ECSService]
    {
        var services: [ECSService] = []
        for start in stride(from: 0, to: arns.count, by: 10) {
            let batch = arns[start..<min(start + 10, arns.count)].map { JSONValue.string($0) }
            let result = try await json(
                AWSOperation.ECS.describeServices,
                .object(["cluster": .string(cluster), "services": .array(batch), "include": .array(["TAGS"])]),
                region: region)
            services += result.items("services").map { item in
                let network = item["networkConfiguration"]?["awsvpcConfiguration"] ?? .object([:])
                return ECSService(
                    arn: item.str("serviceArn") ?? "", name: item.str("serviceName") ?? "",
                    clusterARN: item.str("clusterArn") ?? cluster, launchType: item.str("launchType"),
                    desiredCount: item.int("desiredCount"),
                    targetGroupARNs: item.items("loadBalancers").compactMap { $0.str("targetGroupArn") },
                    subnetIDs: network.strings("subnets"), securityGroupIDs: network.strings("securityGroups"),
                    tags: item.tagMap("tags"), taskDefinitionARN: item.str("taskDefinition"))
            }
        }
        return services
    }

    /// ECS `DescribeTasks` (100 at a time).
    /// See https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html
    public func describeECSTasks(cluster: String, arns: [String], region: String? = nil) async throws -> [ECSTask] {
        var tasks: [ECSTask] = []
        for start in stride(from: 0, to: arns.count, by: 100) {
            let batch = arns[start..<min(start + 100, arns.count)].map { JSONValue.string($0) }
            let result = try await json(
                AWSOperation.ECS.describeTasks, .object(["cluster": .string(cluster), "tasks": .array(batch)]),
                region: region)
            tasks += result.items("tasks").map { item in
                let details = item.items("attachments").flatMap { $0.items("details") }
                return ECSTask(
                    arn: item.str("taskArn") ?? "", clusterARN: item.str("clusterArn") ?? cluster,
                    group: item.str("group"),
                    launchType: item.str("launchType"), availabilityZone: item.str("availabilityZone"),
                    subnetIDs: details.filter { $0.str("name") == "subnetId" }.compactMap { $0.str("value") },
                    images: item.items("containers").compactMap { $0.str("image") },
                    taskDefinitionARN: item.str("taskDefinitionArn"))
            }
        }
        return tasks
    }
}

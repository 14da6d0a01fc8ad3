import SkyplanAWS
import SkyplanModel

/// ECS clusters, services (→ target groups, subnets) and tasks; the ECR repositories of the images they run (from the
/// tasks, else from the services' task definitions).
public struct ECSCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "ecs" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let clusters =
            try await recorder.attempt("ListClusters") { try await client.listECSClusters(region: region) } ?? []
        for cluster in clusters {
            let name = String(cluster.split(separator: "/").last ?? "")
            recorder.output.resources.append(
                Resource(
                    arn: cluster, type: .ecsCluster, resourceID: name, accountID: context.accountID, region: region,
                    name: name))
            let serviceARNs =
                try await recorder.attempt("ListServices") {
                    try await client.listECSServices(cluster: cluster, region: region)
                } ?? []
            let services =
                try await recorder.attempt("DescribeServices") {
                    try await client.describeECSServices(cluster: cluster, arns: serviceARNs, region: region)
                } ?? []
            var byName: [String: String] = [:]
            for service in services {
                byName[service.name] = service.arn
                var config: [String: JSONValue] = [:]
                if let launchType = service.launchType { config["launchType"] = .string(launchType) }
                if let desired = service.desiredCount { config["desiredCount"] = .number(Double(desired)) }
                recorder.output.resources.append(
                    Resource(
                        arn: service.arn, type: .ecsService, resourceID: service.name, accountID: context.accountID,
                        region: region, name: service.name, tags: service.tags,
                        placement: Placement(
                            subnetIDs: service.subnetIDs.sorted(), securityGroupIDs: service.securityGroupIDs.sorted()),
                        config: config))
                recorder.output.relate(cluster, service.arn, .contains, "ecs:ListServices cluster \(name)")
                for group in Set(service.targetGroupARNs).sorted() {
                    recorder.output.relate(group, service.arn, .targets, "ecs:DescribeServices loadBalancers \(group)")
                }
            }
            let taskARNs =
                try await recorder.attempt("ListTasks") {
                    try await client.listECSTasks(cluster: cluster, region: region)
                } ?? []
            var tasks: [ECSTask] = []
            if !taskARNs.isEmpty {
                tasks =
                    try await recorder.attempt("DescribeTasks") {
                        try await client.describeECSTasks(cluster: cluster, arns: taskARNs, region: region)
                    } ?? []
            }
            for task in tasks {
                let id = String(task.arn.split(separator: "/").last ?? "")
                let owner = task.group.flatMap { $0.hasPrefix("service:") ? byName[String($0.dropFirst(8))] : nil }
                var config: [String: JSONValue] = [:]
                if let launchType = task.launchType { config["launchType"] = .string(launchType) }
                recorder.output.resources.append(
                    Resource(
                        arn: task.arn, type: .ecsTask, resourceID: id, accountID: context.accountID, region: region,
                        placement: Placement(
                            subnetIDs: task.subnetIDs.sorted(),
                            availabilityZones: task.availabilityZone.map { [$0] } ?? [],
                            groupARN: owner),
                        config: config))
                if owner == nil {
                    recorder.output.relate(cluster, task.arn, .contains, "ecs:ListTasks cluster \(name)")
                }
                // The images it runs (its task definition's), drawn from their ECR repositories to the service that
                // started it, else to the task.
                for image in Set(task.images).sorted() {
                    guard let repository = ARNs.ecrRepository(image: image) else { continue }
                    recorder.output.relate(repository, owner ?? task.arn, .uses, "ecs:DescribeTasks image \(image)")
                }
            }
            try await relateTaskDefinitionImages(services: services, tasks: tasks, region: region, recorder: &recorder)
        }
        return recorder.output
    }
}

/// EKS clusters and managed node groups.
public struct EKSCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "eks" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let names =
            try await recorder.attempt("ListClusters") { try await client.listEKSClusters(region: region) } ?? []
        let clusters = try await recorder.each("DescribeCluster", names, limit: 4) {
            try await client.describeEKSCluster(name: $0, region: region)
        }
        for (_, cluster) in clusters {
            recorder.output.resources.append(
                Resource(
                    arn: cluster.arn, type: .eksCluster, resourceID: cluster.name, accountID: context.accountID,
                    region: region,
                    name: cluster.name, tags: cluster.tags,
                    placement: Placement(
                        vpcID: cluster.vpcID, subnetIDs: cluster.subnetIDs.sorted(),
                        securityGroupIDs: cluster.securityGroupIDs.sorted()),
                    config: cluster.version.map { ["version": .string($0)] } ?? [:]))
            let groupNames =
                try await recorder.attempt("ListNodegroups") {
                    try await client.listEKSNodegroups(cluster: cluster.name, region: region)
                } ?? []
            let groups = try await recorder.each("DescribeNodegroup", groupNames, limit: 4) {
                try await client.describeEKSNodegroup(cluster: cluster.name, name: $0, region: region)
            }
            for (_, group) in groups {
                var config = InstanceShape.config(group.instanceTypes.first)
                if let desired = group.desiredSize { config["desiredSize"] = .number(Double(desired)) }
                recorder.output.resources.append(
                    Resource(
                        arn: group.arn, type: .eksNodeGroup, resourceID: group.name, accountID: context.accountID,
                        region: region,
                        name: group.name, tags: group.tags, placement: Placement(subnetIDs: group.subnetIDs.sorted()),
                        config: config))
                recorder.output.relate(cluster.arn, group.arn, .contains, "eks:ListNodegroups \(cluster.name)")
            }
        }
        return recorder.output
    }
}

/// EFS file systems, placed in the subnets of their mount targets.
public struct EFSCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "efs" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let systems =
            try await recorder.attempt("DescribeFileSystems") { try await client.describeFileSystems(region: region) }
            ?? []
        let targets = try await recorder.each("DescribeMountTargets", systems, limit: 4) {
            try await client.describeMountTargets(fileSystemID: $0.id, region: region)
        }
        for (system, mounts) in targets {
            var config: [String: JSONValue] = ["mountTargets": .number(Double(mounts.count))]
            if let mode = system.performanceMode { config["performanceMode"] = .string(mode) }
            if let mode = system.throughputMode { config["throughputMode"] = .string(mode) }
            if let size = system.sizeBytes { config["storageGb"] = .number(Double(size) / 1e9) }
            recorder.output.resources.append(
                Resource(
                    arn: system.arn, type: .efs, resourceID: system.id, accountID: context.accountID, region: region,
                    name: system.name ?? "", tags: system.tags,
                    placement: Placement(
                        vpcID: mounts.compactMap(\.vpcID).first, subnetIDs: Set(mounts.compactMap(\.subnetID)).sorted(),
                        availabilityZones: Set(mounts.compactMap(\.availabilityZone)).sorted()),
                    config: config))
        }
        return recorder.output
    }
}

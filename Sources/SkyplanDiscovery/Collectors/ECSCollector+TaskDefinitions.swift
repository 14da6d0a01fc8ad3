import SkyplanAWS
import SkyplanModel

extension ECSCollector {
    /// The task definitions to describe, each with the services that start tasks from it (sorted): a service's task
    /// definition when none of the service's running tasks runs it (scaled to zero, stopped, or mid-deployment), as
    /// their images are then not known from `DescribeTasks`. Each definition once, however many services share it.
    /// Pure.
    static func taskDefinitionsToDescribe(services: [ECSService], tasks: [ECSTask]) -> [(String, [String])] {
        var running: Set<String> = []
        for task in tasks {
            guard let group = task.group, group.hasPrefix("service:"), let definition = task.taskDefinitionARN else {
                continue
            }
            running.insert("\(group.dropFirst(8))|\(definition)")
        }
        var wanted: [String: [String]] = [:]
        for service in services {
            guard let definition = service.taskDefinitionARN, !definition.isEmpty,
                !running.contains("\(service.name)|\(definition)")
            else { continue }
            wanted[definition, default: []].append(service.arn)
        }
        return wanted.keys.sorted().map { ($0, Set(wanted[$0] ?? []).sorted()) }
    }

    /// Relates each ECR repository whose image a service's task definition names to the service, from one
    /// `DescribeTaskDefinition` per definition that running tasks did not already show.
    func relateTaskDefinitionImages(
        services: [ECSService], tasks: [ECSTask], region: String, recorder: inout CollectorRecorder
    ) async throws {
        let client = self.client
        let wanted = Self.taskDefinitionsToDescribe(services: services, tasks: tasks)
        let described = try await recorder.each("DescribeTaskDefinition", wanted.map(\.0), limit: 4) {
            try await client.describeECSTaskDefinition($0, region: region)
        }
        let servicesOf = Dictionary(wanted, uniquingKeysWith: { first, _ in first })
        for (requested, definition) in described {
            for image in Set(definition.images).sorted() {
                guard let repository = ARNs.ecrRepository(image: image) else { continue }
                for service in servicesOf[requested] ?? [] {
                    recorder.output.relate(
                        repository, service, .uses, "ecs:DescribeTaskDefinition \(definition.name) image \(image)")
                }
            }
        }
    }
}

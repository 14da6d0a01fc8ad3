import SkyplanAWS
import SkyplanModel

/// MSK clusters: brokers (type, count, storage) in their client subnets with their security groups.
public struct MSKCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "kafka" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let clusters =
            try await recorder.attempt("ListClustersV2") { try await client.listMSKClusters(region: region) } ?? []
        for cluster in clusters where cluster.state != "DELETING" {
            var config: [String: JSONValue] = ["clusterType": .string(cluster.type.lowercased())]
            if let type = cluster.instanceType {
                config["instanceType"] = .string(type)
                config["brokers"] = .number(Double(cluster.brokers))
            }
            if let size = cluster.volumeSize { config["storage"] = .number(Double(size)) }
            recorder.output.resources.append(
                Resource(
                    arn: cluster.arn, type: .msk, resourceID: cluster.name, accountID: context.accountID,
                    region: region, name: cluster.name,
                    placement: Placement(
                        subnetIDs: Array(Set(cluster.subnetIDs)).sorted(),
                        securityGroupIDs: Array(Set(cluster.securityGroupIDs)).sorted()),
                    config: config))
        }
        return recorder.output
    }
}

/// Amazon MQ brokers: engine, deployment mode and instance type, in their subnets with their security groups.
public struct MQCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "mq" }
    /// One `DescribeBroker` per broker (subnets and security groups).
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let ids = try await recorder.attempt("ListBrokers") { try await client.listBrokers(region: region) } ?? []
        let brokers = try await recorder.each("DescribeBroker", ids, limit: concurrency) {
            try await client.describeBroker(id: $0, region: region)
        }
        for (_, broker) in brokers where broker.state != "DELETION_IN_PROGRESS" {
            recorder.output.resources.append(
                Resource(
                    arn: broker.arn, type: .mq, resourceID: broker.id, accountID: context.accountID, region: region,
                    name: broker.name,
                    placement: Placement(
                        subnetIDs: broker.subnetIDs.sorted(), securityGroupIDs: broker.securityGroupIDs.sorted()),
                    config: [
                        "engine": .string(broker.engine.lowercased()),
                        "deploymentMode": .string(broker.deploymentMode.lowercased()),
                        "instanceType": .string(broker.instanceType),
                    ]))
        }
        return recorder.output
    }
}

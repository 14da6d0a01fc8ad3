import SkyplanAWS
import SkyplanModel

/// Redshift provisioned clusters: node type and count, placed in their subnet group's subnet of their zone, with
/// their VPC security groups.
public struct RedshiftCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "redshift" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let clusters =
            try await recorder.attempt("DescribeClusters") { try await client.describeRedshiftClusters(region: region) }
            ?? []
        guard !clusters.isEmpty else { return recorder.output }
        let groups =
            try await recorder.attempt("DescribeClusterSubnetGroups") {
                try await client.describeClusterSubnetGroups(region: region)
            } ?? []
        let byName = Dictionary(groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for cluster in clusters {
            let group = cluster.subnetGroup.flatMap { byName[$0] }
            var config = InstanceShape.config(cluster.nodeType)
            config["nodeType"] = .string(cluster.nodeType)
            config["nodes"] = .number(Double(cluster.nodeCount))
            recorder.output.resources.append(
                Resource(
                    arn: ARNs.redshiftCluster(cluster.identifier, region: region, context: context), type: .redshift,
                    resourceID: cluster.identifier, accountID: context.accountID, region: region,
                    name: cluster.identifier, tags: cluster.tags,
                    placement: Placement(
                        vpcID: group?.vpcID ?? cluster.vpcID,
                        subnetIDs: Self.subnets(of: group, zone: cluster.availabilityZone),
                        availabilityZones: cluster.availabilityZone.map { [$0] } ?? [],
                        securityGroupIDs: cluster.securityGroupIDs.sorted()),
                    config: config))
        }
        return recorder.output
    }

    /// The subnets of the group in `zone` (the leader node's), else all of the group's. Pure.
    static func subnets(of group: RedshiftSubnetGroup?, zone: String?) -> [String] {
        guard let group else { return [] }
        let inZone = group.subnetIDs.filter { zone != nil && group.subnetZones[$0] == zone }
        return (inZone.isEmpty ? group.subnetIDs : inZone).sorted()
    }
}

/// OpenSearch and Elasticsearch domains: data and master nodes, storage, VPC subnets and security groups.
public struct OpenSearchCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "es" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let names =
            try await recorder.attempt("ListDomainNames") { try await client.listDomainNames(region: region) } ?? []
        guard !names.isEmpty else { return recorder.output }
        let domains =
            try await recorder.attempt("DescribeDomains") { try await client.describeDomains(names, region: region) }
            ?? []
        for domain in domains where !domain.deleted {
            var config: [String: JSONValue] = ["nodes": .number(Double(domain.instanceCount))]
            if let type = domain.instanceType {
                config["instanceType"] = .string(type)
                config.merge(Self.shape(type)) { first, _ in first }
            }
            if let engine = domain.engineVersion { config["engineVersion"] = .string(engine) }
            if let master = domain.masterType {
                config["masterType"] = .string(master)
                config["masterNodes"] = .number(Double(domain.masterCount))
            }
            if let volume = domain.volumeType { config["storageType"] = .string(volume) }
            if let size = domain.volumeSize { config["storage"] = .number(Double(size)) }
            let arn =
                domain.arn.isEmpty
                ? "arn:\(context.partition.rawValue):es:\(region):\(context.accountID):domain/\(domain.name)"
                : domain.arn
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .openSearch, resourceID: domain.name, accountID: context.accountID, region: region,
                    name: domain.name,
                    placement: Placement(
                        subnetIDs: domain.subnetIDs.sorted(), securityGroupIDs: domain.securityGroupIDs.sorted()),
                    config: config))
        }
        return recorder.output
    }

    /// `r6g.large.search` → `instanceSize` `large` (the block height of the diagram). Pure.
    static func shape(_ type: String) -> [String: JSONValue] {
        let parts = type.split(separator: ".")
        guard parts.count >= 2 else { return [:] }
        return ["instanceSize": .string(String(parts[1]))]
    }
}

/// Kinesis data streams: capacity mode, open shards (of provisioned streams) and retention. Lambda event source
/// mappings from a stream are found by the Lambda collector, Firehose sources by the Firehose collector.
public struct KinesisCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "kinesis" }
    /// One `DescribeStreamSummary` per provisioned stream (for its shards).
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let streams = try await recorder.attempt("ListStreams") { try await client.listStreams(region: region) } ?? []
        // An on-demand stream is priced by the stream hour: only provisioned ones need their shard count.
        let provisioned = streams.filter { $0.mode == "PROVISIONED" && $0.status != "DELETING" }.map(\.arn)
        let details = try await recorder.each("DescribeStreamSummary", provisioned, limit: concurrency) {
            try await client.describeStreamSummary(arn: $0, region: region)
        }
        let detailByARN = Dictionary(details, uniquingKeysWith: { first, _ in first })
        for stream in streams where stream.status != "DELETING" {
            var config: [String: JSONValue] = [
                "capacityMode": .string(stream.mode == "ON_DEMAND" ? "on-demand" : "provisioned")
            ]
            if let detail = detailByARN[stream.arn] {
                config["shards"] = .number(Double(detail.openShards))
                config["retentionHours"] = .number(Double(detail.retentionHours))
            }
            recorder.output.resources.append(
                Resource(
                    arn: stream.arn, type: .kinesisStream, resourceID: stream.name, accountID: context.accountID,
                    region: region, name: stream.name, config: config))
        }
        return recorder.output
    }
}

/// Firehose delivery streams: source stream → delivery stream → S3 / OpenSearch / Redshift / HTTP.
public struct FirehoseCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "firehose" }
    /// One `DescribeDeliveryStream` per stream.
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let names =
            try await recorder.attempt("ListDeliveryStreams") { try await client.listDeliveryStreams(region: region) }
            ?? []
        let streams = try await recorder.each("DescribeDeliveryStream", names, limit: concurrency) {
            try await client.describeDeliveryStream(name: $0, region: region)
        }
        for (name, stream) in streams where stream.status != "DELETING" {
            let arn =
                stream.arn.isEmpty
                ? "arn:\(context.partition.rawValue):firehose:\(region):\(context.accountID):deliverystream/\(name)"
                : stream.arn
            let destinations = stream.targets.filter { $0.kind != "s3-backup" }.map(\.kind)
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .kinesisFirehose, resourceID: name, accountID: context.accountID, region: region,
                    name: name,
                    config: [
                        "sourceType": .string(stream.type),
                        "destination": .string(destinations.first ?? "none"),
                    ]))
            if let source = stream.sourceARN {
                recorder.output.relate(
                    source, arn, .eventSource, "firehose:DescribeDeliveryStream Source \(stream.type)")
            }
            for target in stream.targets {
                guard let to = Self.targetARN(target, context: context) else { continue }
                recorder.output.relate(
                    arn, to, .uses, "firehose:DescribeDeliveryStream Destinations \(target.kind)")
            }
        }
        return recorder.output
    }

    /// The resource a destination names: bucket and domain ARNs as given, a Redshift JDBC URL's cluster, an HTTP
    /// endpoint as its URL. Pure.
    static func targetARN(_ target: DeliveryTarget, context: CollectorContext) -> String? {
        switch target.kind {
        case "redshift": return ARNs.redshiftCluster(jdbcURL: target.reference, context: context)
        case "http": return target.reference
        default: return target.reference.hasPrefix("arn:") ? target.reference : nil
        }
    }
}

import SkyplanAWS
import SkyplanModel

/// RDS instances and Aurora clusters (members, subnets, security groups, replicas); DocumentDB and Neptune clusters
/// and instances (the same API) as their own types.
public struct RDSCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "rds" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let instances =
            try await recorder.attempt("DescribeDBInstances") { try await client.describeDBInstances(region: region) }
            ?? []
        let clusters =
            try await recorder.attempt("DescribeDBClusters") { try await client.describeDBClusters(region: region) }
            ?? []
        var roles: [String: String] = [:]
        var byIdentifier: [String: String] = [:]
        for instance in instances { byIdentifier[instance.identifier] = instance.arn }
        var typeByIdentifier: [String: ComponentType] = [:]
        func relateMembers(_ cluster: RDSDBCluster) {
            for member in cluster.members {
                roles[member.identifier] = member.isWriter ? "writer" : "reader"
                if let arn = byIdentifier[member.identifier] {
                    recorder.output.relate(
                        cluster.arn, arn, .contains, "rds:DescribeDBClusters DBClusterMembers \(member.identifier)")
                }
            }
        }
        for cluster in clusters {
            var config: [String: JSONValue] = ["engine": .string(cluster.engine), "multiAZ": .bool(cluster.multiAZ)]
            config["members"] = .number(Double(cluster.members.count))
            if let type = Self.engineType(cluster.engine) {
                typeByIdentifier[cluster.identifier] = type
                for member in cluster.members { typeByIdentifier[member.identifier] = type }
                recorder.output.resources.append(
                    Resource(
                        arn: cluster.arn, type: type, resourceID: cluster.identifier, accountID: context.accountID,
                        region: region, name: cluster.identifier, tags: cluster.tags,
                        placement: Placement(securityGroupIDs: cluster.securityGroupIDs.sorted()), config: config))
                relateMembers(cluster)
                continue
            }
            recorder.output.resources.append(
                Resource(
                    arn: cluster.arn, type: .auroraCluster, resourceID: cluster.identifier,
                    accountID: context.accountID,
                    region: region, name: cluster.identifier, tags: cluster.tags,
                    placement: Placement(securityGroupIDs: cluster.securityGroupIDs.sorted()), config: config))
            relateMembers(cluster)
        }
        for instance in instances {
            var config = InstanceShape.config(instance.instanceClass)
            config["engine"] = .string(instance.engine)
            config["multiAZ"] = .bool(instance.multiAZ)
            config["role"] = .string(
                roles[instance.identifier] ?? (instance.readReplicaSource == nil ? "primary" : "replica"))
            if let storage = instance.allocatedStorage, !instance.engine.hasPrefix("aurora") {
                config["storage"] = .number(Double(storage))
            }
            if let type = instance.storageType { config["storageType"] = .string(type) }
            recorder.output.resources.append(
                Resource(
                    arn: instance.arn,
                    type: typeByIdentifier[instance.identifier] ?? Self.engineType(instance.engine) ?? .rds,
                    resourceID: instance.identifier, accountID: context.accountID,
                    region: region,
                    name: instance.identifier, tags: instance.tags,
                    placement: Placement(
                        vpcID: instance.vpcID, subnetIDs: instance.subnetIDs.sorted(),
                        availabilityZones: instance.availabilityZone.map { [$0] } ?? [],
                        securityGroupIDs: instance.securityGroupIDs.sorted()),
                    config: config))
            if let source = instance.readReplicaSource {
                let sourceARN = source.hasPrefix("arn:") ? source : (byIdentifier[source] ?? source)
                recorder.output.relate(
                    sourceARN, instance.arn, .uses,
                    "rds:DescribeDBInstances ReadReplicaSourceDBInstanceIdentifier \(source)")
            }
        }
        return recorder.output
    }

    /// DocumentDB and Neptune share the RDS API: their clusters and instances are told apart by engine. Pure.
    static func engineType(_ engine: String) -> ComponentType? {
        switch engine.lowercased() {
        case "docdb": .docDB
        case "neptune": .neptune
        default: nil
        }
    }
}

/// ElastiCache clusters (nodes, subnet group, security groups) and replication groups.
public struct ElastiCacheCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "elasticache" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        async let clustersCall = capture { try await client.describeCacheClusters(region: region) }
        async let replicationCall = capture { try await client.describeReplicationGroups(region: region) }
        let clusters = try recorder.take("DescribeCacheClusters", await clustersCall) ?? []
        let replication = try recorder.take("DescribeReplicationGroups", await replicationCall) ?? []
        let hasMembers = replication.contains { !Set($0.memberClusters).isSubset(of: clusters.map(\.identifier)) }
        guard !clusters.isEmpty || hasMembers else { return recorder.output }
        let groups =
            try await recorder.attempt("DescribeCacheSubnetGroups") {
                try await client.describeCacheSubnetGroups(region: region)
            } ?? []
        let subnetGroups = Dictionary(groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let members = Self.unlistedMembers(
            of: replication, listed: clusters, subnetGroups: subnetGroups, context: context)
        for cluster in clusters {
            var config = InstanceShape.config(cluster.nodeType)
            config["engine"] = .string(cluster.engine)
            config["nodes"] = .number(Double(cluster.nodeCount))
            if let group = cluster.replicationGroupID { config["replicationGroup"] = .string(group) }
            let group = cluster.subnetGroup.flatMap { subnetGroups[$0] }
            recorder.output.resources.append(
                Resource(
                    arn: cluster.arn, type: .elastiCache, resourceID: cluster.identifier, accountID: context.accountID,
                    region: region, name: cluster.identifier,
                    placement: Placement(
                        vpcID: group?.vpcID, subnetIDs: (group?.subnetIDs ?? []).sorted(),
                        availabilityZones: cluster.availabilityZone.map { [$0] } ?? [],
                        securityGroupIDs: cluster.securityGroupIDs.sorted()),
                    config: config))
        }
        recorder.output.resources += members
        return recorder.output
    }

    /// Members a replication group names that `DescribeCacheClusters` did not list (moto lists none of them;
    /// AWS lists them all, so this adds nothing there): one node each, shaped by the group's node type, placed in
    /// the subnet group of a listed sibling (else the region's only subnet group) and, when the group names the
    /// member's zone, in that zone's subnet of it. Pure.
    static func unlistedMembers(
        of groups: [CacheReplicationGroup], listed: [CacheCluster], subnetGroups: [String: CacheSubnetGroup] = [:],
        context: CollectorContext
    ) -> [Resource] {
        let known = Set(listed.map(\.identifier))
        var resources: [Resource] = []
        for group in groups {
            let sibling = listed.first { $0.replicationGroupID == group.identifier && $0.subnetGroup != nil }
            let subnetGroup =
                sibling?.subnetGroup.flatMap { subnetGroups[$0] }
                ?? (subnetGroups.count == 1 ? subnetGroups.values.first : nil)
            for member in Set(group.memberClusters).subtracting(known).sorted() {
                var config = InstanceShape.config(group.nodeType)
                config["nodes"] = 1
                config["replicationGroup"] = .string(group.identifier)
                let zone = group.memberZones[member]
                var subnets = subnetGroup?.subnetIDs ?? []
                if let zone, let subnetGroup {
                    let inZone = subnets.filter { subnetGroup.subnetZones[$0] == zone }
                    if !inZone.isEmpty { subnets = inZone }
                }
                resources.append(
                    Resource(
                        arn: "arn:\(context.partition.rawValue):elasticache:\(context.region):\(context.accountID):"
                            + "cluster:\(member)",
                        type: .elastiCache, resourceID: member, accountID: context.accountID, region: context.region,
                        name: member,
                        placement: Placement(
                            vpcID: subnetGroup?.vpcID, subnetIDs: subnets.sorted(),
                            availabilityZones: zone.map { [$0] } ?? []),
                        config: config))
            }
        }
        return resources
    }
}

/// DynamoDB tables: size, capacity mode, provisioned units, streams.
public struct DynamoDBCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "dynamodb" }
    /// One `DescribeTable` per table.
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let names = try await recorder.attempt("ListTables") { try await client.listTables(region: region) } ?? []
        let tables = try await recorder.each("DescribeTable", names, limit: concurrency) {
            try await client.describeTable(name: $0, region: region)
        }
        for (name, table) in tables {
            var config: [String: JSONValue] = [:]
            let provisioned = table.billingMode == "PROVISIONED"
            config["capacityMode"] = .string(provisioned ? "provisioned" : "on-demand")
            if let size = table.sizeBytes { config["datasetGb"] = .number(Double(size) / 1e9) }
            if provisioned {
                config["readUnits"] = table.readCapacityUnits.map { .number(Double($0)) }
                config["writeUnits"] = table.writeCapacityUnits.map { .number(Double($0)) }
            }
            config["streamEnabled"] = .bool(table.streamEnabled)
            let arn =
                table.arn.isEmpty
                ? "arn:\(context.partition.rawValue):dynamodb:\(region):\(context.accountID):table/\(name)" : table.arn
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .dynamoDB, resourceID: name, accountID: context.accountID, region: region,
                    name: name,
                    config: config))
        }
        return recorder.output
    }
}

/// An ElastiCache cluster, as `DescribeCacheClusters` gives it.
public struct CacheCluster: Sendable, Hashable {
    /// Identifier.
    public var identifier: String
    /// Arn.
    public var arn: String
    /// Engine.
    public var engine: String
    /// Node type.
    public var nodeType: String
    /// Node count.
    public var nodeCount: Int
    /// Subnet group.
    public var subnetGroup: String?
    /// Replication group ID.
    public var replicationGroupID: String?
    /// Availability zone.
    public var availabilityZone: String?
    /// Security group IDs.
    public var securityGroupIDs: [String]
}

/// An ElastiCache replication group, as `DescribeReplicationGroups` gives it.
public struct CacheReplicationGroup: Sendable, Hashable {
    /// Identifier.
    public var identifier: String
    /// Arn.
    public var arn: String
    /// Member clusters.
    public var memberClusters: [String]
    /// Node type.
    public var nodeType: String?
    /// Multi AZ.
    public var multiAZ: Bool
    /// Member cluster → its availability zone (`NodeGroups` › `NodeGroupMembers`, when the group says it).
    public var memberZones: [String: String] = [:]
}

/// An ElastiCache subnet group: its VPC and subnets.
public struct CacheSubnetGroup: Sendable, Hashable {
    /// Name.
    public var name: String
    /// Vpc ID.
    public var vpcID: String?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Subnet ID → its availability zone.
    public var subnetZones: [String: String] = [:]
}

extension AWSClient {
    /// ElastiCache `DescribeCacheClusters` (with node info), every page.
    /// See https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeCacheClusters.html
    public func describeCacheClusters(region: String? = nil) async throws -> [CacheCluster] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100", "ShowCacheNodeInfo": "true"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(
                AWSOperation.ElastiCache.describeCacheClusters, parameters, region: region)
            let clusters = result.list("CacheClusters").map { item in
                CacheCluster(
                    identifier: item.string("CacheClusterId") ?? "", arn: item.string("ARN") ?? "",
                    engine: item.string("Engine") ?? "", nodeType: item.string("CacheNodeType") ?? "",
                    nodeCount: item.int("NumCacheNodes") ?? 1, subnetGroup: item.nonEmpty("CacheSubnetGroupName"),
                    replicationGroupID: item.nonEmpty("ReplicationGroupId"),
                    availabilityZone: item.nonEmpty("PreferredAvailabilityZone"),
                    securityGroupIDs: item.list("SecurityGroups").compactMap { $0.nonEmpty("SecurityGroupId") })
            }
            return (clusters, result.nonEmpty("Marker"))
        }.all()
    }

    /// ElastiCache `DescribeReplicationGroups`, every page.
    /// See https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeReplicationGroups.html
    public func describeReplicationGroups(region: String? = nil) async throws -> [CacheReplicationGroup] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(
                AWSOperation.ElastiCache.describeReplicationGroups, parameters, region: region)
            let groups = result.list("ReplicationGroups").map { item in
                CacheReplicationGroup(
                    identifier: item.string("ReplicationGroupId") ?? "", arn: item.string("ARN") ?? "",
                    memberClusters: item.list("MemberClusters").map(\.text), nodeType: item.nonEmpty("CacheNodeType"),
                    multiAZ: item.string("MultiAZ") == "enabled", memberZones: Self.memberZones(item))
            }
            return (groups, result.nonEmpty("Marker"))
        }.all()
    }

    /// ElastiCache `DescribeCacheSubnetGroups`, every page.
    /// See https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeCacheSubnetGroups.html
    public func describeCacheSubnetGroups(region: String? = nil) async throws -> [CacheSubnetGroup] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(
                AWSOperation.ElastiCache.describeCacheSubnetGroups, parameters, region: region)
            let groups = result.list("CacheSubnetGroups").map { item in
                CacheSubnetGroup(
                    name: item.string("CacheSubnetGroupName") ?? "", vpcID: item.nonEmpty("VpcId"),
                    subnetIDs: item.list("Subnets").compactMap { $0.nonEmpty("SubnetIdentifier") },
                    subnetZones: Self.subnetZones(item))
            }
            return (groups, result.nonEmpty("Marker"))
        }.all()
    }

    /// Member cluster → availability zone, from a replication group's node groups.
    static func memberZones(_ group: XMLTree) -> [String: String] {
        var zones: [String: String] = [:]
        for nodeGroup in group.list("NodeGroups") {
            for member in nodeGroup.list("NodeGroupMembers") {
                guard let id = member.nonEmpty("CacheClusterId"),
                    let zone = member.nonEmpty("PreferredAvailabilityZone")
                else { continue }
                zones[id] = zone
            }
        }
        return zones
    }

    /// Subnet ID → availability zone, from a cache subnet group.
    static func subnetZones(_ group: XMLTree) -> [String: String] {
        var zones: [String: String] = [:]
        for subnet in group.list("Subnets") {
            guard let id = subnet.nonEmpty("SubnetIdentifier"),
                let zone = subnet["SubnetAvailabilityZone"]?.nonEmpty("Name")
            else { continue }
            zones[id] = zone
        }
        return zones
    }
}

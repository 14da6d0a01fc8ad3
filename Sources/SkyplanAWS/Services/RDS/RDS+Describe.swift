/// An RDS DB instance, as `DescribeDBInstances` gives it (the fields Skyplan draws and prices).
public struct RDSDBInstance: Sendable, Hashable {
    /// Identifier.
    public var identifier: String
    /// Arn.
    public var arn: String
    /// Instance class.
    public var instanceClass: String
    /// Engine.
    public var engine: String
    /// Multi AZ.
    public var multiAZ: Bool
    /// Allocated storage.
    public var allocatedStorage: Int?
    /// Storage type.
    public var storageType: String?
    /// Vpc ID.
    public var vpcID: String?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Availability zone.
    public var availabilityZone: String?
    /// Security group IDs.
    public var securityGroupIDs: [String]
    /// Cluster identifier.
    public var clusterIdentifier: String?
    /// Read replica source.
    public var readReplicaSource: String?
    /// Tags.
    public var tags: [String: String]
}

/// An Aurora (or Multi-AZ) DB cluster, as `DescribeDBClusters` gives it.
public struct RDSDBCluster: Sendable, Hashable {
    /// Identifier.
    public var identifier: String
    /// Arn.
    public var arn: String
    /// Engine.
    public var engine: String
    /// Multi AZ.
    public var multiAZ: Bool
    /// Member instance identifiers with whether each is the writer.
    public var members: [(identifier: String, isWriter: Bool)]
    /// Security group IDs.
    public var securityGroupIDs: [String]
    /// Subnet group.
    public var subnetGroup: String?
    /// Tags.
    public var tags: [String: String]

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.arn == rhs.arn }
    public func hash(into hasher: inout Hasher) { hasher.combine(arn) }
}

extension AWSClient {
    /// RDS `DescribeDBInstances`, every page.
    /// See https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html
    public func describeDBInstances(region: String? = nil) async throws -> [RDSDBInstance] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(AWSOperation.RDS.describeDBInstances, parameters, region: region)
            return (result.list("DBInstances").map(Self.rdsInstance), result.nonEmpty("Marker"))
        }.all()
    }

    static func rdsInstance(_ item: XMLTree) -> RDSDBInstance {
        let group = item["DBSubnetGroup"]
        return RDSDBInstance(
            identifier: item.string("DBInstanceIdentifier") ?? "", arn: item.string("DBInstanceArn") ?? "",
            instanceClass: item.string("DBInstanceClass") ?? "", engine: item.string("Engine") ?? "",
            multiAZ: item.bool("MultiAZ") ?? false, allocatedStorage: item.int("AllocatedStorage"),
            storageType: item.nonEmpty("StorageType"), vpcID: group?.nonEmpty("VpcId"),
            subnetIDs: group?.list("Subnets").compactMap { $0.nonEmpty("SubnetIdentifier") } ?? [],
            availabilityZone: item.nonEmpty("AvailabilityZone"),
            securityGroupIDs: item.list("VpcSecurityGroups").compactMap { $0.nonEmpty("VpcSecurityGroupId") },
            clusterIdentifier: item.nonEmpty("DBClusterIdentifier"),
            readReplicaSource: item.nonEmpty("ReadReplicaSourceDBInstanceIdentifier"), tags: item.tagMap("TagList"))
    }

    /// RDS `DescribeDBClusters`, every page.
    /// See https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBClusters.html
    public func describeDBClusters(region: String? = nil) async throws -> [RDSDBCluster] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(AWSOperation.RDS.describeDBClusters, parameters, region: region)
            let clusters = result.list("DBClusters").map { item in
                RDSDBCluster(
                    identifier: item.string("DBClusterIdentifier") ?? "", arn: item.string("DBClusterArn") ?? "",
                    engine: item.string("Engine") ?? "", multiAZ: item.bool("MultiAZ") ?? false,
                    members: item.list("DBClusterMembers").map {
                        ($0.string("DBInstanceIdentifier") ?? "", $0.bool("IsClusterWriter") ?? false)
                    },
                    securityGroupIDs: item.list("VpcSecurityGroups").compactMap { $0.nonEmpty("VpcSecurityGroupId") },
                    subnetGroup: item.nonEmpty("DBSubnetGroup"), tags: item.tagMap("TagList"))
            }
            return (clusters, result.nonEmpty("Marker"))
        }.all()
    }
}

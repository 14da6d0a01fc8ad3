/// A Redshift provisioned cluster, as `DescribeClusters` gives it.
public struct RedshiftCluster: Sendable, Hashable {
    /// Cluster identifier.
    public var identifier: String
    /// Node type (`ra3.xlplus`, `dc2.large`).
    public var nodeType: String
    /// Number of nodes (1 for a single-node cluster).
    public var nodeCount: Int
    /// `available`, `creating`, `paused`, ...
    public var status: String
    /// The cluster subnet group's name.
    public var subnetGroup: String?
    /// VPC.
    public var vpcID: String?
    /// The zone the cluster runs in.
    public var availabilityZone: String?
    /// VPC security groups.
    public var securityGroupIDs: [String]
    /// Tags.
    public var tags: [String: String]
}

/// A Redshift cluster subnet group: its VPC and subnets.
public struct RedshiftSubnetGroup: Sendable, Hashable {
    /// Name.
    public var name: String
    /// VPC.
    public var vpcID: String?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Subnet ID → its availability zone.
    public var subnetZones: [String: String]
}

extension AWSClient {
    /// Redshift `DescribeClusters`, every page.
    /// See https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusters.html
    public func describeRedshiftClusters(region: String? = nil) async throws -> [RedshiftCluster] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(AWSOperation.Redshift.describeClusters, parameters, region: region)
            let clusters = result.list("Clusters").map { item in
                RedshiftCluster(
                    identifier: item.string("ClusterIdentifier") ?? "", nodeType: item.string("NodeType") ?? "",
                    nodeCount: item.int("NumberOfNodes") ?? 1, status: item.string("ClusterStatus") ?? "",
                    subnetGroup: item.nonEmpty("ClusterSubnetGroupName"), vpcID: item.nonEmpty("VpcId"),
                    availabilityZone: item.nonEmpty("AvailabilityZone"),
                    securityGroupIDs: item.list("VpcSecurityGroups").compactMap { $0.nonEmpty("VpcSecurityGroupId") },
                    tags: item.tagMap("Tags"))
            }
            return (clusters, result.nonEmpty("Marker"))
        }.all()
    }

    /// Redshift `DescribeClusterSubnetGroups`, every page.
    /// See https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusterSubnetGroups.html
    public func describeClusterSubnetGroups(region: String? = nil) async throws -> [RedshiftSubnetGroup] {
        try await Paginated { marker in
            var parameters = ["MaxRecords": "100"]
            if let marker { parameters["Marker"] = marker }
            let result = try await self.query(
                AWSOperation.Redshift.describeClusterSubnetGroups, parameters, region: region)
            // The subnets are listed as ElastiCache lists a cache subnet group's.
            let groups = result.list("ClusterSubnetGroups").map { item in
                RedshiftSubnetGroup(
                    name: item.string("ClusterSubnetGroupName") ?? "", vpcID: item.nonEmpty("VpcId"),
                    subnetIDs: item.list("Subnets").compactMap { $0.nonEmpty("SubnetIdentifier") },
                    subnetZones: Self.subnetZones(item))
            }
            return (groups, result.nonEmpty("Marker"))
        }.all()
    }
}

import AWSSigV4
import SkyplanModel

/// An EKS cluster, as `DescribeCluster` gives it.
public struct EKSCluster: Sendable, Hashable {
    /// Name.
    public var name: String
    /// Arn.
    public var arn: String
    /// Version.
    public var version: String?
    /// Vpc ID.
    public var vpcID: String?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Security group IDs.
    public var securityGroupIDs: [String]
    /// Tags.
    public var tags: [String: String]
}

/// An EKS managed node group, as `DescribeNodegroup` gives it.
public struct EKSNodegroup: Sendable, Hashable {
    /// Name.
    public var name: String
    /// Arn.
    public var arn: String
    /// Cluster name.
    public var clusterName: String
    /// Instance types.
    public var instanceTypes: [String]
    /// Desired size.
    public var desiredSize: Int?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Tags.
    public var tags: [String: String]
}

extension AWSClient {
    /// EKS `ListClusters`, every page: cluster names.
    /// See https://docs.aws.amazon.com/eks/latest/APIReference/API_ListClusters.html
    public func listEKSClusters(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await self.restJSON(AWSOperation.EKS.listClusters, query: query, region: region)
            return (result.strings("clusters"), result.str("nextToken"))
        }.all()
    }

    /// EKS `DescribeCluster`.
    public func describeEKSCluster(name: String, region: String? = nil) async throws -> EKSCluster {
        let result = try await restJSON(AWSOperation.EKS.describeCluster, path: ["name": name], region: region)
        let cluster = result["cluster"] ?? .object([:])
        let vpc = cluster["resourcesVpcConfig"] ?? .object([:])
        return EKSCluster(
            name: cluster.str("name") ?? name, arn: cluster.str("arn") ?? "", version: cluster.str("version"),
            vpcID: vpc.str("vpcId"), subnetIDs: vpc.strings("subnetIds"),
            securityGroupIDs: vpc.strings("securityGroupIds"),
            tags: cluster.tagMap("tags"))
    }

    /// EKS `ListNodegroups` of a cluster, every page: node group names.
    public func listEKSNodegroups(cluster: String, region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await self.restJSON(
                AWSOperation.EKS.listNodegroups, path: ["name": cluster], query: query, region: region)
            return (result.strings("nodegroups"), result.str("nextToken"))
        }.all()
    }

    /// EKS `DescribeNodegroup`.
    public func describeEKSNodegroup(cluster: String, name: String, region: String? = nil) async throws -> EKSNodegroup
    {
        let result = try await restJSON(
            AWSOperation.EKS.describeNodegroup, path: ["name": cluster, "nodegroupName": name], region: region)
        let group = result["nodegroup"] ?? .object([:])
        return EKSNodegroup(
            name: group.str("nodegroupName") ?? name, arn: group.str("nodegroupArn") ?? "", clusterName: cluster,
            instanceTypes: group.strings("instanceTypes"), desiredSize: group["scalingConfig"]?.int("desiredSize"),
            subnetIDs: group.strings("subnets"), tags: group.tagMap("tags"))
    }
}

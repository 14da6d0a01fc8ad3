import AWSSigV4
import SkyplanModel

/// An EKS cluster, as `DescribeCluster` gives it.
public struct EKSCluster: Sendable, Hashable {
    public var name: String
    public var arn: String
    public var version: String?
    public var vpcID: String?
    public var subnetIDs: [String]
    public var securityGroupIDs: [String]
    public var tags: [String: String]
}

/// An EKS managed node group, as `DescribeNodegroup` gives it.
public struct EKSNodegroup: Sendable, Hashable {
    public var name: String
    public var arn: String
    public var clusterName: String
    public var instanceTypes: [String]
    public var desiredSize: Int?
    public var subnetIDs: [String]
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
            vpcID: vpc.str("vpcId"), subnetIDs: vpc.strings("subnetIds"), securityGroupIDs: vpc.strings("securityGroupIds"),
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
    public func describeEKSNodegroup(cluster: String, name: String, region: String? = nil) async throws -> EKSNodegroup {
        let result = try await restJSON(
            AWSOperation.EKS.describeNodegroup, path: ["name": cluster, "nodegroupName": name], region: region)
        let group = result["nodegroup"] ?? .object([:])
        return EKSNodegroup(
            name: group.str("nodegroupName") ?? name, arn: group.str("nodegroupArn") ?? "", clusterName: cluster,
            instanceTypes: group.strings("instanceTypes"), desiredSize: group["scalingConfig"]?.int("desiredSize"),
            subnetIDs: group.strings("subnets"), tags: group.tagMap("tags"))
    }
}

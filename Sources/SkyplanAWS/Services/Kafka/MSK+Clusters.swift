import AWSSigV4
import SkyplanModel

/// An MSK cluster, as `ListClustersV2` gives it (provisioned or serverless).
public struct MSKCluster: Sendable, Hashable {
    /// Name.
    public var name: String
    /// ARN.
    public var arn: String
    /// `PROVISIONED` or `SERVERLESS`.
    public var type: String
    /// `ACTIVE`, `CREATING`, `FAILED`, ...
    public var state: String
    /// Broker instance type (`kafka.m5.large`) and count, provisioned only.
    public var instanceType: String?
    public var brokers: Int
    /// EBS GB per broker, provisioned only.
    public var volumeSize: Int?
    /// Client subnets and security groups (a serverless cluster's VPC configs).
    public var subnetIDs: [String]
    public var securityGroupIDs: [String]
}

extension AWSClient {
    /// MSK `ListClustersV2`, every page.
    /// See https://docs.aws.amazon.com/msk/1.0/apireference/v2-clusters.html
    public func listMSKClusters(region: String? = nil) async throws -> [MSKCluster] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let answer = try await self.restJSON(AWSOperation.MSK.listClustersV2, query: query, region: region)
            let clusters = answer.items("clusterInfoList").map { item -> MSKCluster in
                let provisioned = item["provisioned"]
                let group = provisioned?["brokerNodeGroupInfo"] ?? .object([:])
                let vpcs = item["serverless"]?.items("vpcConfigs") ?? []
                return MSKCluster(
                    name: item.str("clusterName") ?? "", arn: item.str("clusterArn") ?? "",
                    type: item.str("clusterType") ?? "PROVISIONED", state: item.str("state") ?? "",
                    instanceType: group.str("instanceType"), brokers: provisioned?.int("numberOfBrokerNodes") ?? 0,
                    volumeSize: group["storageInfo"]?["ebsStorageInfo"]?.int("volumeSize"),
                    subnetIDs: group.strings("clientSubnets") + vpcs.flatMap { $0.strings("subnetIds") },
                    securityGroupIDs: group.strings("securityGroups") + vpcs.flatMap { $0.strings("securityGroupIds") })
            }
            return (clusters, answer.str("nextToken"))
        }.all()
    }
}

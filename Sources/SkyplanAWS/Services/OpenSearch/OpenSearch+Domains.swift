import SkyplanModel

/// An OpenSearch (or Elasticsearch) domain, as `DescribeDomains` gives it.
public struct OpenSearchDomain: Sendable, Hashable {
    /// Domain name.
    public var name: String
    /// ARN.
    public var arn: String
    /// `OpenSearch_2.11`, `Elasticsearch_7.10`.
    public var engineVersion: String?
    /// Data node instance type (`r6g.large.search`).
    public var instanceType: String?
    /// Data nodes.
    public var instanceCount: Int
    /// Dedicated master nodes (type and count), when enabled.
    public var masterType: String?
    public var masterCount: Int
    /// EBS volume type and size per data node, when EBS is enabled.
    public var volumeType: String?
    public var volumeSize: Int?
    /// VPC subnets and security groups (empty for a public domain).
    public var subnetIDs: [String]
    public var securityGroupIDs: [String]
    /// `Processing` / `Deleted` flags, for the domain's state.
    public var processing: Bool
    public var deleted: Bool
}

extension AWSClient {
    /// OpenSearch `ListDomainNames` (every domain of the region, either engine; not paginated).
    /// See https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_ListDomainNames.html
    public func listDomainNames(region: String? = nil) async throws -> [String] {
        let answer = try await restJSON(AWSOperation.OpenSearch.listDomainNames, region: region)
        return answer.items("DomainNames").compactMap { $0.str("DomainName") }
    }

    /// OpenSearch `DescribeDomains`, five names a call (the API's limit).
    /// See https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DescribeDomains.html
    public func describeDomains(_ names: [String], region: String? = nil) async throws -> [OpenSearchDomain] {
        var domains: [OpenSearchDomain] = []
        var start = 0
        while start < names.count {
            let batch = names[start..<min(names.count, start + 5)]
            start += 5
            let body: JSONValue = .object(["DomainNames": .array(batch.map { .string($0) })])
            let answer = try await restJSON(AWSOperation.OpenSearch.describeDomains, body: body, region: region)
            domains += answer.items("DomainStatusList").map(Self.domain)
        }
        return domains
    }

    static func domain(_ item: JSONValue) -> OpenSearchDomain {
        let cluster = item["ClusterConfig"] ?? item["ElasticsearchClusterConfig"] ?? .object([:])
        let ebs = item["EBSOptions"] ?? .object([:])
        let vpc = item["VPCOptions"] ?? .object([:])
        let dedicated = cluster["DedicatedMasterEnabled"]?.boolValue == true
        return OpenSearchDomain(
            name: item.str("DomainName") ?? "", arn: item.str("ARN") ?? "",
            engineVersion: item.str("EngineVersion") ?? item.str("ElasticsearchVersion"),
            instanceType: cluster.str("InstanceType"), instanceCount: cluster.int("InstanceCount") ?? 1,
            masterType: dedicated ? cluster.str("DedicatedMasterType") : nil,
            masterCount: dedicated ? cluster.int("DedicatedMasterCount") ?? 0 : 0,
            volumeType: ebs["EBSEnabled"]?.boolValue == true ? ebs.str("VolumeType") : nil,
            volumeSize: ebs["EBSEnabled"]?.boolValue == true ? ebs.int("VolumeSize") : nil,
            subnetIDs: vpc.strings("SubnetIds"), securityGroupIDs: vpc.strings("SecurityGroupIds"),
            processing: item["Processing"]?.boolValue == true, deleted: item["Deleted"]?.boolValue == true)
    }
}

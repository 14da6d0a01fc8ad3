import AWSSigV4

/// A CloudFront distribution with its origins.
public struct CloudFrontDistribution: Sendable, Hashable {
    /// Id.
    public var id: String
    /// Arn.
    public var arn: String
    /// Domain name.
    public var domainName: String
    /// Price class.
    public var priceClass: String?
    /// Origin domain names (`bucket.s3.amazonaws.com`, `my-alb-123.us-east-1.elb.amazonaws.com`, ...).
    public var originDomains: [String]
    /// Aliases.
    public var aliases: [String]
    /// The web ACL protecting it: a WAFv2 ACL's ARN (a classic WAF ACL's id otherwise).
    public var webACLID: String? = nil
}

extension AWSClient {
    /// CloudFront `ListDistributions`, every page (origins as the summary gives them; moto gives none).
    /// See https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListDistributions.html
    public func listDistributions() async throws -> [CloudFrontDistribution] {
        try await Paginated { marker in
            var query: [QueryItem] = [QueryItem("MaxItems", "100")]
            if let marker { query.append(QueryItem("Marker", marker)) }
            let root = try await self.restXML(AWSOperation.CloudFront.listDistributions, query: query)
            let list = root.first(named: "DistributionList") ?? root
            let items = list.list("Items").map { Self.distribution($0, config: $0) }
            let next = list.string("IsTruncated") == "true" ? list.nonEmpty("NextMarker") : nil
            return (items, next)
        }.all()
    }

    /// CloudFront `GetDistribution`: the distribution with its configured origins.
    /// See https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetDistribution.html
    public func getDistribution(id: String) async throws -> CloudFrontDistribution {
        let root = try await restXML(AWSOperation.CloudFront.getDistribution, path: ["Id": id])
        let distribution = root.first(named: "Distribution") ?? root
        return Self.distribution(distribution, config: distribution["DistributionConfig"] ?? distribution)
    }

    static func distribution(_ item: XMLTree, config: XMLTree) -> CloudFrontDistribution {
        CloudFrontDistribution(
            id: item.string("Id") ?? "", arn: item.string("ARN") ?? "", domainName: item.string("DomainName") ?? "",
            priceClass: config.nonEmpty("PriceClass"),
            originDomains: config["Origins"]?.list("Items").compactMap { $0.nonEmpty("DomainName") } ?? [],
            aliases: config["Aliases"]?.list("Items").map(\.text) ?? [], webACLID: config.nonEmpty("WebACLId"))
    }
}

import AWSSigV4
import SkyplanModel

/// An API Gateway custom domain name (`api.example.com`) and the AWS hosts DNS records point at to reach it.
public struct APIGatewayDomainName: Sendable, Hashable {
    /// The custom domain name.
    public var domainName: String
    /// The regional `d-xxxx.execute-api.<region>.amazonaws.com` and/or edge `dxxxx.cloudfront.net` host names, sorted.
    public var targets: [String]
    /// Tags.
    public var tags: [String: String]

    /// Creates a domain name.
    public init(domainName: String, targets: [String], tags: [String: String] = [:]) {
        self.domainName = domainName
        self.targets = targets
        self.tags = tags
    }
}

/// One mapping of a custom domain name to an API stage (v1 base path mapping, v2 API mapping).
public struct APIGatewayDomainMapping: Sendable, Hashable {
    /// The API id (REST or HTTP/WebSocket).
    public var apiID: String
    /// The base path or mapping key; empty for the root.
    public var path: String
    /// The stage.
    public var stage: String

    /// Creates a mapping.
    public init(apiID: String, path: String, stage: String) {
        self.apiID = apiID
        self.path = path
        self.stage = stage
    }
}

extension AWSClient {
    /// API Gateway `GetDomainNames`, every page.
    /// See https://docs.aws.amazon.com/apigateway/latest/api/API_GetDomainNames.html
    public func getDomainNames(region: String? = nil) async throws -> [APIGatewayDomainName] {
        try await Paginated { position in
            var query = [QueryItem("limit", "500")]
            if let position { query.append(QueryItem("position", position)) }
            let result = try await self.restJSON(AWSOperation.APIGateway.getDomainNames, query: query, region: region)
            let names = result.items("item").compactMap { item -> APIGatewayDomainName? in
                guard let name = item.str("domainName") else { return nil }
                let targets = [item.str("regionalDomainName"), item.str("distributionDomainName")].compactMap { $0 }
                return APIGatewayDomainName(domainName: name, targets: targets.sorted(), tags: item.tagMap("tags"))
            }
            return (names, result.str("position"))
        }.all()
    }

    /// API Gateway `GetBasePathMappings` of one domain name, every page. A root mapping's `(none)` becomes "".
    /// See https://docs.aws.amazon.com/apigateway/latest/api/API_GetBasePathMappings.html
    public func getBasePathMappings(domainName: String, region: String? = nil) async throws
        -> [APIGatewayDomainMapping]
    {
        try await Paginated { position in
            var query = [QueryItem("limit", "500")]
            if let position { query.append(QueryItem("position", position)) }
            let result = try await self.restJSON(
                AWSOperation.APIGateway.getBasePathMappings, path: ["domain_name": domainName], query: query,
                region: region)
            let mappings = result.items("item").compactMap { item -> APIGatewayDomainMapping? in
                guard let api = item.str("restApiId") else { return nil }
                let path = item.str("basePath") ?? ""
                return APIGatewayDomainMapping(
                    apiID: api, path: path == "(none)" ? "" : path, stage: item.str("stage") ?? "")
            }
            return (mappings, result.str("position"))
        }.all()
    }

    /// API Gateway v2 `GetDomainNames`, every page.
    /// See https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames.html
    public func getDomainNamesV2(region: String? = nil) async throws -> [APIGatewayDomainName] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await self.restJSON(AWSOperation.APIGatewayV2.getDomainNames, query: query, region: region)
            let names = result.items("items").compactMap { item -> APIGatewayDomainName? in
                guard let name = item.str("domainName") else { return nil }
                let targets = item.items("domainNameConfigurations").compactMap { $0.str("apiGatewayDomainName") }
                return APIGatewayDomainName(
                    domainName: name, targets: Array(Set(targets)).sorted(), tags: item.tagMap("tags"))
            }
            return (names, result.str("nextToken"))
        }.all()
    }

    /// API Gateway v2 `GetApiMappings` of one domain name, every page.
    /// See https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames-domainname-apimappings.html
    public func getApiMappings(domainName: String, region: String? = nil) async throws -> [APIGatewayDomainMapping] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await self.restJSON(
                AWSOperation.APIGatewayV2.getApiMappings, path: ["domainName": domainName], query: query,
                region: region)
            let mappings = result.items("items").compactMap { item -> APIGatewayDomainMapping? in
                guard let api = item.str("apiId") else { return nil }
                return APIGatewayDomainMapping(
                    apiID: api, path: item.str("apiMappingKey") ?? "", stage: item.str("stage") ?? "")
            }
            return (mappings, result.str("nextToken"))
        }.all()
    }
}

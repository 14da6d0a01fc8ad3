import SkyplanAWS
import SkyplanModel

/// API Gateway v1 (REST) and v2 (HTTP, WebSocket) APIs with their integrations (→ Lambda, HTTP, ALB/NLB), their
/// Cognito user pool authorizers (→ the pools), and the custom domain names mapped to them (config `customDomains`, so Route 53 records to those domains reach the API).
public struct APIGatewayCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "apigateway" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let partition = context.partition.rawValue
        let rest = try await recorder.attempt("GetRestApis") { try await client.getRestApis(region: region) } ?? []
        let restIntegrations = try await recorder.each("GetResources", rest, limit: 4) {
            try await client.getRestApiIntegrations(apiID: $0.id, region: region)
        }
        let v2 = try await recorder.attempt("GetApis") { try await client.getApisV2(region: region) } ?? []
        let v2Integrations = try await recorder.each("GetIntegrations", v2, limit: 4) {
            try await client.getIntegrationsV2(apiID: $0.id, region: region)
        }
        // A user pool authorizer's pools are only in GetAuthorizers: one call per API with a Cognito-authorized
        // method (known from the methods GetResources embeds), none for the others.
        let cognitoAPIs = restIntegrations.filter { $0.1.contains { $0.cognitoAuthorizerID != nil } }.map(\.0.id)
        let authorizers = try await recorder.each("GetAuthorizers", cognitoAPIs, limit: 4) {
            try await client.getAuthorizers(apiID: $0, region: region)
        }
        for (apiID, list) in authorizers {
            let used = Set(restIntegrations.first { $0.0.id == apiID }?.1.compactMap(\.cognitoAuthorizerID) ?? [])
            let arn = "arn:\(partition):apigateway:\(region)::/restapis/\(apiID)"
            for authorizer in list where authorizer.type == "COGNITO_USER_POOLS" && used.contains(authorizer.id) {
                for pool in Set(authorizer.providerARNs).sorted() {
                    recorder.output.relate(arn, pool, .uses, "apigateway:GetAuthorizers \(authorizer.name)")
                }
            }
        }
        let domains = try await customDomains(&recorder, region: region)
        let all = restIntegrations.map { ($0.0, $0.1, "restapis") } + v2Integrations.map { ($0.0, $0.1, "apis") }
        for (api, integrations, collection) in all {
            let arn = "arn:\(partition):apigateway:\(region)::/\(collection)/\(api.id)"
            let apiType = api.protocolType == "REST" ? "rest" : api.protocolType.lowercased()
            var config: [String: JSONValue] = [
                "apiType": .string(apiType), "dnsName": .string("\(api.id).execute-api.\(region).amazonaws.com"),
            ]
            config["customDomains"] = domains[api.id]
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .apiGateway, resourceID: api.id, accountID: context.accountID, region: region,
                    name: api.name, tags: api.tags, config: config))
            for integration in integrations {
                guard let target = Self.target(of: integration) else { continue }
                recorder.output.relate(
                    arn, target, .integration,
                    "apigateway:\(collection == "apis" ? "GetIntegrations" : "GetResources") \(integration.source) \(integration.type)"
                )
            }
        }
        return recorder.output
    }

    /// The custom domain names (v1 and v2 list the same names; their mappings are merged) by API id.
    private func customDomains(_ recorder: inout CollectorRecorder, region: String) async throws -> [String: JSONValue]
    {
        let client = self.client
        let rest =
            try await recorder.attempt("GetDomainNames") { try await client.getDomainNames(region: region) } ?? []
        let restMappings = try await recorder.each("GetBasePathMappings", rest, limit: 4) {
            try await client.getBasePathMappings(domainName: $0.domainName, region: region)
        }
        let v2 =
            try await recorder.attempt("GetDomainNames") { try await client.getDomainNamesV2(region: region) } ?? []
        let v2Mappings = try await recorder.each("GetApiMappings", v2, limit: 4) {
            try await client.getApiMappings(domainName: $0.domainName, region: region)
        }
        return Self.customDomains(restMappings + v2Mappings)
    }

    /// Per API id, its custom domains as `customDomains` config: `[{"domainName", "basePath", "stage", "dnsNames"}]`
    /// sorted, `dnsNames` the hosts DNS records point at (what `InventoryLinker.resolveDNS` resolves to the API).
    static func customDomains(_ mapped: [(APIGatewayDomainName, [APIGatewayDomainMapping])]) -> [String: JSONValue] {
        var targets: [String: Set<String>] = [:]
        for (domain, _) in mapped { targets[domain.domainName, default: []].formUnion(domain.targets) }
        var entries: [String: [String: JSONValue]] = [:]
        for (domain, mappings) in mapped {
            let dnsNames = JSONValue.array((targets[domain.domainName] ?? []).sorted().map { .string($0) })
            for mapping in mappings {
                let key = "\(mapping.apiID)\u{1}\(domain.domainName)\u{1}\(mapping.path)"
                entries[key] = [
                    "domainName": .string(domain.domainName), "basePath": .string(mapping.path),
                    "stage": .string(mapping.stage), "dnsNames": dnsNames,
                ]
            }
        }
        var byAPI: [String: [JSONValue]] = [:]
        for key in entries.keys.sorted() {
            guard let api = key.split(separator: "\u{1}").first, let entry = entries[key] else { continue }
            byAPI[String(api), default: []].append(.object(entry))
        }
        return byAPI.mapValues { .array($0) }
    }

    /// Where an integration sends requests: a function ARN, a load balancer ARN, or `dns:<host>` for HTTP.
    static func target(of integration: APIGatewayIntegration) -> String? {
        if let function = ARNs.lambdaFromIntegration(integration.uri) { return function }
        if let balancer = ARNs.loadBalancer(fromListener: integration.uri) { return balancer }
        if integration.uri.hasPrefix("http") { return "dns:" + ARNs.host(integration.uri) }
        return nil
    }
}

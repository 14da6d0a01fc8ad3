import SkyplanAWS
import SkyplanModel

/// API Gateway v1 (REST) and v2 (HTTP, WebSocket) APIs with their integrations (→ Lambda, HTTP, ALB/NLB).
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
        let all = restIntegrations.map { ($0.0, $0.1, "restapis") } + v2Integrations.map { ($0.0, $0.1, "apis") }
        for (api, integrations, collection) in all {
            let arn = "arn:\(partition):apigateway:\(region)::/\(collection)/\(api.id)"
            let apiType = api.protocolType == "REST" ? "rest" : api.protocolType.lowercased()
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .apiGateway, resourceID: api.id, accountID: context.accountID, region: region,
                    name: api.name, tags: api.tags,
                    config: [
                        "apiType": .string(apiType),
                        "dnsName": .string("\(api.id).execute-api.\(region).amazonaws.com"),
                    ]))
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

    /// Where an integration sends requests: a function ARN, a load balancer ARN, or `dns:<host>` for HTTP.
    static func target(of integration: APIGatewayIntegration) -> String? {
        if let function = ARNs.lambdaFromIntegration(integration.uri) { return function }
        if let balancer = ARNs.loadBalancer(fromListener: integration.uri) { return balancer }
        if integration.uri.hasPrefix("http") { return "dns:" + ARNs.host(integration.uri) }
        return nil
    }
}

import AWSSigV4
import SkyplanModel

/// An API Gateway API (v1 REST, or v2 HTTP/WebSocket).
public struct APIGatewayAPI: Sendable, Hashable {
    /// Id.
    public var id: String
    /// Name.
    public var name: String
    /// `REST`, `HTTP` or `WEBSOCKET`.
    public var protocolType: String
    /// Tags.
    public var tags: [String: String]
}

/// One integration of an API: where a route or method sends its requests.
public struct APIGatewayIntegration: Sendable, Hashable {
    /// `AWS_PROXY`, `AWS`, `HTTP`, `HTTP_PROXY`, `MOCK`.
    public var type: String
    /// The integration URI (`arn:aws:apigateway:...:lambda:path/.../functions/<arn>/invocations`, a URL, a listener ARN).
    public var uri: String
    /// `GET /orders` (v1) or the integration id (v2), for the evidence.
    public var source: String
    /// The authorizer of a v1 method authorized by Cognito user pools (`COGNITO_USER_POOLS`); such a method is
    /// listed even when it has no integration URI (`uri` empty).
    public var cognitoAuthorizerID: String? = nil
}

/// A v1 REST API authorizer, as `GetAuthorizers` gives it.
public struct APIGatewayAuthorizer: Sendable, Hashable {
    /// Id and name.
    public var id: String
    public var name: String
    /// `TOKEN`, `REQUEST` or `COGNITO_USER_POOLS`.
    public var type: String
    /// The user pools of a `COGNITO_USER_POOLS` authorizer.
    public var providerARNs: [String]
}

extension AWSClient {
    /// API Gateway `GetRestApis`, every page.
    /// See https://docs.aws.amazon.com/apigateway/latest/api/API_GetRestApis.html
    public func getRestApis(region: String? = nil) async throws -> [APIGatewayAPI] {
        try await Paginated { position in
            var query = [QueryItem("limit", "500")]
            if let position { query.append(QueryItem("position", position)) }
            let result = try await self.restJSON(AWSOperation.APIGateway.getRestApis, query: query, region: region)
            let apis = result.items("item").map {
                APIGatewayAPI(
                    id: $0.str("id") ?? "", name: $0.str("name") ?? "", protocolType: "REST", tags: $0.tagMap("tags"))
            }
            return (apis, result.str("position"))
        }.all()
    }

    /// API Gateway `GetResources` with their methods' integrations embedded (one call per API, not per method).
    /// See https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
    public func getRestApiIntegrations(apiID: String, region: String? = nil) async throws -> [APIGatewayIntegration] {
        try await Paginated { position in
            var query = [QueryItem("limit", "500"), QueryItem("embed", "methods")]
            if let position { query.append(QueryItem("position", position)) }
            let result = try await self.restJSON(
                AWSOperation.APIGateway.getResources, path: ["restapi_id": apiID], query: query, region: region)
            var integrations: [APIGatewayIntegration] = []
            for resource in result.items("item") {
                let methods = resource["resourceMethods"]?.objectValue ?? [:]
                for verb in methods.keys.sorted() {
                    let method = methods[verb]
                    let cognito =
                        method?.str("authorizationType") == "COGNITO_USER_POOLS" ? method?.str("authorizerId") : nil
                    let integration = method?["methodIntegration"]
                    guard let uri = integration?.str("uri") ?? cognito.map({ _ in "" }) else { continue }
                    integrations.append(
                        APIGatewayIntegration(
                            type: integration?.str("type") ?? "", uri: uri,
                            source: "\(verb) \(resource.str("path") ?? "")", cognitoAuthorizerID: cognito))
                }
            }
            return (integrations, result.str("position"))
        }.all()
    }

    /// API Gateway `GetAuthorizers` of one REST API, every page.
    /// See https://docs.aws.amazon.com/apigateway/latest/api/API_GetAuthorizers.html
    public func getAuthorizers(apiID: String, region: String? = nil) async throws -> [APIGatewayAuthorizer] {
        try await Paginated { position in
            var query = [QueryItem("limit", "500")]
            if let position { query.append(QueryItem("position", position)) }
            let result = try await self.restJSON(
                AWSOperation.APIGateway.getAuthorizers, path: ["restapi_id": apiID], query: query, region: region)
            let authorizers = result.items("item").map {
                APIGatewayAuthorizer(
                    id: $0.str("id") ?? "", name: $0.str("name") ?? "", type: $0.str("type") ?? "",
                    providerARNs: $0.strings("providerARNs"))
            }
            return (authorizers, result.str("position"))
        }.all()
    }

    /// API Gateway v2 `GetApis`, every page.
    /// See https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html
    public func getApisV2(region: String? = nil) async throws -> [APIGatewayAPI] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await self.restJSON(AWSOperation.APIGatewayV2.getApis, query: query, region: region)
            let apis = result.items("items").map {
                APIGatewayAPI(
                    id: $0.str("apiId") ?? "", name: $0.str("name") ?? "",
                    protocolType: $0.str("protocolType") ?? "HTTP",
                    tags: $0.tagMap("tags"))
            }
            return (apis, result.str("nextToken"))
        }.all()
    }

    /// API Gateway v2 `GetIntegrations` of one API, every page.
    public func getIntegrationsV2(apiID: String, region: String? = nil) async throws -> [APIGatewayIntegration] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await self.restJSON(
                AWSOperation.APIGatewayV2.getIntegrations, path: ["apiId": apiID], query: query, region: region)
            let integrations = result.items("items").compactMap { item -> APIGatewayIntegration? in
                guard let uri = item.str("integrationUri") else { return nil }
                return APIGatewayIntegration(
                    type: item.str("integrationType") ?? "", uri: uri,
                    source: "integration \(item.str("integrationId") ?? "")")
            }
            return (integrations, result.str("nextToken"))
        }.all()
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// API Gateway custom domain names: their v1 base path and v2 API mappings land on the APIs (`customDomains`), and
/// a Route 53 record to a domain's regional or edge host resolves to every API the domain maps. Canned answers.
@Suite struct APIGatewayCustomDomainTests {
    static let account = "111122223333"
    static let regional = "d-abc123.execute-api.eu-west-1.amazonaws.com"
    static let edge = "d111.cloudfront.net"
    let context = CollectorContext(accountID: account, region: "eu-west-1")

    static let answers: [String: String] = [
        "/restapis": #"{"item": [{"id": "rest1", "name": "orders"}]}"#,
        "/v2/apis": #"{"items": [{"apiId": "http1", "name": "users", "protocolType": "HTTP"}]}"#,
        "/domainnames": """
        {"item": [{"domainName": "api.example.com", "regionalDomainName": "\(regional)",
                   "distributionDomainName": "\(edge)"}]}
        """,
        "/domainnames/api.example.com/basepathmappings": """
        {"item": [{"basePath": "(none)", "restApiId": "rest1", "stage": "prod"},
                  {"basePath": "v1", "restApiId": "rest1", "stage": "v1"}]}
        """,
        "/v2/domainnames": """
        {"items": [{"domainName": "api.example.com",
                    "domainNameConfigurations": [{"apiGatewayDomainName": "\(regional)", "endpointType": "REGIONAL"}]},
                   {"domainName": "unused.example.com", "domainNameConfigurations": []}]}
        """,
        "/v2/domainnames/api.example.com/apimappings": """
        {"items": [{"apiId": "http1", "apiMappingKey": "users", "stage": "$default", "apiMappingId": "m1"},
                   {"apiId": "rest1", "apiMappingKey": "", "stage": "prod", "apiMappingId": "m2"}]}
        """,
    ]

    static func fake() -> FakeHTTPTransport {
        FakeHTTPTransport { request, _ in
            let body = answers[request.url.path] ?? #"{"item": [], "items": []}"#
            return .response(HTTPResponse(status: 200, body: Data(body.utf8)))
        }
    }

    func collect() async throws -> CollectorOutput {
        try await APIGatewayCollector(client: EC2InstanceInterfacesTests.client(Self.fake())).collect(context)
    }

    @Test func mappingsOfBothAPIVersionsLandOnTheirAPIsMergedByDomain() async throws {
        let output = try await collect()
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let rest = try #require(output.resources.first { $0.resourceID == "rest1" })
        let http = try #require(output.resources.first { $0.resourceID == "http1" })
        let hosts = JSONValue.array([.string(Self.regional), .string(Self.edge)])
        func entry(_ path: String, _ stage: String) -> JSONValue {
            .object([
                "domainName": .string("api.example.com"), "basePath": .string(path), "stage": .string(stage),
                "dnsNames": hosts,
            ])
        }
        #expect(rest.config["customDomains"] == .array([entry("", "prod"), entry("v1", "v1")]))
        #expect(http.config["customDomains"] == .array([entry("users", "$default")]))
    }

    @Test func aRecordToTheDomainsHostsResolvesToEveryMappedAPI() async throws {
        let output = try await collect()
        let zone = "arn:aws:route53:::hostedzone/Z1"
        let inventory = Inventory(
            resources: output.resources,
            relationships: [
                Relationship(
                    from: zone, to: "dns:\(Self.regional)", kind: .alias,
                    evidence: "route53:ListResourceRecordSets api.example.com. A alias"),
                Relationship(
                    from: zone, to: "dns:\(Self.edge)", kind: .alias,
                    evidence: "route53:ListResourceRecordSets edge.example.com. A alias"),
                Relationship(
                    from: zone, to: "dns:d-other.execute-api.eu-west-1.amazonaws.com", kind: .alias,
                    evidence: "route53:ListResourceRecordSets other.example.com. CNAME"),
            ])
        let linked = InventoryLinker.link(inventory).relationships.filter { $0.from == zone }
        let restARN = "arn:aws:apigateway:eu-west-1::/restapis/rest1"
        let httpARN = "arn:aws:apigateway:eu-west-1::/apis/http1"
        #expect(Set(linked.map(\.to)) == [httpARN, restARN, "dns:d-other.execute-api.eu-west-1.amazonaws.com"])
        let toRest = try #require(linked.first { $0.to == restARN })
        #expect(toRest.evidence.contains("API Gateway custom domain api.example.com, api.example.com/v1"))
        #expect(toRest.evidence.contains("edge.example.com"))
        let toHTTP = try #require(linked.first { $0.to == httpARN })
        #expect(toHTTP.evidence.contains("(API Gateway custom domain api.example.com/users)"))
        #expect(!toHTTP.evidence.contains("api.example.com, "))
    }
}

import Foundation
import HummingbirdTesting
import SkyplanAWS
import SkyplanBudget
import SkyplanModel
import Testing

@testable import SkyplanServer

/// The blueprint budget with live prices on: a SKU the bundled book lacks (Windows m5.large in eu-west-1) is
/// priced from a fake Price List endpoint answering GetProducts' JSON 1.1 shapes, cached in the store with its
/// date and reused until older than the configured age; a denied call leaves the line unpriced, saying why.
@Suite struct LivePriceRouteTests {
    static let blueprint = #"""
        {"data":{"name":"Windows","version":4,"nodes":[
        {"type":"ec2","id":"w1","name":"win","region":"eu-west-1","mapPos":[0,0],"instanceType":"m5",
         "instanceSize":"large","platform":"windows"},
        {"type":"ec2","id":"l1","name":"lin","region":"us-east-1","mapPos":[2,0],"instanceType":"m5",
         "instanceSize":"large","platform":"linux"}],
        "edges":[],"groups":[],"surfaces":[],"text":[],"icons":[],"images":[],"connectors":[],"disabledLayers":[]}}
        """#

    static func priceSource(_ transport: FakeHTTPTransport) -> AWSPriceSource {
        AWSPriceSource(
            client: AWSClient(
                transport: transport,
                credentials: StaticCredentialProvider(accessKeyID: "AKIDTEST", secretAccessKey: "secret"),
                configuration: AWSConfiguration(
                    region: "us-east-1", endpointURL: URL(string: "http://127.0.0.1:1"),
                    retry: RetryConfiguration(maxAttempts: 1))))
    }

    static func windowsLine(_ body: [String: Any]) throws -> [String: Any] {
        let components = try #require(body["components"] as? [[String: Any]])
        let windows = try #require(components.first { $0["id"] as? String == "w1" })
        return try #require((windows["lines"] as? [[String: Any]])?.first)
    }

    @Test func pricesWhatTheBookLacksFromTheStoreCacheUntilItIsOld() async throws {
        let transport = FakeHTTPTransport { _, _ in
            let page = AWSPriceSourceTests.page(
                [AWSPriceSourceTests.item(sku: "W1", region: "eu-west-1", usd: "0.2040000000")], next: nil)
            return .response(
                HTTPResponse(
                    status: 200, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Data(page.utf8)))
        }
        let app = try await TestApp.make(livePrices: Self.priceSource(transport), priceMaxAge: .seconds(3600))
        let key = app.keys["member"]
        try await app.test { client in
            let id = try #require(
                try await client.call(.post, "/blueprint", key: key, json: Self.blueprint).body["id"] as? String)
            let first = try await client.call(.get, "/blueprint/\(id)/budget/json", key: key)
            let line = try Self.windowsLine(first.body)
            #expect(line["unitPrice"] as? Double == 0.204, "\(line)")
            #expect(line["priceSource"] as? String == "offer:AmazonEC2 GetProducts")
            #expect((line["priceAsOf"] as? String)?.isEmpty == false)
            #expect(first.body["unpricedLineCount"] as? Int == 0)
            #expect(transport.requests.count == 1, "only the missing SKU is asked for; Linux is in the book")
            let csv = try await client.call(.get, "/blueprint/\(id)/budget/csv", key: key)
            #expect(csv.raw.contains("GetProducts"))
            #expect(transport.requests.count == 1, "the second budget reads the store")
        }
        let cached = try await app.services.store.cachedPrices(
            queryKey: try #require(
                PriceQuery.forKey(
                    PriceKey(
                        id: "ec2.instance", region: "eu-west-1",
                        attributes: "instanceType=m5.large;os=windows;tenancy=shared"))
            )
            .cacheKey)
        #expect(cached?.serviceCode == "AmazonEC2")
        // Another server on the same store after the age has passed fetches again.
        let old = AppServices(
            configuration: ServerConfiguration(databaseURL: "unused", priceMaxAge: .seconds(0)),
            store: app.services.store, assumer: FakeRoleAssumer(), livePrices: Self.priceSource(transport),
            logger: .init(label: "test"))
        let component = PricedComponent(
            id: "w", type: .ec2, region: "eu-west-1", config: ["instanceType": "m5.large", "platform": "windows"])
        let budget = await old.budget(of: [component], pricing: try old.pricing())
        #expect(budget.unpricedLineCount == 0)
        #expect(transport.requests.count == 2)
    }

    @Test func aDeniedLookupLeavesTheLineUnpricedWithTheReason() async throws {
        let transport = FakeHTTPTransport(
            status: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: #"{"__type":"AccessDeniedException","message":"not authorized to perform: pricing:GetProducts"}"#)
        let app = try await TestApp.make(livePrices: Self.priceSource(transport))
        let key = app.keys["member"]
        try await app.test { client in
            let id = try #require(
                try await client.call(.post, "/blueprint", key: key, json: Self.blueprint).body["id"] as? String)
            let report = try await client.call(.get, "/blueprint/\(id)/budget/json", key: key)
            #expect(report.status == .ok)
            let line = try Self.windowsLine(report.body)
            #expect(line["unitPrice"] == nil || line["unitPrice"] is NSNull)
            let note = try #require(line["note"] as? String)
            #expect(note.contains("no price for ec2.instance eu-west-1"), "\(note)")
            #expect(note.contains("pricing:GetProducts") && note.contains("AccessDenied"), "\(note)")
            #expect(report.body["unpricedLineCount"] as? Int == 1)
        }
    }
}

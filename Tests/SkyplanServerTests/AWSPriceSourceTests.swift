import Foundation
import SkyplanAWS
import SkyplanBudget
import SkyplanModel
import Testing

@testable import SkyplanServer

/// Live prices for a SKU the bundled book lacks (Windows), through `pricing:GetProducts` against a fake
/// Price List endpoint that answers the real JSON 1.1 shapes (moto has no Price List API).
@Suite struct AWSPriceSourceTests {
    /// One `PriceList` item as the API returns it: a JSON document inside a string.
    static func item(sku: String, region: String, usd: String) -> String {
        """
        {"product":{"productFamily":"Compute Instance","sku":"\(sku)","attributes":{"instanceType":"m5.large",\
        "operatingSystem":"Windows","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used",\
        "licenseModel":"No License required","regionCode":"\(region)","usagetype":"EU-BoxUsage:m5.large",\
        "operation":"RunInstances:0002"}},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"\(sku).JRTCKXETXF":\
        {"priceDimensions":{"\(sku).JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","endRange":"Inf","beginRange":"0",\
        "description":"test price","rateCode":"\(sku).JRTCKXETXF.6YS6EN2CT7","pricePerUnit":{"USD":"\(usd)"}}},\
        "sku":"\(sku)","effectiveDate":"2026-11-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}}},\
        "version":"20261101000000","publicationDate":"2026-11-01T00:00:00Z"}
        """
    }

    /// A GetProducts answer: `{"FormatVersion":"aws_v1","PriceList":["..."],"NextToken":...}`.
    static func page(_ items: [String], next: String?) -> String {
        var object: [String: JSONValue] = [
            "FormatVersion": "aws_v1", "PriceList": .array(items.map { .string($0) }),
        ]
        if let next { object["NextToken"] = .string(next) }
        return String(decoding: JSONCoding.encode(.object(object)), as: UTF8.self)
    }

    @Test func fillsAWindowsInstanceFromGetProductsWithItsDate() async throws {
        // Page 1 is empty but has a token (the API does that); page 2 holds the product.
        let transport = FakeHTTPTransport { request, count in
            let body =
                count == 1
                ? Self.page([], next: "t2")
                : Self.page([Self.item(sku: "W1", region: "eu-west-1", usd: "0.2040000000")], next: nil)
            return .response(
                HTTPResponse(
                    status: 200, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Data(body.utf8)))
        }
        let client = AWSClient(
            transport: transport,
            credentials: StaticCredentialProvider(accessKeyID: "AKIDTEST", secretAccessKey: "secret"),
            configuration: AWSConfiguration(region: "eu-west-1", endpointURL: URL(string: "http://127.0.0.1:1")))
        let windows = PricedComponent(
            id: "w", type: .ec2, region: "eu-west-1",
            config: ["instanceType": "m5.large", "platform": "windows"])
        let book = try PriceBook.bundled()
        let before = CostModel(book: book).budget(for: [windows])
        #expect(before.unpricedLineCount == 1)

        let refresher = PriceRefresher(source: AWSPriceSource(client: client))
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let refreshed = try await refresher.refresh(book, for: before, now: now)
        let line = try #require(CostModel(book: refreshed).budget(for: [windows]).lines.first)
        #expect(line.unitPrice == 0.204)
        #expect(line.priceSource == "offer:AmazonEC2 GetProducts")
        #expect(line.priceAsOf.hasPrefix("2026-"))

        let requests = transport.requests
        #expect(requests.count == 2)
        let first = try #require(requests.first)
        #expect(first.headers["x-amz-target"] == "AWSPriceListService.GetProducts")
        #expect(first.headers["content-type"] == "application/x-amz-json-1.1")
        #expect(first.url.host == "127.0.0.1")
        let sent = try JSONCoding.decode(first.body)
        #expect(sent["ServiceCode"]?.stringValue == "AmazonEC2")
        #expect(sent["FormatVersion"]?.stringValue == "aws_v1")
        let filters = sent["Filters"]?.arrayValue ?? []
        #expect(filters.allSatisfy { $0["Type"]?.stringValue == "TERM_MATCH" })
        let pairs = Set(
            filters.compactMap { f in f["Field"]?.stringValue.map { "\($0)=\(f["Value"]?.stringValue ?? "")" } })
        #expect(pairs.isSuperset(of: ["regionCode=eu-west-1", "instanceType=m5.large", "operatingSystem=Windows"]))
        let second = try JSONCoding.decode(try #require(requests.last).body)
        #expect(second["NextToken"]?.stringValue == "t2")
    }

    @Test func aDeniedCallLeavesTheLineUnpricedWithTheReason() async throws {
        let transport = FakeHTTPTransport(
            status: 400, headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: #"{"__type":"AccessDeniedException","message":"not authorized to perform: pricing:GetProducts"}"#)
        let client = AWSClient(
            transport: transport,
            credentials: StaticCredentialProvider(accessKeyID: "AKIDTEST", secretAccessKey: "secret"),
            configuration: AWSConfiguration(region: "us-east-1", endpointURL: URL(string: "http://127.0.0.1:1")))
        let windows = PricedComponent(
            id: "w", type: .ec2, region: "eu-west-1", config: ["instanceType": "m5.large", "platform": "windows"])
        let book = try PriceBook.bundled()
        let budget = CostModel(book: book).budget(for: [windows])
        let refresher = PriceRefresher(source: AWSPriceSource(client: client))
        await #expect(throws: AWSError.self) { _ = try await refresher.refresh(book, for: budget, now: Date()) }
        #expect(budget.lines.first?.note.contains("no price for ec2.instance eu-west-1") == true)
    }
}

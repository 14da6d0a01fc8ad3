import Foundation
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// An in-test `GetProducts`: answers from a fixed product list and records the calls.
actor FakePriceSource: PriceSource {
    var calls: [PriceQuery] = []
    let items: [String: [String]]

    init(items: [String: [String]]) { self.items = items }

    func products(serviceCode: String, filters: [PriceFilter]) async throws -> [String] {
        calls.append(PriceQuery(serviceCode: serviceCode, filters: filters))
        let region = filters.first { $0.field == "regionCode" }?.value ?? ""
        let type = filters.first { $0.field == "instanceType" }?.value ?? ""
        return items["\(serviceCode)|\(region)|\(type)"] ?? []
    }
}

@Suite struct PriceRefresherTests {
    static let m5Calgary = """
        {"product":{"productFamily":"Compute Instance","sku":"FRA1","attributes":{"instanceType":"m5.large",
         "operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used",
         "licenseModel":"No License required","regionCode":"ca-west-1","usagetype":"CAW1-BoxUsage:m5.large"}},
         "serviceCode":"AmazonEC2","terms":{"OnDemand":{"FRA1.JRTCKXETXF":{"priceDimensions":{"FRA1.JRTCKXETXF.6YS6EN2CT7":
         {"unit":"Hrs","endRange":"Inf","beginRange":"0","pricePerUnit":{"USD":"0.1150000000"}}},"sku":"FRA1",
         "offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20261001","publicationDate":"2026-10-01T00:00:00Z"}
        """

    @Test func refreshesExactlyTheMissingSKUsAndCachesThem() async throws {
        let book = try PriceBook.bundled()
        let components = [
            PricedComponent(id: "a", type: .ec2, region: "ca-west-1", config: ["instanceType": "m5.large"]),
            PricedComponent(id: "b", type: .ec2, region: "ca-west-1", config: ["instanceType": "m5.large"]),
            PricedComponent(id: "c", type: .ec2, region: "us-east-1", config: ["instanceType": "m5.large"]),
        ]
        let before = CostModel(book: book).budget(for: components)
        #expect(before.unpricedLineCount == 2)
        let queries = PriceRefresher.queries(for: before)
        #expect(queries.count == 1)
        #expect(queries.first?.serviceCode == "AmazonEC2")

        let fake = FakePriceSource(items: ["AmazonEC2|ca-west-1|m5.large": [Self.m5Calgary]])
        let refresher = PriceRefresher(source: fake)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let refreshed = try await refresher.refresh(book, for: before, now: now)
        let after = CostModel(book: refreshed).budget(for: components)
        #expect(after.unpricedLineCount == 0)
        #expect(abs(after.total() - (2 * 0.115 + 0.096) * 730) < 1e-9)
        #expect(after.lines[0].provenance.hasPrefix("offer:AmazonEC2 GetProducts @"))
        #expect(refreshed.version == book.version)

        // Within maxAge the cache answers; after it, the source is asked again.
        _ = try await refresher.refresh(book, for: before, now: now.addingTimeInterval(60))
        #expect(await fake.calls.count == 1)
        _ = try await refresher.refresh(book, for: before, now: now.addingTimeInterval(2 * 86_400))
        #expect(await fake.calls.count == 2)
        #expect(try await refresher.cache.cached(queries[0])?.fetchedAt == now.addingTimeInterval(2 * 86_400))
    }

    @Test func unknownTypesAreNotQueried() throws {
        let budget = CostModel(book: try PriceBook.bundled()).budget(for: [
            PricedComponent(id: "x", type: "mystery", region: "us-east-1")
        ])
        #expect(PriceRefresher.queries(for: budget).isEmpty)
    }
}

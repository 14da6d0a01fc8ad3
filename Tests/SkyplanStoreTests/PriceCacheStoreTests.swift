import Foundation
import SkyplanStore
import Testing

@Suite("Store: live price cache")
struct PriceCacheStoreTests {
    @Test(arguments: Engine.available)
    func keepsTheLatestAnswerPerQueryWithItsDate(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            // The PostgreSQL database is shared between runs: a fresh key each time.
            let key = "AmazonEC2?instanceType=m5.large&regionCode=eu-west-1&test=\(UUID().uuidString.lowercased())"
            #expect(try await store.cachedPrices(queryKey: key) == nil)
            let first = CachedPrices(
                queryKey: key, serviceCode: "AmazonEC2", items: Data(#"["{\"sku\":\"A\"}"]"#.utf8),
                fetchedAt: Support.now)
            try await store.storePrices(first)
            let read = try #require(try await store.cachedPrices(queryKey: key))
            #expect(read == first)
            #expect(read.fetchedAt.timeIntervalSince1970 == 1_790_000_000.123, "milliseconds, like every date")
            let later = CachedPrices(
                queryKey: key, serviceCode: "AmazonEC2", items: Data("[]".utf8),
                fetchedAt: Support.now.addingTimeInterval(86_400))
            try await store.storePrices(later)
            #expect(try await store.cachedPrices(queryKey: key) == later)
        }
    }
}

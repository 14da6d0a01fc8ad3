import Foundation
import SkyplanBudget
import SkyplanStore

/// Live Price List answers kept in the store (table `price_cache`, migration `0003_price_cache`) with the time
/// they were fetched, so every replica and restart reuses them until they are older than the configured age.
/// Public list prices only: nothing of any account.
public struct StorePriceCache: PriceCacheStorage {
    let store: Store

    /// A cache in `store`.
    public init(store: Store) {
        self.store = store
    }

    public func cached(_ query: PriceQuery) async throws -> (fetchedAt: Date, items: [String])? {
        guard let row = try await store.cachedPrices(queryKey: query.cacheKey) else { return nil }
        let items = try JSONDecoder().decode([String].self, from: row.items)
        return (row.fetchedAt, items)
    }

    public func save(_ query: PriceQuery, items: [String], fetchedAt: Date) async throws {
        try await store.storePrices(
            CachedPrices(
                queryKey: query.cacheKey, serviceCode: query.serviceCode, items: try JSONEncoder().encode(items),
                fetchedAt: fetchedAt))
    }
}

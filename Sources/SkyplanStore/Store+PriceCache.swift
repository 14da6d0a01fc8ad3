import Foundation
import SQLKit

/// One cached Price List answer: the query's key, its items (JSON) and when they were fetched.
public struct CachedPrices: Sendable, Hashable {
    public var queryKey: String
    public var serviceCode: String
    public var items: Data
    public var fetchedAt: Date

    public init(queryKey: String, serviceCode: String, items: Data, fetchedAt: Date) {
        self.queryKey = queryKey
        self.serviceCode = serviceCode
        self.items = items
        self.fetchedAt = Millis.round(fetchedAt)
    }
}

extension Store {
    /// The cached Price List answer of `queryKey`, whatever its age.
    public func cachedPrices(queryKey: String) async throws -> CachedPrices? {
        try await read { database in
            try await database.raw(
                "SELECT query_key, service_code, items, fetched_at FROM price_cache WHERE query_key = \(bind: queryKey)"
            ).first().map { row in
                let row = StoreRow(row: row)
                return CachedPrices(
                    queryKey: try row.string("query_key"), serviceCode: try row.string("service_code"),
                    items: try row.data("items"), fetchedAt: try row.date("fetched_at"))
            }
        }
    }

    /// Stores (or replaces) a Price List answer.
    public func storePrices(_ prices: CachedPrices) async throws {
        try await write { database in
            try await database.raw(
                """
                INSERT INTO price_cache (query_key, service_code, items, fetched_at)
                VALUES (\(bind: prices.queryKey), \(bind: prices.serviceCode), \(bind: prices.items),
                    \(bind: Millis.value(prices.fetchedAt)))
                ON CONFLICT (query_key) DO UPDATE SET service_code = excluded.service_code, items = excluded.items,
                    fetched_at = excluded.fetched_at
                """
            ).run()
        }
    }
}

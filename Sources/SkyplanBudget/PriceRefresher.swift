import Foundation

/// Live refresh of exactly the prices a budget lacks: one `GetProducts` query per distinct missing
/// price, results imported with `PriceImporter` and dated with the fetch time, cached per query.
public struct PriceRefresher: Sendable {
    public var source: any PriceSource
    public var cache: PriceRefreshCache
    /// Reuse cached answers younger than this.
    public var maxAge: TimeInterval

    /// Creates a refresher over `source`.
    public init(source: any PriceSource, cache: PriceRefreshCache = PriceRefreshCache(), maxAge: TimeInterval = 86_400)
    {
        self.source = source
        self.cache = cache
        self.maxAge = maxAge
    }

    /// The queries that would find the budget's unpriced lines (deduplicated, sorted).
    public static func queries(for budget: Budget) -> [PriceQuery] {
        Array(Set(budget.lines.filter(\.isUnpriced).compactMap { PriceQuery.forKey($0.priceKey) })).sorted()
    }

    /// `book` with the prices of `budget`'s unpriced lines fetched from the source and laid over it.
    /// `now` dates the fetched facts and drives the cache.
    public func refresh(_ book: PriceBook, for budget: Budget, now: Date) async throws -> PriceBook {
        var refreshed = book
        let stamp = ISO8601DateFormatter().string(from: now)
        for query in Self.queries(for: budget) {
            let fetched: PriceBook
            if let cached = await cache.book(for: query, now: now, maxAge: maxAge) {
                fetched = cached
            } else {
                let items = try await source.products(serviceCode: query.serviceCode, filters: query.filters)
                fetched = try PriceImporter().importPriceList(items, serviceCode: query.serviceCode, fetchedAt: stamp)
                    .book
                await cache.store(fetched, for: query, at: now)
            }
            let version = refreshed.version
            refreshed = refreshed.merging(fetched)
            refreshed.version = version
        }
        return refreshed
    }
}

/// Price-list answers by query with the time they were fetched. In memory; only a cache.
public actor PriceRefreshCache {
    private var entries: [PriceQuery: (fetchedAt: Date, book: PriceBook)] = [:]

    /// An empty cache.
    public init() {}

    /// The cached book for `query` if younger than `maxAge` at `now`.
    public func book(for query: PriceQuery, now: Date, maxAge: TimeInterval) -> PriceBook? {
        guard let entry = entries[query], now.timeIntervalSince(entry.fetchedAt) < maxAge else { return nil }
        return entry.book
    }

    /// When `query` was last fetched.
    public func fetchedAt(_ query: PriceQuery) -> Date? { entries[query]?.fetchedAt }

    func store(_ book: PriceBook, for query: PriceQuery, at date: Date) {
        entries[query] = (date, book)
    }
}

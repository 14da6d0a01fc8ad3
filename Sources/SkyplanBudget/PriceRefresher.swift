import Foundation

/// Live refresh of exactly the prices a budget lacks: one `GetProducts` query per distinct missing
/// price, the answer cached with its fetch time (in memory, or in the store through ``PriceCacheStorage``),
/// imported with `PriceImporter` and dated with the fetch time. Used only where the book has no price.
public struct PriceRefresher: Sendable {
    public var source: any PriceSource
    public var cache: any PriceCacheStorage
    /// Reuse cached answers younger than this.
    public var maxAge: TimeInterval

    /// Creates a refresher over `source`.
    public init(
        source: any PriceSource, cache: any PriceCacheStorage = PriceRefreshCache(), maxAge: TimeInterval = 86_400
    ) {
        self.source = source
        self.cache = cache
        self.maxAge = maxAge
    }

    /// The queries that would find the budget's unpriced lines (deduplicated, sorted).
    public static func queries(for budget: Budget) -> [PriceQuery] {
        Array(Set(budget.lines.filter(\.isUnpriced).compactMap { PriceQuery.forKey($0.priceKey) })).sorted()
    }

    /// `book` with the prices of `budget`'s unpriced lines fetched from the source (or the cache) and laid over
    /// it. `now` dates the fetched facts and drives the cache. Throws the first failure.
    public func refresh(_ book: PriceBook, for budget: Budget, now: Date) async throws -> PriceBook {
        var refreshed = book
        for query in Self.queries(for: budget) {
            refreshed = try await merged(refreshed, query: query, now: now)
        }
        return refreshed
    }

    /// The budget of `components` under `model`, its unpriced lines priced from the live source where it has
    /// them. Never throws: a query that fails (no network, no permission) leaves its lines unpriced, their
    /// note saying why; one the Price List answers without the product says that too.
    public func budget(for components: [PricedComponent], model: CostModel, now: Date) async -> Budget {
        let first = model.budget(for: components)
        let queries = Self.queries(for: first)
        guard !queries.isEmpty else { return first }
        var live = model
        var failures: [PriceQuery: String] = [:]
        for query in queries {
            do {
                live.book = try await merged(live.book, query: query, now: now)
            } catch {
                failures[query] = "\(error)"
            }
        }
        live.book.version = model.book.version
        var budget = live.budget(for: components)
        for index in budget.components.indices {
            for line in budget.components[index].lines.indices where budget.components[index].lines[line].isUnpriced {
                guard let query = PriceQuery.forKey(budget.components[index].lines[line].priceKey) else { continue }
                let why =
                    failures[query].map { "live price lookup (pricing:GetProducts) failed: \($0)" }
                    ?? "the live Price List (pricing:GetProducts) has no such product either"
                budget.components[index].lines[line].note +=
                    (budget.components[index].lines[line].note.isEmpty
                        ? "" : "; ") + why
            }
        }
        return budget
    }

    private func merged(_ book: PriceBook, query: PriceQuery, now: Date) async throws -> PriceBook {
        let items: [String]
        let fetchedAt: Date
        if let cached = try await cache.cached(query), now.timeIntervalSince(cached.fetchedAt) < maxAge {
            (items, fetchedAt) = (cached.items, cached.fetchedAt)
        } else {
            items = try await source.products(serviceCode: query.serviceCode, filters: query.filters)
            fetchedAt = now
            try await cache.save(query, items: items, fetchedAt: now)
        }
        let stamp = ISO8601DateFormatter().string(from: fetchedAt)
        let fetched = try PriceImporter().importPriceList(items, serviceCode: query.serviceCode, fetchedAt: stamp).book
        var merged = book.merging(fetched)
        merged.version = book.version
        return merged
    }
}

/// Where Price List answers are kept between budgets, with the time they were fetched: memory
/// (``PriceRefreshCache``) or the server's store. Only public list prices, never account data.
public protocol PriceCacheStorage: Sendable {
    /// The items last fetched for `query` and when, whatever their age.
    func cached(_ query: PriceQuery) async throws -> (fetchedAt: Date, items: [String])?
    /// Keeps `items` as `query`'s answer fetched at `fetchedAt`.
    func save(_ query: PriceQuery, items: [String], fetchedAt: Date) async throws
}

/// Price-list answers by query with the time they were fetched. In memory; only a cache.
public actor PriceRefreshCache: PriceCacheStorage {
    private var entries: [PriceQuery: (fetchedAt: Date, items: [String])] = [:]

    /// An empty cache.
    public init() {}

    public func cached(_ query: PriceQuery) -> (fetchedAt: Date, items: [String])? { entries[query] }

    public func save(_ query: PriceQuery, items: [String], fetchedAt: Date) {
        entries[query] = (fetchedAt, items)
    }

    /// When `query` was last fetched.
    public func fetchedAt(_ query: PriceQuery) -> Date? { entries[query]?.fetchedAt }
}

extension PriceQuery {
    /// A stable text key: `AmazonEC2?instanceType=m5.large&regionCode=eu-west-1&...` (filters sorted).
    public var cacheKey: String {
        serviceCode + "?" + filters.map { "\($0.field)=\($0.value)" }.joined(separator: "&")
    }
}

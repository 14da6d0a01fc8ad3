/// A versioned set of price facts, looked up by (id, region, attributes), with tiered prices.
///
/// The bundled book (`PriceBook.bundled()`) is seeded from `shared/pricing/`; `PriceImporter`
/// writes the same format from AWS Price List offer files, and books can be merged (newer wins).
public struct PriceBook: Sendable, Hashable {
    /// Book version (`2026-11-29.1`), bumped whenever the figures change.
    public var version: String
    /// Currency of every figure (always `USD` for AWS list prices).
    public var currency: String
    /// Named sources (`karpenter` → description and as-of date), referenced by entries' `source` prefix.
    public var sources: [String: PriceSourceInfo]
    /// Why a key has no price although a source mentions it (`#unpriced` lines), e.g. the us-east-1
    /// bare-metal types whose only figure is the Dedicated price.
    public var unpricedReasons: [PriceKey: String] = [:]
    private var tiersByKey: [PriceKey: [PriceEntry]]
    /// Regions each id has prices in, for the reason of a miss.
    private var regionsByID: [String: Set<String>] = [:]

    /// An empty book, or one holding `entries`.
    public init(
        version: String = "0", currency: String = "USD", sources: [String: PriceSourceInfo] = [:],
        entries: [PriceEntry] = []
    ) {
        self.version = version
        self.currency = currency
        self.sources = sources
        self.tiersByKey = [:]
        for entry in entries { insert(entry) }
    }

    /// Number of price facts.
    public var count: Int { tiersByKey.values.reduce(0) { $0 + $1.count } }

    /// Every entry, in canonical order (key, then tier).
    public var entries: [PriceEntry] {
        tiersByKey.keys.sorted().flatMap { tiersByKey[$0] ?? [] }
    }

    /// Adds a fact; a fact for the same key and tier start replaces the old one.
    public mutating func insert(_ entry: PriceEntry) {
        let key = entry.key
        if tiersByKey[key] == nil { regionsByID[entry.id, default: []].insert(entry.region) }
        tiersByKey[key, default: []].insertTier(entry)
    }

    /// This book with `other`'s facts laid over it (per key, `other`'s tiers replace these).
    public func merging(_ other: PriceBook) -> PriceBook {
        var copy = self
        for (key, tiers) in other.tiersByKey {
            copy.tiersByKey[key] = tiers
            if let region = tiers.first?.region { copy.regionsByID[key.id, default: []].insert(region) }
        }
        copy.unpricedReasons.merge(other.unpricedReasons) { _, new in new }
        copy.sources.merge(other.sources) { _, new in new }
        copy.version = other.version
        return copy
    }

    /// The tiers for a key, lowest first; falls back to the `global` region. Empty when unknown.
    public func tiers(_ key: PriceKey) -> [PriceEntry] {
        if let tiers = tiersByKey[key] { return tiers }
        var global = key
        global.region = "global"
        return tiersByKey[global] ?? []
    }

    /// The tiers for `id` in `region` with `attributes`.
    public func tiers(id: String, region: String, attributes: [String: String] = [:]) -> [PriceEntry] {
        tiers(PriceKey(id: id, region: region, attributes: attributes))
    }

    /// The first-tier entry, or `nil` when the book has no such price.
    public func price(id: String, region: String, attributes: [String: String] = [:]) -> PriceEntry? {
        tiers(id: id, region: region, attributes: attributes).first
    }

    /// Why `key` has no price, in words a person can act on: the book's own reason when it has one,
    /// else which regions the book does price `key.id` in (a region's price is never borrowed).
    public func missingReason(_ key: PriceKey) -> String {
        if let reason = unpricedReasons[key] { return "\(key): \(reason)" }
        let regions = regionsByID[key.id] ?? []
        let base = "no price for \(key) in price book \(version)"
        if regions.isEmpty { return base }
        if regions.contains(key.region) {
            return base + " (it prices other \(key.id) variants in \(key.region), not this one)"
        }
        let sorted = regions.sorted()
        let shown = sorted.count > 3 ? "\(sorted.count) other regions" : sorted.joined(separator: ", ")
        return base + " (it prices \(key.id) in \(shown) only, and never uses another region's price; "
            + "`skyplan prices import` an offer file for \(key.region) to price it)"
    }

    /// Prices `quantity` units, walking the tiers (each unit priced in the tier it falls in).
    /// `nil` when the book has no price for the key or the quantity goes past its last tier.
    public func quote(_ key: PriceKey, quantity: Double) -> PriceQuote? {
        let tiers = tiers(key)
        guard let first = tiers.first, let last = tiers.last else { return nil }
        // Usage beyond the last tier the book knows is not priced at all rather than priced at $0.
        if let end = last.end, quantity > end { return nil }
        var total = 0.0
        var used: [PriceEntry] = []
        for tier in tiers where quantity > tier.begin || (quantity == 0 && tier.begin == first.begin) {
            let upper = min(quantity, tier.end ?? Double.infinity)
            let inTier = max(0, upper - tier.begin)
            total += inTier * tier.usd
            used.append(tier)
        }
        let unitPrice = quantity > 0 ? total / quantity : first.usd
        return PriceQuote(entries: used, usd: total, unitPrice: unitPrice)
    }
}

extension [PriceEntry] {
    /// Adds a tier in `begin` order; a tier with the same `begin` is replaced.
    fileprivate mutating func insertTier(_ entry: PriceEntry) {
        if let index = firstIndex(where: { $0.begin == entry.begin }) {
            self[index] = entry
        } else if let last, last.begin > entry.begin {
            append(entry)
            sort { $0.begin < $1.begin }
        } else {
            append(entry)
        }
    }
}

/// A named origin of price facts.
public struct PriceSourceInfo: Hashable, Sendable, Codable {
    /// What it is and where exactly the numbers were read.
    public var description: String
    /// When the numbers are valid as of (empty when each entry carries its own date).
    public var asOf: String

    /// Creates a source description.
    public init(description: String, asOf: String) {
        self.description = description
        self.asOf = asOf
    }
}

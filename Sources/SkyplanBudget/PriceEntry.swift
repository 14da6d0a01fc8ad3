/// One price fact: the USD price of one `unit` of a priced thing, in one region, within one tier,
/// with where the number came from and as of when.
public struct PriceEntry: Hashable, Sendable, Codable {
    /// The price-book id of the priced thing (`ec2.instance`, `ebs.gp3.storage`, `alb.lcu`, ...).
    public var id: String
    /// AWS region code, or `global` (CloudFront, Route 53).
    public var region: String
    /// Distinguishing attributes (`instanceType=m5.large;os=linux;tenancy=shared`), canonical form.
    public var attributes: String
    /// The AWS unit (`Hrs`, `GB-Mo`, `Requests`, `LCU-Hrs`, `Quantity` for upfront fees, ...).
    public var unit: String
    /// USD per one `unit`.
    public var usd: Double
    /// Tier bounds in `unit` (monthly usage); `end` is `nil` for an open tier.
    public var begin: Double
    public var end: Double?
    /// Short provenance (`karpenter`, `infracost-golden:lb_test`, `offer:AmazonEC2 20240101...`).
    public var source: String
    /// The date the figure is valid as of (`2026-07-20`, or a year when the source is undated).
    public var asOf: String
    /// Free text: how the same price is selected in an AWS offer file.
    public var note: String

    /// Creates a price fact.
    public init(
        id: String, region: String, attributes: String = "", unit: String, usd: Double, begin: Double = 0,
        end: Double? = nil, source: String, asOf: String, note: String = ""
    ) {
        self.id = id
        self.region = region
        self.attributes = attributes
        self.unit = unit
        self.usd = usd
        self.begin = begin
        self.end = end
        self.source = source
        self.asOf = asOf
        self.note = note
    }

    /// The key this entry is found under.
    public var key: PriceKey { PriceKey(id: id, region: region, attributes: attributes) }
}

/// What a price is looked up by: price-book id, region and canonical attributes.
public struct PriceKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var id: String
    public var region: String
    public var attributes: String

    /// A key from an attribute string already in canonical form.
    public init(id: String, region: String, attributes: String = "") {
        self.id = id
        self.region = region
        self.attributes = attributes
    }

    /// A key from attributes as a dictionary; they are put in canonical form.
    public init(id: String, region: String, attributes: [String: String]) {
        self.init(id: id, region: region, attributes: PriceKey.canonical(attributes))
    }

    /// `k1=v1;k2=v2` sorted by key, values lower-cased, empty values dropped.
    public static func canonical(_ attributes: [String: String]) -> String {
        attributes.filter { !$0.value.isEmpty }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.lowercased())" }
            .joined(separator: ";")
    }

    public var description: String { attributes.isEmpty ? "\(id) \(region)" : "\(id) \(region) [\(attributes)]" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.id, lhs.region, lhs.attributes) < (rhs.id, rhs.region, rhs.attributes)
    }
}

/// A price found in the book for a quantity: the tiers that applied, the cost, and provenance.
public struct PriceQuote: Hashable, Sendable, Codable {
    /// The entries used (one unless the price is tiered).
    public var entries: [PriceEntry]
    /// Cost of the whole quantity in USD (tiers applied).
    public var usd: Double
    /// Average USD per unit for that quantity (`usd / quantity`, or the first tier's price for 0).
    public var unitPrice: Double
    /// The sources of the entries used, distinct, joined with `; `.
    public var sources: String { Self.distinct(entries.map(\.source)) }
    /// The as-of dates of the entries used, distinct, joined with `; `.
    public var asOfDates: String { Self.distinct(entries.map(\.asOf)) }

    static func distinct(_ values: [String]) -> String {
        if values.count == 1, let value = values.first { return value }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }.joined(separator: "; ")
    }

    /// Sources and as-of dates of the entries, joined.
    public var provenance: String {
        if entries.count == 1, let entry = entries.first { return entry.source + " @" + entry.asOf }
        var seen = Set<String>()
        return entries.map { "\($0.source) @\($0.asOf)" }.filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}

/// One priced (or unpriced) item of a component's monthly cost: unit, quantity, unit price, and
/// where the quantity came from.
public struct CostLine: Hashable, Sendable, Codable {
    /// The component this line belongs to.
    public var componentID: String
    /// What is charged (`Instance hours m5.large linux shared`, `Storage gp3`, `LCU hours`).
    public var item: String
    /// The price-book key the unit price was looked up under.
    public var priceKey: PriceKey
    /// The AWS unit (`Hrs`, `GB-Mo`, ...).
    public var unit: String
    /// Quantity per month for all `count` copies of the component.
    public var quantity: Double
    /// Where the quantity came from.
    public var quantitySource: QuantitySource
    /// USD per unit (the tier average when tiered); `nil` when the price book has no price: the line is
    /// **unpriced**, never $0.
    public var unitPrice: Double?
    /// USD per month; `nil` when unpriced.
    public var monthlyCost: Double?
    /// An upfront fee spread over the term (reserved instances). Included in the `effective` rate,
    /// left out of the `stated` rate.
    public var isAmortizedUpfront: Bool
    /// Sources and as-of dates of the prices used.
    public var provenance: String
    /// Where the unit price came from (`karpenter`, `coroot-cloud-pricing@af03ead`; several joined
    /// with `; ` when tiers differ); empty when unpriced.
    public var priceSource: String
    /// The date the unit price is valid as of (`2024-08-09`); empty when unpriced.
    public var priceAsOf: String
    /// Why it is unpriced, or what rule set the price.
    public var note: String

    /// Creates a line; `monthlyCost` is computed by the cost model.
    public init(
        componentID: String, item: String, priceKey: PriceKey, unit: String, quantity: Double,
        quantitySource: QuantitySource, unitPrice: Double?, monthlyCost: Double?, isAmortizedUpfront: Bool = false,
        provenance: String = "", priceSource: String = "", priceAsOf: String = "", note: String = ""
    ) {
        self.componentID = componentID
        self.item = item
        self.priceKey = priceKey
        self.unit = unit
        self.quantity = quantity
        self.quantitySource = quantitySource
        self.unitPrice = unitPrice
        self.monthlyCost = monthlyCost
        self.isAmortizedUpfront = isAmortizedUpfront
        self.provenance = provenance
        self.priceSource = priceSource
        self.priceAsOf = priceAsOf
        self.note = note
    }

    /// No price was found for this line.
    public var isUnpriced: Bool { monthlyCost == nil }
    /// The quantity is an editable assumption rather than a configured or fixed figure.
    public var isAssumption: Bool {
        if case .assumption = quantitySource { return true }
        return false
    }

    /// The monthly cost under `rate` (`stated` leaves amortized upfront fees out); `nil` when unpriced.
    public func monthlyCost(rate: BudgetRate) -> Double? {
        rate == .stated && isAmortizedUpfront ? 0 : monthlyCost
    }
}

/// Where a cost line's quantity came from.
public enum QuantitySource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A configuration key of the component (from discovery or the blueprint).
    case config(String)
    /// An editable usage assumption (named in `UsageAssumptions`), used because the component does
    /// not say; `key` is the node field that would replace it and `value` the assumed value in that
    /// field's unit (the budget panel offers both for editing).
    case assumption(String, key: String? = nil, value: Double? = nil)
    /// A fixed rule (`730 h/month`, `1 Elastic IP per NAT gateway`).
    case rule(String)

    public var description: String {
        switch self {
        case .config(let key): "config \(key)"
        case .assumption(let name, _, _): "assumption \(name)"
        case .rule(let text): text
        }
    }
}

extension QuantitySource {
    /// The node field a person may set to replace this quantity and its current value in the field's unit:
    /// an assumption's key and value, or a configured top-level number of `component`.
    public func usageField(of component: PricedComponent) -> (key: String, value: Double)? {
        switch self {
        case .assumption(_, let key?, let value?): (key, value)
        case .config(let key) where !key.contains("."): component.number(key).map { (key, $0) }
        default: nil
        }
    }
}

/// Which rate a budget reports: Cloudcraft's `effective` (upfront fees amortized in) or `stated`
/// (recurring charges only).
public enum BudgetRate: String, Sendable, Codable, CaseIterable {
    case effective, stated
}

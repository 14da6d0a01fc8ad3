import SkyplanModel

/// Builds the cost lines of one component: quantity from configuration or an assumption, unit price
/// from the book, unpriced when the book has none.
struct LineBuilder {
    let model: CostModel
    let component: PricedComponent
    var lines: [CostLine] = []

    init(model: CostModel, component: PricedComponent) {
        self.model = model
        self.component = component
    }

    var assumptions: UsageAssumptions { model.assumptions }
    var hours: Double { model.assumptions.hoursPerMonth }
    var count: Double { Double(component.count) }
    var hoursSource: QuantitySource {
        hours == 730 ? Self.standardMonth : .rule("\(BudgetFormat.number(hours)) h/month")
    }
    static let standardMonth = QuantitySource.rule("730 h/month")

    /// A configured number, or the named assumption.
    func quantity(_ key: String, assumption name: String, _ fallback: Double) -> (Double, QuantitySource) {
        if let value = component.number(key) { return (value, .config(key)) }
        return (fallback, .assumption(name, key: key, value: fallback))
    }

    /// Canonical attribute text from pairs given in key order.
    static func attributes(_ pairs: (String, String)...) -> String {
        pairs.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1.lowercased())" }.joined(separator: ";")
    }

    /// Adds a line priced from the book under `key`; unpriced when the book lacks it.
    mutating func add(
        _ item: String, _ key: PriceKey, unit: String, quantity: Double, source: QuantitySource,
        upfront: Bool = false, note: String = ""
    ) {
        let total = quantity * count
        if let quote = model.book.quote(key, quantity: total) {
            lines.append(
                CostLine(
                    componentID: component.id, item: item, priceKey: key, unit: quote.entries.first?.unit ?? unit,
                    quantity: total, quantitySource: source, unitPrice: quote.unitPrice, monthlyCost: quote.usd,
                    isAmortizedUpfront: upfront, provenance: quote.provenance, priceSource: quote.sources,
                    priceAsOf: quote.asOfDates, note: note))
        } else {
            let why = note.isEmpty ? model.book.missingReason(key) : note
            lines.append(
                CostLine(
                    componentID: component.id, item: item, priceKey: key, unit: unit, quantity: total,
                    quantitySource: source, unitPrice: nil, monthlyCost: nil, isAmortizedUpfront: upfront,
                    note: why))
        }
    }

    /// Adds a line with a unit price set by a documented rule rather than the book.
    mutating func addRuled(
        _ item: String, _ key: PriceKey, unit: String, quantity: Double, source: QuantitySource, unitPrice: Double,
        provenance: String, priceSource: String = "", priceAsOf: String = "", note: String
    ) {
        let total = quantity * count
        lines.append(
            CostLine(
                componentID: component.id, item: item, priceKey: key, unit: unit, quantity: total,
                quantitySource: source, unitPrice: unitPrice, monthlyCost: unitPrice * total,
                provenance: provenance, priceSource: priceSource, priceAsOf: priceAsOf, note: note))
    }

    /// Shorthand for a key in this component's region.
    func key(_ id: String, _ attributes: String = "") -> PriceKey {
        PriceKey(id: id, region: component.region, attributes: attributes)
    }

    /// One unpriced line saying the model does not know the type.
    mutating func unknownType() {
        let key = key("type.\(component.type.rawValue)")
        lines.append(
            CostLine(
                componentID: component.id, item: "\(component.type.rawValue) (no cost model)", priceKey: key,
                unit: "", quantity: count, quantitySource: .rule("1 per component"), unitPrice: nil,
                monthlyCost: nil, note: "Skyplan has no cost model for component type \(component.type.rawValue)"))
    }

    /// Public IPv4 address hours ($0.005/h per address since 2024-02-01).
    mutating func publicIPv4(count addresses: Double, source: QuantitySource) {
        add(
            "Public IPv4 address hours", key("vpc.public_ipv4"), unit: "Hrs", quantity: addresses * hours,
            source: source)
    }

    /// The instance type `m5.large` from Cloudcraft's `instanceType` `m5` + `instanceSize` `large`
    /// (or a full type in `instanceType`), with an optional prefix (`db.`, `cache.`).
    func instanceType(prefix: String = "") -> String? {
        guard var type = component.string("instanceType")?.lowercased() else { return nil }
        if !prefix.isEmpty, type.hasPrefix(prefix) { type.removeFirst(prefix.count) }
        if !type.contains("."), let size = component.string("instanceSize")?.lowercased() {
            type += "." + size
        }
        return prefix + type
    }
}

/// The cost lines of one component and its monthly total.
public struct ComponentCost: Hashable, Sendable, Codable {
    public var component: PricedComponent
    public var lines: [CostLine]

    /// Monthly USD of the priced lines under `rate`.
    public func monthly(rate: BudgetRate = .effective) -> Double {
        lines.reduce(0) { $0 + ($1.monthlyCost(rate: rate) ?? 0) }
    }

    /// Lines with no price.
    public var unpricedLineCount: Int { lines.reduce(0) { $0 + ($1.isUnpriced ? 1 : 0) } }
}

/// A budget: every component's cost lines, with totals and roll-ups. Amounts are USD per month;
/// `BudgetFormat` converts period and currency for display and export.
public struct Budget: Hashable, Sendable, Codable {
    public var components: [ComponentCost]
    /// The price-book version the budget was priced with.
    public var bookVersion: String

    /// Creates a budget from priced components.
    public init(components: [ComponentCost], bookVersion: String) {
        self.components = components
        self.bookVersion = bookVersion
    }

    /// Every line, in component order.
    public var lines: [CostLine] { components.flatMap(\.lines) }

    /// Sum of the priced lines, USD per month.
    public func total(rate: BudgetRate = .effective) -> Double {
        components.reduce(0) { $0 + $1.monthly(rate: rate) }
    }

    /// How many lines have no price (the total leaves them out and says so).
    public var unpricedLineCount: Int { components.reduce(0) { $0 + $1.unpricedLineCount } }
    /// How many components have at least one unpriced line.
    public var unpricedComponentCount: Int { components.reduce(0) { $0 + ($1.unpricedLineCount > 0 ? 1 : 0) } }
    /// How many lines use an assumed quantity.
    public var assumptionLineCount: Int { components.reduce(0) { $0 + $1.lines.filter(\.isAssumption).count } }

    /// Totals grouped by `level`, sorted by key.
    public func rollup(by level: RollupLevel, rate: BudgetRate = .effective) -> [RollupRow] {
        var rows: [String: RollupRow] = [:]
        for cost in components {
            let key = level.key(of: cost.component)
            var row = rows[key] ?? RollupRow(key: key, monthlyCost: 0, componentCount: 0, unpricedLineCount: 0)
            row.monthlyCost += cost.monthly(rate: rate)
            row.componentCount += cost.component.count
            row.unpricedLineCount += cost.unpricedLineCount
            rows[key] = row
        }
        return rows.values.sorted { $0.key < $1.key }
    }
}

/// What a roll-up groups by.
public enum RollupLevel: String, Sendable, Codable, CaseIterable {
    case component, service, subnet, vpc, region, account

    /// The group key of a component (`(none)` when it has no such container).
    public func key(of component: PricedComponent) -> String {
        let none = "(none)"
        switch self {
        case .component: return component.id
        case .service: return component.type.rawValue
        case .subnet: return component.container.subnet ?? none
        case .vpc: return component.container.vpc ?? none
        case .region: return component.container.region ?? component.region
        case .account: return component.container.account ?? none
        }
    }
}

/// One roll-up group's total.
public struct RollupRow: Hashable, Sendable, Codable {
    public var key: String
    /// USD per month of the priced lines.
    public var monthlyCost: Double
    public var componentCount: Int
    /// Unpriced lines in the group: the group's total is a lower bound when this is not 0.
    public var unpricedLineCount: Int
}

import Foundation

/// The budget's estimate beside the account's actual cost of one month, per Cost Explorer service (and per
/// `Name` tag when the account has it activated). Only the regions the diagram covers are compared (plus
/// Cost Explorer's `global`); the rest of the account's cost is `otherRegionsActual`.
public struct CostComparison: Hashable, Sendable, Codable {
    public var accountID: String
    public var month: CostMonth
    public var currency: String
    /// AWS may still change the month's figures.
    public var estimated: Bool
    public var estimateTotal: Double
    public var actualTotal: Double
    /// `actualTotal - estimateTotal`.
    public var difference: Double
    /// The account's cost outside the diagram's regions (not compared).
    public var otherRegionsActual: Double
    public var services: [Row]
    /// Per `Name` tag value, nil when the account has not activated `Name` for cost allocation.
    public var names: [Row]?

    /// One compared key (a service or a name).
    public struct Row: Hashable, Sendable, Codable {
        public var key: String
        /// The priced part of the estimate; nil when the diagram has nothing under this key.
        public var estimate: Double?
        public var actual: Double
        public var difference: Double
        /// `over` (actual well above the estimate), `under`, `close`, or `missing` (billed, not in the diagram).
        public var flag: String
    }

    /// A difference is `close` below both this share of the larger amount and `closeAbsolute` (USD a month).
    public static let closeShare = 0.2
    public static let closeAbsolute = 1.0

    /// Compares `budget` (USD a month under `rate`) with `actual`.
    public init(budget: Budget, actual: ActualCosts, rate: BudgetRate = .effective) {
        accountID = actual.accountID
        month = actual.month
        currency = actual.currency
        estimated = actual.estimated
        let regions = Set(budget.components.map(\.component.region)).union(["global", "NoRegion"])
        var estimates: [String: Double] = [:]
        var estimatesByName: [String: Double] = [:]
        for cost in budget.components {
            let amount = cost.monthly(rate: rate)
            let service = CostExplorerService.name(for: cost.component.type) ?? cost.component.type.rawValue
            estimates[service, default: 0] += amount
            estimatesByName[cost.component.name, default: 0] += amount
        }
        var actuals: [String: Double] = [:]
        var other = 0.0
        for row in actual.services {
            if regions.contains(row.region) {
                actuals[row.service, default: 0] += row.amount
            } else {
                other += row.amount
            }
        }
        services = Self.rows(estimates: estimates, actuals: actuals)
        names = actual.names.map { named in
            Self.rows(
                estimates: estimatesByName,
                actuals: Dictionary(named.map { ($0.name, $0.amount) }, uniquingKeysWith: +))
        }
        estimateTotal = estimates.values.reduce(0, +)
        actualTotal = actuals.values.reduce(0, +)
        difference = actualTotal - estimateTotal
        otherRegionsActual = other
    }

    /// Every key of either side, sorted by key; a key of the estimate only appears when it has a cost.
    static func rows(estimates: [String: Double], actuals: [String: Double]) -> [Row] {
        let keys = Set(actuals.keys).union(estimates.filter { $0.value > 0 }.keys)
        return keys.sorted().map { key in
            let estimate = estimates[key]
            let actual = actuals[key] ?? 0
            return Row(
                key: key, estimate: estimate, actual: actual, difference: actual - (estimate ?? 0),
                flag: flag(estimate: estimate, actual: actual))
        }
    }

    static func flag(estimate: Double?, actual: Double) -> String {
        guard let estimate else { return actual > 0 ? "missing" : "close" }
        let difference = actual - estimate
        if abs(difference) < closeAbsolute || abs(difference) < closeShare * max(abs(estimate), abs(actual)) {
            return "close"
        }
        return difference > 0 ? "over" : "under"
    }

    /// The same comparison with every amount multiplied by `factor` (currency and period) in `currency`.
    public func scaled(by factor: Double, currency: String) -> CostComparison {
        var copy = self
        copy.currency = currency
        copy.estimateTotal *= factor
        copy.actualTotal *= factor
        copy.difference *= factor
        copy.otherRegionsActual *= factor
        let scale: (Row) -> Row = { row in
            Row(
                key: row.key, estimate: row.estimate.map { $0 * factor }, actual: row.actual * factor,
                difference: row.difference * factor, flag: row.flag)
        }
        copy.services = services.map(scale)
        copy.names = names?.map(scale)
        return copy
    }
}

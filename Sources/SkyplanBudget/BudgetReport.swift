import Foundation

/// The budget in the JSON form the web UI reads: totals with the unpriced count, every component
/// with its lines, and roll-ups per service, subnet, VPC, region and account, in one currency and
/// period.
public struct BudgetReport: Hashable, Sendable, Codable {
    public var bookVersion: String
    public var currency: String
    public var period: BudgetPeriod
    public var rate: BudgetRate
    /// As-of date of the exchange rates used (irrelevant for USD).
    public var exchangeRatesAsOf: String
    /// Sum of priced lines; a lower bound when `unpricedLineCount` > 0.
    public var total: Double
    public var unpricedLineCount: Int
    public var unpricedComponentCount: Int
    public var assumptionLineCount: Int
    public var components: [Component]
    /// Roll-ups keyed by level (`service`, `subnet`, `vpc`, `region`, `account`).
    public var rollups: [String: [RollupRow]]
    /// The estimate beside a connected account's actual cost of its last full month, when asked for.
    public var actual: CostComparison?
    /// Why `actual` is missing although it was asked for (Cost Explorer denied or unreachable).
    public var actualUnavailable: String?

    /// One component with its cost in the report's currency and period.
    public struct Component: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var type: String
        public var region: String
        public var count: Int
        /// `nil` when any line is unpriced.
        public var cost: Double?
        /// Priced part only.
        public var pricedCost: Double
        public var lines: [Line]
    }

    /// One cost line in the report's currency and period.
    public struct Line: Hashable, Sendable, Codable {
        public var item: String
        public var priceKey: String
        public var unit: String
        public var quantity: Double
        public var quantitySource: String
        public var assumption: Bool
        /// Per unit, converted to the report's currency; `nil` = unpriced.
        public var unitPrice: Double?
        public var cost: Double?
        public var upfrontAmortized: Bool
        public var provenance: String
        /// Where the unit price came from and as of when (empty when unpriced).
        public var priceSource: String
        public var priceAsOf: String
        public var note: String
        /// The node field that sets this line's quantity (`mRequests`, `dataGb`), when a person may change it,
        /// and its value now (assumed or set), in the field's own unit.
        public var usageKey: String?
        public var usageValue: Double?
    }

    /// Builds the report of `budget`.
    public init(budget: Budget, options: BudgetExportOptions, rates: ExchangeRates) throws {
        guard let perUSD = rates.convert(1, to: options.currency) else {
            throw BudgetExportError.invalid("no exchange rate for \(options.currency) in the table of \(rates.asOf)")
        }
        let factor = options.period.factor()
        let scale = factor * perUSD
        bookVersion = budget.bookVersion
        currency = options.currency
        period = options.period
        rate = options.rate
        exchangeRatesAsOf = options.currency == "USD" ? "" : rates.asOf
        total = budget.total(rate: options.rate) * scale
        unpricedLineCount = budget.unpricedLineCount
        unpricedComponentCount = budget.unpricedComponentCount
        assumptionLineCount = budget.assumptionLineCount
        components = budget.components.map { cost in
            let priced = cost.monthly(rate: options.rate) * scale
            return Component(
                id: cost.component.id, name: cost.component.name, type: cost.component.type.rawValue,
                region: cost.component.region, count: cost.component.count,
                cost: cost.unpricedLineCount > 0 ? nil : priced, pricedCost: priced,
                lines: cost.lines.map { line in
                    let usage = line.quantitySource.usageField(of: cost.component)
                    return Line(
                        item: line.item, priceKey: line.priceKey.description, unit: line.unit,
                        quantity: line.quantity * factor, quantitySource: line.quantitySource.description,
                        assumption: line.isAssumption, unitPrice: line.unitPrice.map { $0 * perUSD },
                        cost: line.monthlyCost(rate: options.rate).map { $0 * scale },
                        upfrontAmortized: line.isAmortizedUpfront, provenance: line.provenance,
                        priceSource: line.priceSource, priceAsOf: line.priceAsOf, note: line.note,
                        usageKey: usage?.key, usageValue: usage?.value)
                })
        }
        var rollups: [String: [RollupRow]] = [:]
        for level in RollupLevel.allCases where level != .component {
            rollups[level.rawValue] = budget.rollup(by: level, rate: options.rate).map { row in
                var converted = row
                converted.monthlyCost = row.monthlyCost * scale
                return converted
            }
        }
        self.rollups = rollups
    }

    /// The report as JSON with sorted keys (deterministic bytes).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}

/// The library calls behind `GET /blueprint/{id}/budget/{csv|xlsx}` and the UI's JSON budget.
public struct BudgetExporter: Sendable {
    public var rates: ExchangeRates

    /// An exporter using `rates` (the bundled table unless the operator replaced it).
    public init(rates: ExchangeRates) {
        self.rates = rates
    }

    /// Parses the route's query values; throws a message fit for a 400.
    public func options(currency: String?, period: String?, rate: String?) throws -> BudgetExportOptions {
        try BudgetExportOptions(currency: currency, period: period, rate: rate, rates: rates)
    }

    /// CSV with the API.md header verbatim.
    public func csv(_ budget: Budget, options: BudgetExportOptions = BudgetExportOptions()) throws -> String {
        try BudgetTable(budget: budget, options: options, rates: rates).csv()
    }

    /// An XLSX workbook: one sheet, the CSV's header and rows, typed cells.
    public func xlsx(_ budget: Budget, options: BudgetExportOptions = BudgetExportOptions()) throws -> Data {
        let table = try BudgetTable(budget: budget, options: options, rates: rates)
        return try XLSXWriter.workbook(sheetName: "Budget", header: BudgetTable.columns, rows: table.rows)
    }

    /// The JSON report for the UI; with `actual`, the estimate beside it per service in the same currency and period.
    public func report(
        _ budget: Budget, options: BudgetExportOptions = BudgetExportOptions(), actual: ActualCosts? = nil
    ) throws -> BudgetReport {
        var report = try BudgetReport(budget: budget, options: options, rates: rates)
        if let actual, let perUSD = rates.convert(1, to: options.currency) {
            report.actual = CostComparison(budget: budget, actual: actual, rate: options.rate)
                .scaled(by: perUSD * options.period.factor(), currency: options.currency)
        }
        return report
    }
}

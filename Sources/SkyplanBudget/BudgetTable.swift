import SkyplanModel

/// A cell of the exported budget table: text, a number, or empty (unknown).
public enum BudgetCell: Hashable, Sendable {
    case text(String)
    case number(Double)
    case empty
}

/// The budget as the export table: the API.md header and one row per component, amounts converted to
/// the requested currency and period. A component with any unpriced line has empty `unitPrice` and
/// `cost` cells (never 0); the JSON report carries the line detail.
public struct BudgetTable: Hashable, Sendable {
    /// The budget CSV header: Cloudcraft's columns (API.md) verbatim and first, then Skyplan's (`account` last: the
    /// AWS account id of the component, for budgets of several accounts).
    public static let columns = cloudcraftColumns + ["priceSource", "priceAsOf", "account"]
    /// Cloudcraft's budget columns, verbatim and in order.
    public static let cloudcraftColumns = [
        "category", "type", "region", "count", "unitPrice", "cost", "instanceType", "instanceSize", "platform", "role",
        "engine", "storage", "dataGb", "snapshots", "volume", "iops", "memory", "mRequests", "computeDuration",
        "readUnits", "writeUnits", "readConsistency", "shards", "putUnits", "extendedRetention", "emailsOut",
        "requests", "notifications", "notificationType", "cache", "apiCalls", "tier", "instance",
    ]
    /// Configuration keys read for a column when the column's own key is absent.
    /// (Cloudcraft's EBS `volume` is the volume type and `storage` its size.)
    static let aliases = ["volume": "volumeType", "storage": "volumeSize"]

    public var rows: [[BudgetCell]]

    /// Builds the table of `budget` under `options` with `rates`.
    public init(budget: Budget, options: BudgetExportOptions, rates: ExchangeRates) throws {
        guard rates.convert(1, to: options.currency) != nil else {
            throw BudgetExportError.invalid("no exchange rate for \(options.currency) in the table of \(rates.asOf)")
        }
        let factor = options.period.factor()
        rows = budget.components.map { cost in
            let component = cost.component
            var row: [BudgetCell] = [
                .text(Self.categoryName(component.type.category)), .text(component.type.rawValue),
                .text(component.region),
                .number(Double(component.count)),
            ]
            if cost.unpricedLineCount > 0 {
                row += [.empty, .empty]
            } else {
                let total = rates.convert(cost.monthly(rate: options.rate) * factor, to: options.currency) ?? 0
                row += [.number(total / Double(component.count)), .number(total)]
            }
            for column in Self.cloudcraftColumns.dropFirst(6) {
                row.append(Self.cell(component.config[column] ?? Self.aliases[column].flatMap { component.config[$0] }))
            }
            // Where the prices came from and as of when, distinct over the component's priced lines.
            let priced = cost.lines.filter { !$0.isUnpriced }
            let sources = PriceQuote.distinct(priced.flatMap { $0.priceSource.split(separator: "; ").map(String.init) })
            let dates = PriceQuote.distinct(priced.flatMap { $0.priceAsOf.split(separator: "; ").map(String.init) })
            row += [sources.isEmpty ? .empty : .text(sources), dates.isEmpty ? .empty : .text(dates)]
            row.append(component.container.account.flatMap { $0.isEmpty ? nil : BudgetCell.text($0) } ?? .empty)
            return row
        }
    }

    static func cell(_ value: JSONValue?) -> BudgetCell {
        switch value {
        case .string(let text)?: .text(text)
        case .number(let number)?: .number(number)
        case .bool(let flag)?: .text(flag ? "true" : "false")
        default: .empty
        }
    }

    /// Display name of a category (`Compute`, `Application Integration`).
    static func categoryName(_ category: ComponentCategory) -> String {
        switch category {
        case .compute: "Compute"
        case .storage: "Storage"
        case .database: "Database"
        case .networking: "Networking"
        case .applicationIntegration: "Application Integration"
        case .security: "Security"
        case .management: "Management"
        case .analytics: "Analytics"
        }
    }

    /// The table as CSV: header line then one line per row, `\n` line ends, amounts to 4 decimals.
    public func csv() -> String {
        var out = Self.columns.joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { cell -> String in
                switch cell {
                case .text(let text): CSVFields.escape(text)
                case .number(let number): Self.numberText(number)
                case .empty: ""
                }
            }.joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// Deterministic number text: integers plain, others to at most 4 decimals.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = BudgetFormat.money(value, digits: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

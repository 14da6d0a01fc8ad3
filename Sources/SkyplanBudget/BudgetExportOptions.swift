/// A budget period: Cloudcraft's `h`, `d`, `w`, `m`, `y`.
public enum BudgetPeriod: String, Sendable, Codable, CaseIterable {
    case hour = "h", day = "d", week = "w", month = "m", year = "y"

    /// Hours in the period (a month is 730 h, a year 12 months).
    public var hours: Double {
        switch self {
        case .hour: 1
        case .day: 24
        case .week: 168
        case .month: 730
        case .year: 8760
        }
    }

    /// Multiplier from a monthly amount (730 h) to this period.
    public func factor(hoursPerMonth: Double = 730) -> Double {
        self == .month ? 1 : self == .year ? 12 : hours / hoursPerMonth
    }
}

/// How a budget is exported: currency, period and rate, as the budget route's query parameters.
public struct BudgetExportOptions: Hashable, Sendable, Codable {
    public var currency: String
    public var period: BudgetPeriod
    public var rate: BudgetRate

    /// Options with Cloudcraft's defaults (USD, monthly, effective).
    public init(currency: String = "USD", period: BudgetPeriod = .month, rate: BudgetRate = .effective) {
        self.currency = currency
        self.period = period
        self.rate = rate
    }

    /// Options from the route's raw query values (`nil` = default); throws a message for a 400.
    public init(currency: String?, period: String?, rate: String?, rates: ExchangeRates) throws {
        let code = currency ?? "USD"
        guard let known = rates.currency(code), ExchangeRates.budgetCurrencies.contains(known) || known == "USD" else {
            throw BudgetExportError.invalid(
                "currency \(code) is not supported; use one of \(ExchangeRates.budgetCurrencies.joined(separator: ", "))"
            )
        }
        guard let parsedPeriod = BudgetPeriod(rawValue: period ?? "m") else {
            throw BudgetExportError.invalid("period \(period ?? "") is not one of h, d, w, m, y")
        }
        guard let parsedRate = BudgetRate(rawValue: rate ?? "effective") else {
            throw BudgetExportError.invalid("rate \(rate ?? "") is not one of effective, stated")
        }
        self.init(currency: known, period: parsedPeriod, rate: parsedRate)
    }
}

/// Why a budget could not be exported (bad option, missing table, archive failure).
public struct BudgetExportError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable { case invalid(String), archive(String) }
    private let kind: Kind

    static func invalid(_ message: String) -> Self { Self(kind: .invalid(message)) }
    static func archive(_ message: String) -> Self { Self(kind: .archive(message)) }

    public var description: String {
        switch kind {
        case .invalid(let message): message
        case .archive(let message): "could not write the XLSX workbook: \(message)"
        }
    }
}

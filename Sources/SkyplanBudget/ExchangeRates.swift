import Foundation

/// A dated exchange-rate table (units of each currency per one unit of a base currency) that the
/// operator can replace. Converts USD list prices into the 12 Cloudcraft budget currencies.
public struct ExchangeRates: Hashable, Sendable, Codable {
    /// The 12 currencies of Cloudcraft's budget export (its API reference spells DKK as "CKK"; both
    /// are accepted).
    public static let budgetCurrencies = [
        "USD", "AUD", "CHF", "DKK", "EUR", "GBP", "HKD", "JPY", "NOK", "NZD", "SEK", "ZAR",
    ]

    /// The currency the rates are quoted against.
    public var base: String
    /// The date the rates are valid for.
    public var asOf: String
    /// Where the figures come from.
    public var source: String
    /// Units of a currency per one unit of `base`.
    public var perBase: [String: Double]

    /// Creates a table.
    public init(base: String, asOf: String, source: String, perBase: [String: Double]) {
        self.base = base
        self.asOf = asOf
        self.source = source
        self.perBase = perBase
        self.perBase[base] = 1
    }

    /// The table bundled with Skyplan.
    public static func bundled() throws -> ExchangeRates {
        guard
            let url = Bundle.module.url(forResource: "exchange-rates", withExtension: "csv", subdirectory: "Resources")
        else { throw BudgetExportError.invalid("the bundled resource exchange-rates.csv is missing") }
        return try load(from: url)
    }

    /// Reads a replacement table (same layout as the bundled `exchange-rates.csv`).
    public static func load(from url: URL) throws -> ExchangeRates {
        try parse(String(contentsOf: url, encoding: .utf8))
    }

    /// Parses table text.
    public static func parse(_ text: String) throws -> ExchangeRates {
        var base = "", asOf = "", source = ""
        var rates: [String: Double] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let fields = CSVFields.split(String(raw))
            guard fields.count >= 2 else { continue }
            switch fields[0] {
            case "#base": base = fields[1]
            case "#asOf": asOf = fields[1]
            case "#source": source = fields[1]
            case "currency": continue
            case let code where !code.hasPrefix("#"):
                guard let rate = Double(fields[1]), rate > 0 else {
                    throw BudgetExportError.invalid("exchange rate for \(code) is not a positive number: \(fields[1])")
                }
                rates[code.uppercased()] = rate
            default: continue
            }
        }
        guard !base.isEmpty, !asOf.isEmpty else {
            throw BudgetExportError.invalid("exchange-rate table needs #base and #asOf lines")
        }
        return ExchangeRates(base: base, asOf: asOf, source: source, perBase: rates)
    }

    /// The canonical code for `code` (`ckk` → `DKK`), or `nil` when the table has no rate for it.
    public func currency(_ code: String) -> String? {
        let upper = code.uppercased() == "CKK" ? "DKK" : code.uppercased()
        return perBase[upper] == nil ? nil : upper
    }

    /// Converts an amount from one currency to another; `nil` when either is missing.
    public func convert(_ amount: Double, from: String = "USD", to: String) -> Double? {
        guard let fromRate = perBase[from.uppercased()], let toRate = perBase[to.uppercased()] else { return nil }
        return amount / fromRate * toRate
    }
}

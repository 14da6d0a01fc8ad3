/// Number formatting shared by the cost model and exports: deterministic, no locale.
enum BudgetFormat {
    /// Shortest text for a number (`730`, `0.096`, `1.5`).
    static func number(_ value: Double) -> String {
        PriceBook.number(value)
    }

    /// Fixed decimals for money (`70.08`); `digits` 2 for currency amounts, more for unit prices.
    static func money(_ value: Double, digits: Int = 2) -> String {
        var formatted = String(format: "%.\(digits)f", value)
        if formatted.hasPrefix("-"), Double(formatted) == 0 { formatted.removeFirst() }
        return formatted
    }
}

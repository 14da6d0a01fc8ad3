import Foundation

/// A calendar month (UTC) as Cost Explorer asks for it: `[start, end)` in `yyyy-MM-dd`.
public struct CostMonth: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    /// Parses `yyyy-MM` (2000-01 to 2999-12); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (2000...2999).contains(year), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// The month `year`-`month`.
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The last month that has ended at `now` (UTC): the month before `now`'s.
    public static func lastFull(before now: Date) -> CostMonth {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month], from: now)
        return CostMonth(year: parts.year ?? 2000, month: parts.month ?? 1).previous
    }

    /// The month before.
    public var previous: CostMonth {
        month == 1 ? CostMonth(year: year - 1, month: 12) : .init(year: year, month: month - 1)
    }
    /// The month after.
    public var next: CostMonth {
        month == 12 ? CostMonth(year: year + 1, month: 1) : .init(year: year, month: month + 1)
    }
    /// True when the month has ended at `now`.
    public func hasEnded(at now: Date) -> Bool { self <= Self.lastFull(before: now) }

    /// `yyyy-MM`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    /// The first day, `yyyy-MM-01`.
    public var start: String { "\(self)-01" }
    /// The first day of the next month (Cost Explorer's end is exclusive).
    public var end: String { "\(next)-01" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = CostMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not yyyy-MM"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CostMonth: Comparable {
    public static func < (lhs: CostMonth, rhs: CostMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

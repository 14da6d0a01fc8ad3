import Foundation

/// Dates at rest: whole milliseconds since 1970 in a BIGINT column, on both engines.
///
/// Every date goes through ``round(_:)`` (record initialisers) or ``value(_:)`` (writes), and every read
/// comes back through ``date(_:)``, so a record read back equals the record written.
enum Millis {
    /// Milliseconds since 1970, rounded to the nearest millisecond.
    static func value(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date for a stored millisecond value.
    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// `date` rounded to the nearest millisecond, exactly as it reads back from the store.
    static func round(_ date: Date) -> Date {
        Self.date(value(date))
    }

    /// `date` rounded to the nearest millisecond, keeping `nil`.
    static func round(_ date: Date?) -> Date? {
        date.map { Self.date(value($0)) }
    }

    /// Milliseconds since 1970, keeping `nil`.
    static func value(_ date: Date?) -> Int64? {
        date.map { value($0) }
    }
}

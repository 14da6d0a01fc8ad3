import Foundation

/// An error from the store, with a one-line message a person can act on.
///
/// Match on the kind with `catch StoreError.notFound`, `catch StoreError.conflict`, `catch StoreError.stale`
/// (or compare ``code``); ``description`` is the message to show or log.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// The database URL could not be parsed.
        case badURL
        /// The SQLite file could not be opened (missing directory, not a database, no permission).
        case cannotOpen
        /// The PostgreSQL server could not be reached or refused the login.
        case unreachable
        /// The record does not exist.
        case notFound
        /// A unique value (email, key hash, ...) is already taken.
        case conflict
        /// The record changed since the version the caller read (etag mismatch).
        case stale
        /// Any other database failure.
        case database
    }

    /// The kind of failure.
    public let code: Code
    /// The one-line message.
    public let message: String

    /// The one-line message.
    public var description: String { message }

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A record that does not exist, for `catch StoreError.notFound`.
    public static let notFound = StoreError(.notFound, "not found")
    /// A unique value already taken, for `catch StoreError.conflict`.
    public static let conflict = StoreError(.conflict, "already exists")
    /// An etag mismatch, for `catch StoreError.stale`.
    public static let stale = StoreError(.stale, "the record was changed by someone else; reload it and try again")

    /// The database URL `url` cannot be used, because of `reason`.
    public static func badURL(_ url: String, _ reason: String) -> StoreError {
        StoreError(.badURL, "bad database URL \"\(url)\": \(reason)")
    }

    /// The SQLite database `path` cannot be opened, because of `reason`.
    public static func cannotOpen(sqlite path: String, _ reason: String) -> StoreError {
        StoreError(.cannotOpen, "cannot open sqlite:\(path): \(reason)")
    }

    /// The PostgreSQL server at `host:port` cannot be reached or used, because of `reason`.
    public static func unreachable(host: String, port: Int, _ reason: String) -> StoreError {
        StoreError(.unreachable, "cannot reach PostgreSQL at \(host):\(port): \(reason)")
    }

    /// The record described by `what` (for example "team 1b4e...") does not exist.
    public static func notFound(_ what: String) -> StoreError {
        StoreError(.notFound, "\(what) not found")
    }

    /// The value described by `what` (for example "email a@b.c") is already taken.
    public static func conflict(_ what: String) -> StoreError {
        StoreError(.conflict, "\(what) already exists")
    }

    /// The record described by `what` changed since version `expected` was read.
    public static func stale(_ what: String, expected: UUID) -> StoreError {
        StoreError(
            .stale,
            "\(what) was changed by someone else since version \(expected.uuidString.lowercased()); reload it and try again"
        )
    }

    /// Any other database failure, described by `reason`.
    public static func database(_ reason: String) -> StoreError {
        StoreError(.database, "database error: \(reason)")
    }

    /// Two store errors are equal when they are of the same ``code`` (so `#expect(throws: StoreError.stale)` works).
    public static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code
    }

    /// Whether `error` is a ``StoreError`` of the same ``code`` as `pattern` (for `catch StoreError.notFound`).
    public static func ~= (pattern: StoreError, error: any Error) -> Bool {
        (error as? StoreError)?.code == pattern.code
    }
}

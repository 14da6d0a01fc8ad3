import Foundation

/// Where the store lives: an SQLite file, an in-memory SQLite database, or a PostgreSQL server.
///
/// Parsed from `sqlite:PATH` (with an optional `?synchronous=normal|full`, see ``SQLiteSynchronous``),
/// `sqlite::memory:` or `postgres://user:password@host:port/database`
/// (`postgresql://` too) with libpq's `sslmode` and `sslrootcert` (see ``PostgresTLS``).
/// ``description`` never shows the password.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file (created if missing).
    case sqlite(path: String, synchronous: SQLiteSynchronous = .normal)
    /// A private in-memory SQLite database, gone when the store closes.
    case sqliteMemory
    /// A PostgreSQL server.
    case postgres(
        host: String, port: Int, user: String, password: String?, database: String, tls: PostgresTLS = .prefer)

    private static let expected =
        "expected sqlite:PATH, sqlite::memory: or postgres://user:password@host:port/database"

    /// Parses a database URL, throwing a ``StoreError`` whose message says what is wrong.
    public init(parsing string: String) throws(StoreError) {
        let text = string.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        if lower == "sqlite::memory:" || lower == "sqlite://:memory:" {
            self = .sqliteMemory
        } else if lower.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            var synchronous = SQLiteSynchronous.normal
            if let question = path.lastIndex(of: "?") {
                synchronous = try Self.parseSQLiteQuery(path[path.index(after: question)...], original: string)
                path = String(path[..<question])
            }
            guard !path.isEmpty else { throw .badURL(string, "the SQLite file path is empty; \(Self.expected)") }
            self = .sqlite(path: path, synchronous: synchronous)
        } else if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = try Self.parsePostgres(text, original: Self.redacted(string))
        } else {
            throw .badURL(Self.redacted(string), Self.expected)
        }
    }

    /// `synchronous=normal|full`, the only query parameter an SQLite URL takes.
    private static func parseSQLiteQuery(_ query: Substring, original: String) throws(StoreError)
        -> SQLiteSynchronous
    {
        let choices = SQLiteSynchronous.allCases.map(\.rawValue).joined(separator: " or ")
        let parts = query.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, parts[0] == "synchronous" else {
            throw .badURL(original, "an SQLite URL takes only ?synchronous=\(choices)")
        }
        guard let value = SQLiteSynchronous(rawValue: parts[1].lowercased()) else {
            throw .badURL(original, "synchronous must be \(choices), not \"\(parts[1])\"")
        }
        return value
    }

    private static func parsePostgres(_ text: String, original: String) throws(StoreError) -> DatabaseURL {
        guard let components = URLComponents(string: text) else {
            throw .badURL(original, "not a valid URL (percent-encode special characters in the password); \(expected)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .badURL(original, "the host is missing; \(expected)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .badURL(original, "the user name is missing; \(expected)")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .badURL(original, "port \(port) is out of range") }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        if database.isEmpty { database = user }
        guard !database.contains("/") else { throw .badURL(original, "the database name cannot contain \"/\"") }
        var tls = PostgresTLS()
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(PostgresTLS.Mode.init(rawValue:)) else {
                    let modes = PostgresTLS.Mode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .badURL(original, "sslmode must be one of \(modes)")
                }
                tls.mode = mode
            case "sslrootcert":
                guard let path = item.value, !path.isEmpty else { throw .badURL(original, "sslrootcert needs a path") }
                tls.rootCertificatePath = path
            default:
                throw .badURL(
                    original, "the query parameter \(item.name) is not supported (only sslmode and sslrootcert)")
            }
        }
        let password = components.password.map { $0.removingPercentEncoding ?? $0 }
        return .postgres(
            host: host, port: port, user: user.removingPercentEncoding ?? user, password: password,
            database: database.removingPercentEncoding ?? database, tls: tls)
    }

    /// The URL with any password replaced by `***`.
    private static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", options: .backwards),
            scheme.upperBound <= at.lowerBound
        else { return url }
        let userInfo = url[scheme.upperBound..<at.lowerBound]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<userInfo.index(after: colon)]) + "***" + String(url[at.lowerBound...])
    }

    /// The engine name: `sqlite` or `postgres`.
    public var engine: String {
        switch self {
        case .sqlite, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// The URL, with the password (if any) replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path, let synchronous):
            "sqlite:\(path)" + (synchronous == .normal ? "" : "?synchronous=\(synchronous.rawValue)")
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let host, let port, let user, let password, let database, let tls):
            "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
                + (tls == .prefer ? "" : "?\(tls)")
        }
    }
}

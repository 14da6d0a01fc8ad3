import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// Skyplan's persistence: one schema on SQLite (default) or PostgreSQL (several replicas).
///
/// Open with ``open(_:logger:)``, then ``migrate()`` once at start. Every method is safe to call from
/// concurrent tasks. Errors are ``StoreError``s with one-line messages.
public final class Store: Sendable {
    let backend: any StoreBackend
    let logger: Logger
    /// ``blueprints()`` as of the last change counter read.
    let blueprintList = NIOLockedValueBox(BlueprintListCache())
    /// What API keys and sessions resolve to, as of an `access` counter value.
    let grants = NIOLockedValueBox(Grants())
    /// The change counters, one query for all who ask at once.
    private let counterReads = FreshRead<ChangeCounters>()
    /// Brings ``blueprintList`` up to date, one refresh for all who ask at once.
    let listRefreshes = FreshRead<Void>()

    private init(backend: any StoreBackend, logger: Logger) {
        self.backend = backend
        self.logger = logger
    }

    /// Connects to the database at `url`; does not migrate.
    ///
    /// A bad SQLite file (not a database, corrupt, a directory) or an unreachable PostgreSQL server fails
    /// here with a one-line ``StoreError``; a corrupt file is only read, never written.
    public static func open(_ url: DatabaseURL, logger: Logger) async throws -> Store {
        let logger = driverLogger(logger)
        let backend: any StoreBackend
        switch url {
        case .sqlite(let path, let synchronous):
            backend = try await SQLiteBackend.open(path: path, synchronous: synchronous, logger: logger)
        case .sqliteMemory:
            backend = try await SQLiteBackend.open(path: nil, synchronous: .normal, logger: logger)
        case .postgres(let host, let port, let user, let password, let database, let tls):
            backend = try await PostgresBackend.open(
                host: host, port: port, user: user, password: password, database: database, tls: tls, logger: logger)
        }
        logger.debug("store opened", metadata: ["store.url": "\(url)"])
        return Store(backend: backend, logger: logger)
    }

    /// The logger the database drivers get: never below `debug`. The drivers log bound parameters and rows
    /// (password hashes, session and CSRF tokens, key hashes) at `trace`; and every query runs with
    /// `queryLogLevel: nil`, so SQLKit does not log its parameters at `debug` either.
    static func driverLogger(_ logger: Logger) -> Logger {
        var logger = logger
        if logger.logLevel < .debug { logger.logLevel = .debug }
        return logger
    }

    /// Applies the migrations not yet applied, each in a transaction; a no-op when up to date.
    public func migrate() async throws {
        let applied: [String]
        do {
            applied = try await Migrations.run(on: backend, now: Date())
        } catch {
            throw backend.storeError(error)
        }
        for id in applied { logger.info("applied migration", metadata: ["store.migration": "\(id)"]) }
        // A newer Skyplan (e.g. mid rolling upgrade) may have migrated further; its migrations only add.
        let known = Set(Migrations.all.map(\.id))
        for id in try await appliedMigrations() where !known.contains(id) {
            logger.warning(
                "the database has a migration this Skyplan does not know; upgrade Skyplan",
                metadata: ["store.migration": "\(id)"])
        }
    }

    /// The ids of the applied migrations, in order.
    public func appliedMigrations() async throws -> [String] {
        try await read { database in
            try await database.raw("SELECT id FROM skyplan_migrations ORDER BY id").all()
                .map { try StoreRow(row: $0).string("id") }
        }
    }

    /// Checks that the database answers (for `/health`).
    public func ping() async throws {
        try await read { database in _ = try await database.raw("SELECT 1 AS one").all() }
    }

    /// Closes the connection(s); later calls fail.
    public func close() async throws {
        do {
            try await backend.close()
        } catch {
            throw backend.storeError(error)
        }
    }

    /// The TLS version protecting the connection to the database (`TLSv1.3`), nil when it is not
    /// encrypted or is a local file.
    public func encryption() async throws -> String? {
        guard engine == "postgres" else { return nil }
        return try await read { database in
            try await database.raw("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl").first()
                .map { try StoreRow(row: $0).string("version") }
        }
    }

    /// The change counters as of now: the request's (``withChangeCounters(_:)``) if it read them within the last
    /// second, else read fresh (one query shared with everyone asking at the same time).
    public func changeCounters() async throws -> ChangeCounters {
        if let request = ChangeCounters.ofRequest, request.store == ObjectIdentifier(self),
            request.readAt.duration(to: .now) < ChangeCounters.requestLifetime
        {
            return request.counters
        }
        return try await freshCounters()
    }

    /// The change counters as read by a query that started after this call (shared with concurrent callers).
    func freshCounters() async throws -> ChangeCounters {
        try await counterReads.value { [backend] in
            do {
                return try await backend.withDatabase(Self.readChangeCounters)
            } catch {
                throw backend.storeError(error)
            }
        }
    }

    /// Runs `body` (a request) with the change counters read once: the store's reads in it are current as of
    /// the moment it started, and answer from the caches when nothing changed since.
    public func withChangeCounters<T>(_ body: () async throws -> T) async throws -> T {
        let counters = try await freshCounters()
        return try await ChangeCounters.$ofRequest.withValue((ObjectIdentifier(self), counters, .now)) {
            try await body()
        }
    }

    @Sendable private static func readChangeCounters(_ database: any SQLDatabase) async throws -> ChangeCounters {
        var blueprints: Int64?
        var access: Int64?
        for row in try await database.raw("SELECT name, seq FROM skyplan_changes").all() {
            let row = StoreRow(row: row)
            switch try row.string("name") {
            case "blueprints": blueprints = try row.row.decode(column: "seq", as: Int64.self)
            case "access": access = try row.row.decode(column: "seq", as: Int64.self)
            default: break
            }
        }
        guard let blueprints, let access else {
            throw StoreError.database("the skyplan_changes table lacks a counter; run the migrations")
        }
        return ChangeCounters(blueprints: blueprints, access: access)
    }

    /// Increments change counter `name` inside a write's transaction; the new value.
    static func countChange(_ name: String, _ database: any SQLDatabase) async throws -> Int64 {
        let row = try await database.raw(
            "UPDATE skyplan_changes SET seq = seq + 1 WHERE name = \(bind: name) RETURNING seq"
        ).first()
        guard let row else { throw StoreError.database("the skyplan_changes table has no \(name) row") }
        return try row.decode(column: "seq", as: Int64.self)
    }

    /// Runs `body` in one transaction that also counts an access change (users, teams, memberships, keys,
    /// sessions), so every replica's ``AccessCache`` sees it.
    func writeAccess<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await write { database in
            let result = try await body(database)
            _ = try await Self.countChange("access", database)
            return result
        }
    }

    /// The engine: `sqlite` or `postgres`.
    public var engine: String { backend.engine }

    /// Runs `body` outside a transaction, turning driver errors into ``StoreError``s.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await backend.withDatabase(body)
        } catch {
            throw backend.storeError(error)
        }
    }

    /// Runs `body` in one transaction, turning driver errors into ``StoreError``s.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await backend.transaction(body)
        } catch {
            throw backend.storeError(error)
        }
    }

    /// Runs a statement that returns the affected rows' `returned` column (`... RETURNING x`), throwing
    /// ``StoreError/notFound(_:)`` with `what` when no row was affected.
    func requireRow(
        _ database: any SQLDatabase, _ query: SQLQueryString, notFound what: String
    ) async throws {
        if try await database.raw(query).all().isEmpty { throw StoreError.notFound(what) }
    }
}

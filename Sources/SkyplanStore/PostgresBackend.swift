import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// The PostgreSQL engine: a small pool of connections shared by all tasks.
///
/// `@unchecked Sendable`: async-kit's pool is not marked `Sendable`, but it guards its state with a lock
/// and each per-loop pool runs on its event loop, so it is safe to share; all other properties are `let` values.
final class PostgresBackend: StoreBackend, @unchecked Sendable {
    let engine = "postgres"
    private let pool: EventLoopGroupConnectionPool<RetainedPostgresSource>
    private let logger: Logger
    private let host: String
    private let port: Int
    private let closed = NIOLockedValueBox(false)

    /// Connections per event loop (one loop per core). A request holds a connection for each statement's round
    /// trip; with 2 per loop (4 on two cores) 50 concurrent clients queued for one. 8 per loop (16 on two cores)
    /// keeps a few replicas well under PostgreSQL's default of 100 connections.
    static let connectionsPerEventLoop = 8

    private init(pool: EventLoopGroupConnectionPool<RetainedPostgresSource>, logger: Logger, host: String, port: Int) {
        self.pool = pool
        self.logger = logger
        self.host = host
        self.port = port
    }

    /// Creates the pool and makes one connection, so an unreachable server or a bad login fails here.
    static func open(
        host: String, port: Int, user: String, password: String?, database: String, tls: PostgresTLS,
        logger: Logger
    ) async throws -> PostgresBackend {
        let configuration = SQLPostgresConfiguration(
            hostname: host, port: port, username: user, password: password, database: database,
            tls: try tls.connectionTLS())
        let pool = EventLoopGroupConnectionPool(
            source: RetainedPostgresSource(base: PostgresConnectionSource(sqlConfiguration: configuration)),
            maxConnectionsPerEventLoop: connectionsPerEventLoop,
            requestTimeout: .seconds(10),
            pruneInterval: .seconds(60),
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton)
        let backend = PostgresBackend(pool: pool, logger: logger, host: host, port: port)
        do {
            _ = try await backend.withDatabase { try await $0.raw("SELECT 1 AS one").all() }
        } catch {
            try? await pool.shutdownAsync()
            throw StoreError.unreachable(host: host, port: port, reason(error, user: user, database: database))
        }
        return backend
    }

    func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection.sql(queryLogLevel: nil))
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        let database = connection.sql(queryLogLevel: nil)
        try await database.raw("BEGIN").run()
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            do {
                try await database.raw("ROLLBACK").run()
            } catch {
                // A connection stuck inside a transaction must not go back to the pool: close it,
                // and the pool replaces it.
                try? await connection.close().get()
            }
            throw error
        }
    }

    func lockForMigration(_ database: any SQLDatabase) async throws {
        // Replicas starting together migrate one after the other; the lock ends with the transaction.
        _ = try await database.raw("SELECT pg_advisory_xact_lock(7536117) AS locked").all()
    }

    func close() async throws {
        let wasClosed = closed.withLockedValue { closed in
            defer { closed = true }
            return closed
        }
        if !wasClosed { try await pool.shutdownAsync() }
    }

    func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return .database(String(describing: error))
        }
        let message = error.serverInfo?[.message] ?? String(reflecting: error)
        switch error.serverInfo?[.sqlState] {
        case "23505": return .conflict(ConstraintNames.describe(error.serverInfo?[.constraintName] ?? message))
        case "23503": return .notFound("a referenced record (\(message))")
        default:
            if error.code == .connectionError || error.code == .uncleanShutdown {
                return .unreachable(host: host, port: port, Self.reason(error, user: "", database: ""))
            }
            return .database(message)
        }
    }

    /// Why a connection failed, in words: refused, unknown host, bad login, missing database.
    static func reason(_ error: any Error, user: String, database: String) -> String {
        if let error = error as? PSQLError {
            if error.code == .sslUnsupported {
                return "the server does not offer TLS; enable ssl on the server or use sslmode=prefer or disable"
            }
            switch error.serverInfo?[.sqlState] {
            case "28P01", "28000": return "authentication failed for user \(user)"
            case "3D000": return "database \(database) does not exist"
            default:
                if let message = error.serverInfo?[.message] { return message }
            }
            if let underlying = error.underlying { return reason(underlying, user: user, database: database) }
        }
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("refused") { return "connection refused" }
        if lower.contains("certificate_verify_failed") {
            return "TLS: the server's certificate was not accepted (not signed by a trusted authority, or not for "
                + "this host name); check sslrootcert and the host in the URL"
        }
        if lower.contains("handshake") { return "TLS handshake failed: \(text)" }
        if lower.contains("timed out") || lower.contains("timeout") { return "connection timed out" }
        if lower.contains("resolve") || lower.contains("nodename") || lower.contains("lookup") {
            return "host not found"
        }
        return text
    }
}

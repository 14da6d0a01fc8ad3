import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit
import SQLiteKit

/// The SQLite engine: one write connection, used by one task at a time (see ``AsyncLock``), on a thread of its
/// own; and, for a file (WAL mode), a few read-only connections (``SQLiteReaders``) that serve plain reads side
/// by side, so a read never queues behind another request's statements or a write's commit.
///
/// The own thread matters when SQLite waits: a statement that waits for another connection's write lock
/// (the CLI writing to the server's file) blocks its thread for up to the busy timeout. On the process-wide
/// thread pool (two threads on a two-core machine) two such waits would starve every other store and file
/// read in the process, including the connection holding the lock — a deadlock until the timeout.
final class SQLiteBackend: StoreBackend {
    let engine = "sqlite"
    private let connection: SQLiteConnection
    private let thread: NIOThreadPool
    private let lock = AsyncLock()
    private let closed = NIOLockedValueBox(false)
    private let logger: Logger
    /// Read-only connections; nil in memory (each connection would be a database of its own).
    private let readers: SQLiteReaders?

    /// How many read-only connections a file gets: enough to keep every core busy while one waits on I/O.
    static let readerCount = max(2, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))

    private init(connection: SQLiteConnection, thread: NIOThreadPool, readers: SQLiteReaders?, logger: Logger) {
        self.connection = connection
        self.thread = thread
        self.readers = readers
        self.logger = logger
    }

    /// Opens the database at `path` (`nil`: in memory) and checks, read-only, that it is a database
    /// before anything writes to it, so a corrupt or foreign file is never modified.
    static func open(path: String?, synchronous: SQLiteSynchronous, logger: Logger) async throws -> SQLiteBackend {
        let shown = path ?? ":memory:"
        if let path {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw StoreError.cannotOpen(sqlite: path, "it is a directory, not a file")
            }
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !FileManager.default.fileExists(atPath: parent) {
                throw StoreError.cannotOpen(sqlite: path, "the directory \(parent) does not exist")
            }
        }
        let isNew = path.map { !FileManager.default.fileExists(atPath: $0) } ?? false
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: path.map { .file(path: $0) } ?? .memory, threadPool: thread, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw StoreError.cannotOpen(sqlite: shown, Self.reason(error))
        }
        do {
            // Reads the schema: fails with "file is not a database" on a foreign or corrupt file.
            let tables = try await connection.sql().raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            if !tables.isEmpty, !tables.contains("skyplan_migrations") {
                // Another program's database: migrating would write Skyplan's tables into it.
                await Self.release(connection, thread)
                throw StoreError.cannotOpen(
                    sqlite: shown, "it is another program's SQLite database (no skyplan_migrations table)")
            }
            let check = try await connection.sql().raw("PRAGMA quick_check").first()
            let verdict = try check?.decode(column: "quick_check", as: String.self) ?? "ok"
            guard verdict == "ok" else {
                await Self.release(connection, thread)
                throw StoreError.cannotOpen(sqlite: shown, "the database file is corrupt (\(verdict))")
            }
            try await connection.sql().raw("PRAGMA foreign_keys = ON").run()
            if path != nil {
                // WAL lets the CLI read and write while a server runs on the same file.
                _ = try await connection.sql().raw("PRAGMA journal_mode = WAL").all()
                try await connection.sql().raw("PRAGMA synchronous = \(unsafeRaw: synchronous.pragma)").run()
                try await connection.sql().raw("PRAGMA busy_timeout = 15000").run()
            }
        } catch let error as StoreError {
            throw error
        } catch {
            await Self.release(connection, thread)
            throw StoreError.cannotOpen(sqlite: shown, Self.reason(error))
        }
        if isNew, let path {
            // Password and key hashes live here: owner-only, like a key file. SQLite gives -wal/-shm the same mode.
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
        var readers: SQLiteReaders?
        if let path {
            do {
                readers = try await SQLiteReaders.open(path: path, count: readerCount, logger: logger)
            } catch {
                await Self.release(connection, thread)
                throw StoreError.cannotOpen(sqlite: shown, Self.reason(error))
            }
        }
        return SQLiteBackend(connection: connection, thread: thread, readers: readers, logger: logger)
    }

    /// Closes a connection that will not be used, then its thread.
    private static func release(_ connection: SQLiteConnection, _ thread: NIOThreadPool) async {
        try? await connection.close()
        try? await thread.shutdownGracefully()
    }

    func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let readers {
            try checkOpen()
            return try await readers.withDatabase(body)
        }
        return try await lock.withLock {
            try checkOpen()
            return try await body(connection.sql(queryLogLevel: nil).logging(to: logger))
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await lock.withLock {
            try checkOpen()
            // IMMEDIATE takes the write lock at once, so another process cannot interleave a write.
            return try await runTransaction(
                on: connection.sql(queryLogLevel: nil).logging(to: logger), begin: "BEGIN IMMEDIATE", body)
        }
    }

    func lockForMigration(_ database: any SQLDatabase) async throws {
        // BEGIN IMMEDIATE already holds the database's write lock.
    }

    func close() async throws {
        try await lock.withLock {
            let wasClosed = closed.withLockedValue { closed in
                defer { closed = true }
                return closed
            }
            if !wasClosed {
                defer { thread.shutdownGracefully { _ in } }
                await readers?.close()
                try await connection.close()
            }
        }
    }

    /// A store dropped without ``close()`` (a bug in the caller, or a task that threw between open and
    /// close) still releases its file: SQLite's handle must be closed, and a leaked one would stop the
    /// process (SQLiteNIO asserts on it). The close runs on the store's thread and keeps the connection alive
    /// until done; the thread stops after it.
    deinit {
        guard !closed.withLockedValue({ $0 }) else { return }
        logger.warning("an SQLite store was not closed before it was released; closing it now")
        readers?.closeInBackground()
        let thread = self.thread
        connection.close().whenComplete { _ in thread.shutdownGracefully { _ in } }
    }

    private func checkOpen() throws {
        if closed.withLockedValue({ $0 }) { throw StoreError.database("the store is closed") }
    }

    func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? SQLiteError else { return .database(String(describing: error)) }
        // Older SQLite builds report the basic `constraint` code; the message says which constraint.
        let unique = error.message.contains("UNIQUE constraint") || error.message.contains("PRIMARY KEY")
        let foreignKey = error.message.contains("FOREIGN KEY constraint")
        switch error.reason {
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
            return .conflict(ConstraintNames.describe(error.message))
        case .constraintForeignKeyFailed:
            return .notFound("a referenced record (\(error.message))")
        case .constraint where unique:
            return .conflict(ConstraintNames.describe(error.message))
        case .constraint where foreignKey:
            return .notFound("a referenced record (\(error.message))")
        default:
            return .database(Self.reason(error))
        }
    }

    /// The human part of an SQLite error ("file is not a database").
    static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError {
            switch error.reason {
            case .notADatabase: return "file is not a database"
            case .corrupt: return "the database file is corrupt"
            case .cantOpen: return "unable to open the file (check the path and permissions)"
            case .permission, .readOnly: return "permission denied (\(error.message))"
            default: return error.message
            }
        }
        return String(describing: error)
    }
}

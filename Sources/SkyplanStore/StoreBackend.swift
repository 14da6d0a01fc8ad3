import Foundation
import SQLKit

/// One database engine under the store: hands out an `SQLDatabase` for plain statements or a transaction.
protocol StoreBackend: Sendable {
    /// `sqlite` or `postgres`.
    var engine: String { get }
    /// Runs `body` with a database connection, outside any transaction.
    func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Serialises migrations across processes (an advisory lock on PostgreSQL); called inside a transaction.
    func lockForMigration(_ database: any SQLDatabase) async throws
    /// Closes the connection(s). Later calls fail.
    func close() async throws
    /// Turns a driver error into a ``StoreError``.
    func storeError(_ error: any Error) -> StoreError
}

extension StoreBackend {
    /// Runs `body` in a transaction on `database`, rolling back if it throws.
    func runTransaction<T: Sendable>(
        on database: any SQLDatabase, begin: String,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await database.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            // The transaction may already be gone (lost connection); the original error is what matters.
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }
}

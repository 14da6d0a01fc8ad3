import Foundation
import SQLKit
import Testing

@testable import SkyplanStore

@Suite("SQLite durability setting")
struct SQLiteSynchronousTests {
    /// The write connection runs with the `PRAGMA synchronous` the URL asked for (1 = NORMAL, 2 = FULL).
    @Test(arguments: [(SQLiteSynchronous.normal, 1), (.full, 2)])
    func theWriteConnectionUsesTheSetting(_ setting: SQLiteSynchronous, _ pragma: Int) async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let store = try await Store.open(.sqlite(path: path, synchronous: setting), logger: Support.logger)
        do {
            let value = try await store.write { database in
                try await database.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            }
            #expect(value == pragma)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }
}

import Foundation
import SQLKit

extension Store {
    /// Every table of the store with its columns, sorted: what is kept at rest, the same on both engines.
    ///
    /// For tests and the operator (`skyplan migrate` can print it); reads the engine's catalogue.
    public func schema() async throws -> [String: [String]] {
        let query: SQLQueryString =
            engine == "postgres"
            ? """
            SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
            WHERE table_schema = current_schema()
            """
            : """
            SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """
        let pairs = try await read { database in
            try await database.raw(query).all().map { row in
                let row = StoreRow(row: row)
                return (try row.string("t"), try row.string("c"))
            }
        }
        var tables: [String: [String]] = [:]
        for (table, column) in pairs { tables[table, default: []].append(column) }
        return tables.mapValues { $0.sorted() }
    }
}

import SQLKit

/// A row read through a column prefix: `decode(column: "id")` reads `key_id` with prefix `key_`, so one query can
/// select two records whose columns share names (`id`, `name`, ...) and each decoder keeps its own names.
struct PrefixedRow: SQLRow {
    let base: any SQLRow
    let prefix: String

    var allColumns: [String] {
        base.allColumns.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    func contains(column: String) -> Bool { base.contains(column: prefix + column) }

    func decodeNil(column: String) throws -> Bool { try base.decodeNil(column: prefix + column) }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try base.decode(column: prefix + column, as: type)
    }

    /// `t.a AS <prefix>a, t.b AS <prefix>b` for the comma-separated `columns` of the table aliased `table`.
    static func selectList(_ columns: String, of table: String, prefix: String) -> String {
        columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { "\(table).\($0) AS \(prefix)\($0)" }.joined(separator: ", ")
    }
}

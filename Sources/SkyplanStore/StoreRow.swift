import Foundation
import SQLKit
import SkyplanModel

/// Typed reads of one result row, in the store's encodings: UUIDs as text, dates as BIGINT
/// milliseconds, lists as JSON text, bytes as BLOB/BYTEA. A value that does not decode is a ``StoreError``.
struct StoreRow {
    let row: any SQLRow

    func string(_ column: String) throws -> String {
        try row.decode(column: column, as: String.self)
    }

    func optionalString(_ column: String) throws -> String? {
        try row.decodeNil(column: column) ? nil : string(column)
    }

    func int(_ column: String) throws -> Int {
        Int(try row.decode(column: column, as: Int64.self))
    }

    func uuid(_ column: String) throws -> UUID {
        let text = try string(column)
        guard let id = UUID(text: text) else {
            throw StoreError.database("column \(column) holds \"\(text)\", not a UUID")
        }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        try row.decodeNil(column: column) ? nil : uuid(column)
    }

    func date(_ column: String) throws -> Date {
        Millis.date(try row.decode(column: column, as: Int64.self))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try row.decodeNil(column: column) ? nil : date(column)
    }

    func data(_ column: String) throws -> Data {
        // SQLite hands a zero-length BLOB back as NULL.
        try row.decodeNil(column: column) ? Data() : row.decode(column: column, as: Data.self)
    }

    func optionalData(_ column: String) throws -> Data? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Data.self)
    }

    func list(_ column: String) throws -> [String]? {
        guard let text = try optionalString(column) else { return nil }
        if text == "[]" { return [] }
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StoreError.database("column \(column) holds \"\(text)\", not a JSON list of strings")
        }
    }

    func value<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(column)
        guard let value = E(rawValue: text) else {
            throw StoreError.database("column \(column) holds unknown value \"\(text)\"")
        }
        return value
    }
}

/// Encodings of values for binding, matching ``StoreRow``.
enum StoreValue {
    /// A UUID as lowercase text.
    static func id(_ id: UUID) -> String {
        id.lowercasedText
    }

    /// An optional UUID as lowercase text.
    static func id(_ id: UUID?) -> String? {
        id.map(\.lowercasedText)
    }

    /// A list as JSON text; `nil` stays NULL.
    static func list(_ list: [String]?) -> String? {
        guard let list else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(list)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }

    /// The key that makes emails unique ignoring case.
    static func emailKey(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

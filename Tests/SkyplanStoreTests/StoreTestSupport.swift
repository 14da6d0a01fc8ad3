import Foundation
import Logging
import SkyplanStore
import Testing

/// The engines the conformance suite runs on: SQLite always, PostgreSQL when `SKYPLAN_POSTGRES_URL` is set.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["SKYPLAN_POSTGRES_URL"]

    /// The engines available here.
    static let available: [Engine] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue }
}

enum StoreTestSupport {
    static let logger = Logger(label: "skyplan.store.tests")

    /// A fresh temporary SQLite path (the file does not exist yet).
    static func temporarySQLitePath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("skyplan-store-\(UUID().uuidString.lowercased()).sqlite").path
    }

    /// Removes an SQLite file and its WAL companions.
    static func removeSQLite(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens a migrated store on `engine` (SQLite on a new temporary file), runs `body`, closes it.
    /// Tests share the PostgreSQL database, so they only ever use fresh ids and emails.
    static func withStore(_ engine: Engine, _ body: (Store) async throws -> Void) async throws {
        switch engine {
        case .sqlite:
            let path = temporarySQLitePath()
            defer { removeSQLite(path) }
            let store = try await Store.open(.sqlite(path: path), logger: logger)
            try await run(store, body)
        case .postgres:
            let url = try DatabaseURL(parsing: Engine.postgresURL ?? "")
            let store = try await Store.open(url, logger: logger)
            try await run(store, body)
        }
    }

    private static func run(_ store: Store, _ body: (Store) async throws -> Void) async throws {
        do {
            try await store.migrate()
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    /// A fixed instant with sub-millisecond digits, to prove rounding.
    static let now = Date(timeIntervalSince1970: 1_790_000_000.123_456)

    /// A user with a fresh id, email and external ID.
    static func user(role: UserRecord.Role = .user, email: String? = nil) -> UserRecord {
        let id = UUID()
        return UserRecord(
            id: id, email: email ?? "User.\(id.uuidString.lowercased())@Example.com", name: "Ada Lovelace",
            role: role, passwordHash: "$2b$12$hash", externalID: UUID(), createdAt: now, updatedAt: now)
    }

    /// An account created by `creator`.
    static func account(creator: UUID, name: String = "Development") -> AccountRecord {
        AccountRecord(
            id: UUID(), name: name, roleARN: "arn:aws:iam::600111810075:role/skyplan", externalID: UUID(),
            region: "us-east-1", readAccess: nil, writeAccess: ["team/\(UUID().uuidString.lowercased())"],
            creatorID: creator, createdAt: now, updatedAt: now)
    }

    /// A blueprint created by `creator` with `data`.
    static func blueprint(creator: UUID, data: String = #"{"grid":"infinite","nodes":[]}"#) -> BlueprintRecord {
        BlueprintRecord(
            id: UUID(), name: "Three tier", tags: ["prod", "web"], readAccess: nil, writeAccess: [],
            creatorID: creator, lastUserID: creator, currentVersionID: UUID(), data: Data(data.utf8),
            createdAt: now, updatedAt: now)
    }
}

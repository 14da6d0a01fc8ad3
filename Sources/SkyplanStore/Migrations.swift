import Foundation
import SQLKit

/// One schema change: an id recorded in `skyplan_migrations` and plain SQL that runs on SQLite and PostgreSQL.
struct Migration: Sendable {
    /// The id, recorded once applied; never renamed.
    let id: String
    /// The statements, run in order in one transaction.
    let statements: [SQLQueryString]
}

/// The schema, as the ordered list of migrations. Append; never edit an applied one.
///
/// Only what DESIGN.md §2 allows at rest: users, teams, API key and session hashes, connected accounts
/// (name, role ARN, external ID, access), blueprints and their versions, snapshot jobs (short-lived), audit.
/// UUIDs are lowercase text, dates BIGINT milliseconds, lists JSON text, bytes BLOB (BYTEA on PostgreSQL).
enum Migrations {
    static let all: [Migration] = [initial, changeCounters, priceCache, accessCounter, blueprintChanges]

    private static let blob = SQLDataType.blob

    static let initial = Migration(
        id: "0001_initial",
        statements: [
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                role TEXT NOT NULL, password_hash TEXT, external_id TEXT NOT NULL UNIQUE, currency TEXT NOT NULL,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, accessed_at BIGINT)
            """,
            "CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
            """
            CREATE TABLE memberships (
                team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                role TEXT NOT NULL, PRIMARY KEY (team_id, user_id))
            """,
            "CREATE INDEX memberships_user ON memberships (user_id)",
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, access TEXT NOT NULL,
                created_at BIGINT NOT NULL, last_used_at BIGINT, revoked_at BIGINT)
            """,
            "CREATE INDEX api_keys_user ON api_keys (user_id)",
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            "CREATE INDEX sessions_expiry ON sessions (expires_at)",
            """
            CREATE TABLE aws_accounts (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, role_arn TEXT NOT NULL, external_id TEXT NOT NULL,
                region TEXT NOT NULL, read_access TEXT, write_access TEXT,
                creator_id TEXT NOT NULL REFERENCES users (id),
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                check_status TEXT, check_message TEXT, checked_at BIGINT)
            """,
            """
            CREATE TABLE blueprints (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, tags TEXT NOT NULL, read_access TEXT, write_access TEXT,
                creator_id TEXT NOT NULL REFERENCES users (id), last_user_id TEXT NOT NULL,
                current_version_id TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE blueprint_versions (
                id TEXT PRIMARY KEY, blueprint_id TEXT NOT NULL REFERENCES blueprints (id) ON DELETE CASCADE,
                number BIGINT NOT NULL, data \(blob) NOT NULL, user_id TEXT NOT NULL, created_at BIGINT NOT NULL,
                UNIQUE (blueprint_id, number))
            """,
            """
            CREATE TABLE snapshot_jobs (
                job_key TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES aws_accounts (id) ON DELETE CASCADE,
                status TEXT NOT NULL, result \(blob), content_type TEXT, error TEXT,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX snapshot_jobs_account ON snapshot_jobs (account_id)",
            "CREATE INDEX snapshot_jobs_updated ON snapshot_jobs (updated_at)",
            """
            CREATE TABLE audit_events (
                id TEXT PRIMARY KEY, at BIGINT NOT NULL, actor_id TEXT, action TEXT NOT NULL,
                target_type TEXT NOT NULL, target_id TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX audit_events_at ON audit_events (at)",
        ])

    /// A counter per table that readers cache (see ``BlueprintListCache``): every write of the table
    /// increments it in its own transaction.
    static let changeCounters = Migration(
        id: "0002_change_counters",
        statements: [
            "CREATE TABLE skyplan_changes (name TEXT PRIMARY KEY, seq BIGINT NOT NULL)",
            "INSERT INTO skyplan_changes (name, seq) VALUES ('blueprints', 0)",
        ])

    /// The counter of changes to users, teams, memberships, API keys and sessions, under which every replica
    /// keeps what a key or session resolves to (``AccessCache``).
    static let accessCounter = Migration(
        id: "0004_access_counter",
        statements: ["INSERT INTO skyplan_changes (name, seq) VALUES ('access', 0)"])

    /// Which blueprint change counter value last changed each blueprint, and which deleted which blueprint, so
    /// a replica whose list fell behind reads only what changed since (``BlueprintListCache``).
    static let blueprintChanges = Migration(
        id: "0005_blueprint_changes",
        statements: [
            "ALTER TABLE blueprints ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX blueprints_change ON blueprints (change_seq)",
            "CREATE TABLE blueprint_deletions (id TEXT PRIMARY KEY, change_seq BIGINT NOT NULL)",
            "CREATE INDEX blueprint_deletions_change ON blueprint_deletions (change_seq)",
        ])

    /// Live Price List answers (public list prices, no account data) by query, with the time they were
    /// fetched: the budget's prices for SKUs the bundled book lacks, refreshed when older than the operator's age.
    static let priceCache = Migration(
        id: "0003_price_cache",
        statements: [
            """
            CREATE TABLE price_cache (
                query_key TEXT PRIMARY KEY, service_code TEXT NOT NULL, items \(blob) NOT NULL,
                fetched_at BIGINT NOT NULL)
            """
        ])

    /// Applies every migration not yet recorded, each in its own transaction. Running it again is a no-op.
    static func run(on backend: any StoreBackend, now: Date) async throws -> [String] {
        try await backend.transaction { database in
            try await backend.lockForMigration(database)
            try await database.raw(
                "CREATE TABLE IF NOT EXISTS skyplan_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
            ).run()
        }
        var applied: [String] = []
        for migration in all {
            let didApply = try await backend.transaction { database in
                try await backend.lockForMigration(database)
                let done = try await database.raw(
                    "SELECT id FROM skyplan_migrations WHERE id = \(bind: migration.id)"
                ).first()
                if done != nil { return false }
                for statement in migration.statements { try await database.raw(statement).run() }
                try await database.raw(
                    "INSERT INTO skyplan_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: Millis.value(now)))"
                ).run()
                return true
            }
            if didApply { applied.append(migration.id) }
        }
        return applied
    }
}

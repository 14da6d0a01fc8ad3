import Foundation
import SkyplanStore
import Testing

@Suite("Store: schema")
struct SchemaTests {
    /// DESIGN.md §2: only users, teams, key and session hashes, accounts (name, ARN, external ID, access),
    /// blueprints with versions, short-lived snapshot jobs, the audit log, and cached public list prices. A new column must be added here.
    static let expected: [String: [String]] = [
        "api_keys": ["access", "created_at", "id", "key_hash", "last_used_at", "name", "revoked_at", "user_id"],
        "audit_events": ["action", "actor_id", "at", "detail", "id", "target_id", "target_type"],
        "aws_accounts": [
            "check_message", "check_status", "checked_at", "created_at", "creator_id", "external_id", "id", "name",
            "read_access", "region", "role_arn", "updated_at", "write_access",
        ],
        // Which change of the blueprint change counter deleted which blueprint (ids only).
        "blueprint_deletions": ["change_seq", "id"],
        "blueprint_versions": ["blueprint_id", "created_at", "data", "id", "number", "user_id"],
        "blueprints": [
            "change_seq", "created_at", "creator_id", "current_version_id", "id", "last_user_id", "name",
            "read_access", "tags", "updated_at", "write_access",
        ],
        "memberships": ["role", "team_id", "user_id"],
        // Public list prices from the Price List API (no account data), by query, with their fetch time.
        "price_cache": ["fetched_at", "items", "query_key", "service_code"],
        "sessions": ["created_at", "csrf_token", "expires_at", "token_hash", "user_id"],
        "skyplan_changes": ["name", "seq"],
        "skyplan_migrations": ["applied_at", "id"],
        "snapshot_jobs": [
            "account_id", "content_type", "created_at", "error", "job_key", "result", "status", "updated_at",
        ],
        "teams": ["created_at", "id", "name", "updated_at"],
        "users": [
            "accessed_at", "created_at", "currency", "email", "email_key", "external_id", "id", "name", "password_hash",
            "role", "updated_at",
        ],
    ]

    @Test(arguments: Engine.available)
    func holdsOnlyWhatTheDesignAllowsAtRest(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let schema = try await store.schema()
            #expect(schema == Self.expected)
        }
    }
}

import Foundation
import SQLKit

extension Store {
    /// The store's ``AccessCache``s.
    struct Grants: Sendable {
        var keys = AccessCache<APIKeyRecord>()
        var sessions = AccessCache<SessionRecord>()
    }

    /// A table of tokens by hash that resolve to a user: API keys or sessions.
    struct GrantTable<Grant: Sendable>: Sendable {
        let table: String
        let hashColumn: String
        let columns: String
        let decode: @Sendable (any SQLRow) throws -> Grant
        let cache: WritableKeyPath<Grants, AccessCache<Grant>> & Sendable

        static var apiKeys: GrantTable<APIKeyRecord> {
            .init(table: "api_keys", hashColumn: "key_hash", columns: keyColumns, decode: apiKeyRecord, cache: \.keys)
        }

        static var sessions: GrantTable<SessionRecord> {
            .init(
                table: "sessions", hashColumn: "token_hash", columns: sessionColumns, decode: sessionRecord,
                cache: \.sessions)
        }
    }

    /// What the token with `hash` in `table` resolves to — its row, its user and the user's teams, sorted — from
    /// the cache while no access change was counted since it was kept, else in one query (and kept).
    func grant<Grant>(_ hash: String, _ table: GrantTable<Grant>) async throws -> AccessCache<Grant>.Entry? {
        let access = try await changeCounters().access
        if let kept = grants.withLockedValue({ $0[keyPath: table.cache].entry(hash, current: access, now: .now) }) {
            return kept
        }
        let entry = try await read { database -> AccessCache<Grant>.Entry? in
            let rows = try await database.raw(
                """
                SELECT \(unsafeRaw: PrefixedRow.selectList(table.columns, of: "g", prefix: "grant_")), u.*,
                    m.team_id AS member_of
                FROM \(unsafeRaw: table.table) g
                JOIN (SELECT \(unsafeRaw: Self.userColumns) FROM users) u ON u.id = g.user_id
                LEFT JOIN memberships m ON m.user_id = u.id
                WHERE g.\(unsafeRaw: table.hashColumn) = \(bind: hash) ORDER BY m.team_id
                """
            ).all()
            guard let first = rows.first, let (user, teamIDs) = try Self.userWithTeamIDs(rows) else { return nil }
            let grant = try table.decode(PrefixedRow(base: first, prefix: "grant_"))
            return .init(grant: grant, user: user, teamIDs: teamIDs, access: access, keptAt: .now)
        }
        if let entry { grants.withLockedValue { $0[keyPath: table.cache].keep(entry, for: hash) } }
        return entry
    }
}

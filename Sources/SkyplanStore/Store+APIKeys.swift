import Foundation
import SQLKit

extension Store {
    static let keyColumns = "id, user_id, name, key_hash, access, created_at, last_used_at, revoked_at"

    /// Adds an API key (its hash only); throws ``StoreError/conflict`` if the hash is taken and
    /// ``StoreError/notFound`` if the user does not exist.
    public func createAPIKey(_ key: APIKeyRecord) async throws {
        try await writeAccess { database in
            try await database.raw(
                """
                INSERT INTO api_keys (id, user_id, name, key_hash, access, created_at, last_used_at, revoked_at)
                VALUES (\(bind: StoreValue.id(key.id)), \(bind: StoreValue.id(key.userID)), \(bind: key.name),
                    \(bind: key.hash), \(bind: key.access.rawValue), \(bind: Millis.value(key.createdAt)),
                    \(bind: Millis.value(key.lastUsedAt)), \(bind: Millis.value(key.revokedAt)))
                """
            ).run()
        }
    }

    /// The key with this hash, revoked or not (the caller checks ``APIKeyRecord/revokedAt``).
    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await read { database in
            try await database.raw("SELECT \(unsafeRaw: Self.keyColumns) FROM api_keys WHERE key_hash = \(bind: hash)")
                .first().map(Self.apiKeyRecord)
        }
    }

    /// The key with this hash (revoked or not: the caller checks ``APIKeyRecord/revokedAt``), its user and the
    /// user's teams, sorted: every request with a key needs all three. One query, or none while no access
    /// change was counted since it was last made (``AccessCache``).
    public func apiKeyWithUser(hash: String) async throws -> (key: APIKeyRecord, user: UserRecord, teamIDs: [UUID])? {
        try await grant(hash, .apiKeys).map { ($0.grant, $0.user, $0.teamIDs) }
    }

    /// The keys of `userID`, or every key when `nil`, oldest first.
    public func apiKeys(userID: UUID?) async throws -> [APIKeyRecord] {
        try await read { database in
            let query: SQLQueryString =
                if let userID {
                    """
                    SELECT \(unsafeRaw: Self.keyColumns) FROM api_keys WHERE user_id = \(bind: StoreValue.id(userID))
                    ORDER BY created_at, id
                    """
                } else {
                    "SELECT \(unsafeRaw: Self.keyColumns) FROM api_keys ORDER BY created_at, id"
                }
            return try await database.raw(query).all().map(Self.apiKeyRecord)
        }
    }

    /// Revokes a key at `at` (keeping the first revocation time); throws ``StoreError/notFound`` if there is none.
    public func revokeAPIKey(id: UUID, at: Date) async throws {
        try await writeAccess { database in
            try await self.requireRow(
                database,
                """
                UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(bind: Millis.value(at)))
                WHERE id = \(bind: StoreValue.id(id)) RETURNING id
                """,
                notFound: "API key \(StoreValue.id(id))")
        }
    }

    /// Records that a key was used at `at`; throws ``StoreError/notFound`` if there is none. Not an access
    /// change: the kept answers for the key are brought up to date instead.
    public func touchAPIKey(id: UUID, at: Date) async throws {
        try await write { database in
            try await self.requireRow(
                database,
                "UPDATE api_keys SET last_used_at = \(bind: Millis.value(at)) WHERE id = \(bind: StoreValue.id(id)) RETURNING id",
                notFound: "API key \(StoreValue.id(id))")
        }
        grants.withLockedValue { $0.keys.update(where: { $0.id == id }) { $0.lastUsedAt = Millis.round(at) } }
    }

    /// Adds a session (its token hash only); throws ``StoreError/conflict`` if the hash is taken.
    public func createSession(_ s: SessionRecord) async throws {
        try await writeAccess { database in
            try await database.raw(
                """
                INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                VALUES (\(bind: s.tokenHash), \(bind: StoreValue.id(s.userID)), \(bind: s.csrfToken),
                    \(bind: Millis.value(s.createdAt)), \(bind: Millis.value(s.expiresAt)))
                """
            ).run()
        }
    }

    /// The session with this token hash, expired or not (the caller checks ``SessionRecord/expiresAt``).
    public func session(tokenHash: String) async throws -> SessionRecord? {
        try await read { database in
            try await database.raw(
                "SELECT \(unsafeRaw: Self.sessionColumns) FROM sessions WHERE token_hash = \(bind: tokenHash)"
            ).first().map(Self.sessionRecord)
        }
    }

    /// The session with this token hash (expired or not: the caller checks ``SessionRecord/expiresAt``), its
    /// user and the user's teams, sorted: every signed-in request needs all three. One query, or none while no
    /// access change was counted since it was last made (``AccessCache``).
    public func sessionWithUser(tokenHash: String) async throws
        -> (session: SessionRecord, user: UserRecord, teamIDs: [UUID])?
    {
        try await grant(tokenHash, .sessions).map { ($0.grant, $0.user, $0.teamIDs) }
    }

    static let sessionColumns = "token_hash, user_id, csrf_token, created_at, expires_at"

    @Sendable static func sessionRecord(_ row: any SQLRow) throws -> SessionRecord {
        let row = StoreRow(row: row)
        return SessionRecord(
            tokenHash: try row.string("token_hash"), userID: try row.uuid("user_id"),
            csrfToken: try row.string("csrf_token"), createdAt: try row.date("created_at"),
            expiresAt: try row.date("expires_at"))
    }

    /// Ends a session; a session that is already gone is fine (signing out twice).
    public func deleteSession(tokenHash: String) async throws {
        try await writeAccess { database in
            try await database.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    /// Deletes every session that expired at or before `now`.
    public func deleteExpiredSessions(now: Date) async throws {
        try await writeAccess { database in
            try await database.raw("DELETE FROM sessions WHERE expires_at <= \(bind: Millis.value(now))").run()
        }
    }

    @Sendable static func apiKeyRecord(_ row: any SQLRow) throws -> APIKeyRecord {
        let row = StoreRow(row: row)
        return APIKeyRecord(
            id: try row.uuid("id"), userID: try row.uuid("user_id"), name: try row.string("name"),
            hash: try row.string("key_hash"), access: try row.value("access", as: APIKeyRecord.Access.self),
            createdAt: try row.date("created_at"), lastUsedAt: try row.optionalDate("last_used_at"),
            revokedAt: try row.optionalDate("revoked_at"))
    }
}

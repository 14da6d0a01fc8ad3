import Foundation
import SQLKit

extension Store {
    static let userColumns =
        "id, email, name, role, password_hash, external_id, currency, created_at, updated_at, accessed_at"

    /// Adds a user; throws ``StoreError/conflict`` if the email (ignoring case) or external ID is taken.
    public func createUser(_ user: UserRecord) async throws {
        try await writeAccess { database in
            try await database.raw(
                """
                INSERT INTO users (id, email, email_key, name, role, password_hash, external_id, currency,
                    created_at, updated_at, accessed_at)
                VALUES (\(bind: StoreValue.id(user.id)), \(bind: user.email), \(bind: StoreValue.emailKey(user.email)),
                    \(bind: user.name), \(bind: user.role.rawValue), \(bind: user.passwordHash),
                    \(bind: StoreValue.id(user.externalID)), \(bind: user.currency), \(bind: Millis.value(user.createdAt)),
                    \(bind: Millis.value(user.updatedAt)), \(bind: Millis.value(user.accessedAt)))
                """
            ).run()
        }
    }

    /// The user with `id`, if any.
    public func user(id: UUID) async throws -> UserRecord? {
        try await read { database in
            try await database.raw(
                "SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE id = \(bind: StoreValue.id(id))"
            ).first().map(Self.userRecord)
        }
    }

    /// The user with `email`, ignoring case, if any.
    public func user(email: String) async throws -> UserRecord? {
        try await read { database in
            try await database.raw(
                "SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE email_key = \(bind: StoreValue.emailKey(email))"
            ).first().map(Self.userRecord)
        }
    }

    /// Every user, by email.
    public func users() async throws -> [UserRecord] {
        try await read { database in
            try await database.raw("SELECT \(unsafeRaw: Self.userColumns) FROM users ORDER BY email_key, id")
                .all().map(Self.userRecord)
        }
    }

    /// Replaces the stored user with `user` (matched by id); throws ``StoreError/notFound`` if there is none.
    public func updateUser(_ user: UserRecord) async throws {
        try await writeAccess { database in
            try await self.requireRow(
                database,
                """
                UPDATE users SET email = \(bind: user.email), email_key = \(bind: StoreValue.emailKey(user.email)),
                    name = \(bind: user.name), role = \(bind: user.role.rawValue),
                    password_hash = \(bind: user.passwordHash), external_id = \(bind: StoreValue.id(user.externalID)),
                    currency = \(bind: user.currency), created_at = \(bind: Millis.value(user.createdAt)),
                    updated_at = \(bind: Millis.value(user.updatedAt)), accessed_at = \(bind: Millis.value(user.accessedAt))
                WHERE id = \(bind: StoreValue.id(user.id)) RETURNING id
                """,
                notFound: "user \(StoreValue.id(user.id))")
        }
    }

    /// How many users there are (0 means the first sign-up becomes owner).
    public func userCount() async throws -> Int {
        try await read { database in
            let row = try await database.raw("SELECT COUNT(*) AS n FROM users").first()
            return try row.map { try StoreRow(row: $0).int("n") } ?? 0
        }
    }

    @Sendable static func userRecord(_ row: any SQLRow) throws -> UserRecord {
        let row = StoreRow(row: row)
        return UserRecord(
            id: try row.uuid("id"), email: try row.string("email"), name: try row.string("name"),
            role: try row.value("role", as: UserRecord.Role.self),
            passwordHash: try row.optionalString("password_hash"),
            externalID: try row.uuid("external_id"), currency: try row.string("currency"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            accessedAt: try row.optionalDate("accessed_at"))
    }
}

import Foundation
import SQLKit

extension Store {
    private static let accountColumns = """
        id, name, role_arn, external_id, region, read_access, write_access, creator_id, created_at, updated_at,
        check_status, check_message, checked_at
        """

    /// Adds a connected account; throws ``StoreError/notFound`` if the creator does not exist.
    public func createAccount(_ a: AccountRecord) async throws {
        try await write { database in
            try await database.raw(
                """
                INSERT INTO aws_accounts (\(unsafeRaw: Self.accountColumns))
                VALUES (\(bind: StoreValue.id(a.id)), \(bind: a.name), \(bind: a.roleARN),
                    \(bind: StoreValue.id(a.externalID)), \(bind: a.region), \(bind: StoreValue.list(a.readAccess)),
                    \(bind: StoreValue.list(a.writeAccess)), \(bind: StoreValue.id(a.creatorID)),
                    \(bind: Millis.value(a.createdAt)), \(bind: Millis.value(a.updatedAt)), \(bind: a.checkStatus),
                    \(bind: a.checkMessage), \(bind: Millis.value(a.checkedAt)))
                """
            ).run()
        }
    }

    /// The account with `id`, if any.
    public func account(id: UUID) async throws -> AccountRecord? {
        try await read { database in
            try await database.raw(
                "SELECT \(unsafeRaw: Self.accountColumns) FROM aws_accounts WHERE id = \(bind: StoreValue.id(id))"
            ).first().map(Self.accountRecord)
        }
    }

    /// Every account, by name (the caller filters by access).
    public func accounts() async throws -> [AccountRecord] {
        try await read { database in
            try await database.raw("SELECT \(unsafeRaw: Self.accountColumns) FROM aws_accounts ORDER BY name, id")
                .all().map(Self.accountRecord)
        }
    }

    /// Replaces the stored account (matched by id); throws ``StoreError/notFound`` if there is none.
    public func updateAccount(_ a: AccountRecord) async throws {
        try await write { database in
            try await self.requireRow(
                database,
                """
                UPDATE aws_accounts SET name = \(bind: a.name), role_arn = \(bind: a.roleARN),
                    external_id = \(bind: StoreValue.id(a.externalID)), region = \(bind: a.region),
                    read_access = \(bind: StoreValue.list(a.readAccess)),
                    write_access = \(bind: StoreValue.list(a.writeAccess)), creator_id = \(bind: StoreValue.id(a.creatorID)),
                    created_at = \(bind: Millis.value(a.createdAt)), updated_at = \(bind: Millis.value(a.updatedAt)),
                    check_status = \(bind: a.checkStatus), check_message = \(bind: a.checkMessage),
                    checked_at = \(bind: Millis.value(a.checkedAt))
                WHERE id = \(bind: StoreValue.id(a.id)) RETURNING id
                """,
                notFound: "AWS account \(StoreValue.id(a.id))")
        }
    }

    /// Removes an account (and its snapshot jobs); throws ``StoreError/notFound`` if there is none.
    public func deleteAccount(id: UUID) async throws {
        try await write { database in
            try await self.requireRow(
                database, "DELETE FROM aws_accounts WHERE id = \(bind: StoreValue.id(id)) RETURNING id",
                notFound: "AWS account \(StoreValue.id(id))")
        }
    }

    @Sendable static func accountRecord(_ row: any SQLRow) throws -> AccountRecord {
        let row = StoreRow(row: row)
        return AccountRecord(
            id: try row.uuid("id"), name: try row.string("name"), roleARN: try row.string("role_arn"),
            externalID: try row.uuid("external_id"), region: try row.string("region"),
            readAccess: try row.list("read_access"), writeAccess: try row.list("write_access"),
            creatorID: try row.uuid("creator_id"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"), checkStatus: try row.optionalString("check_status"),
            checkMessage: try row.optionalString("check_message"), checkedAt: try row.optionalDate("checked_at"))
    }
}

import Foundation
import SQLKit

extension Store {
    private static let blueprintColumns = """
        b.id, b.name, b.tags, b.read_access, b.write_access, b.creator_id, b.last_user_id, b.current_version_id,
        b.created_at, b.updated_at
        """

    /// Adds a blueprint and its version 1 (id ``BlueprintRecord/currentVersionID``), atomically.
    public func createBlueprint(_ b: BlueprintRecord) async throws {
        let change = try await write { database in
            let change = try await Self.countChange("blueprints", database)
            try await database.raw(
                """
                INSERT INTO blueprints (id, name, tags, read_access, write_access, creator_id, last_user_id,
                    current_version_id, created_at, updated_at, change_seq)
                VALUES (\(bind: StoreValue.id(b.id)), \(bind: b.name), \(bind: StoreValue.list(b.tags)),
                    \(bind: StoreValue.list(b.readAccess)), \(bind: StoreValue.list(b.writeAccess)),
                    \(bind: StoreValue.id(b.creatorID)), \(bind: StoreValue.id(b.lastUserID)),
                    \(bind: StoreValue.id(b.currentVersionID)), \(bind: Millis.value(b.createdAt)),
                    \(bind: Millis.value(b.updatedAt)), \(bind: change))
                """
            ).run()
            try await Self.insertVersion(
                database, id: b.currentVersionID, blueprintID: b.id, data: b.data, userID: b.lastUserID,
                at: b.updatedAt)
            return change
        }
        listChanged(.upsert(b), at: change)
    }

    /// The blueprint with `id` and the data of its current version, if any.
    public func blueprint(id: UUID) async throws -> BlueprintRecord? {
        guard var record = try await blueprintSummary(id: id),
            let version = try await blueprintVersion(id: id, versionID: record.currentVersionID)
        else { return nil }  // (without a version: deleted since the list was read)
        record.data = version.data
        return record
    }

    /// The blueprint with `id` without its data (``BlueprintRecord/data`` is empty), if any: what access checks
    /// and version checks need, from the list (no query while it is current).
    public func blueprintSummary(id: UUID) async throws -> BlueprintRecord? {
        try await blueprints().first { $0.id == id }
    }

    /// Every blueprint, most recently updated first (then by id, descending), without data
    /// (``BlueprintRecord/data`` is empty).
    ///
    /// From the list cache while the blueprint change counter has not moved past it; else after a refresh
    /// shared with the readers asking at the same time (``refreshList()``).
    public func blueprints() async throws -> [BlueprintRecord] {
        let change = try await changeCounters().blueprints
        for _ in 0..<3 {
            if let records = blueprintList.withLockedValue({ $0.records(current: change) }) { return records }
            try await listRefreshes.value { try await self.refreshList() }
        }
        // Not reached: a refresh leaves the list current for counters read after this reader's.
        throw StoreError.database("the blueprint list could not be brought up to date")
    }

    /// Brings the list cache up to the counters as read now: reads only the blueprints changed or deleted since
    /// the cache's counter value, or every blueprint when the cache is empty or too far behind.
    private func refreshList() async throws {
        let change = try await freshCounters().blueprints
        let since = blueprintList.withLockedValue { $0.change }
        if let since, since >= change { return }
        guard let since, change - since <= Self.deletionsKept else {
            let fresh = try await read { database in
                try await database.raw("SELECT \(unsafeRaw: Self.blueprintColumns) FROM blueprints b")
                    .all().map { try Self.blueprintRecord($0, withData: false) }
            }
            blueprintList.withLockedValue { $0.store(fresh, at: change) }
            return
        }
        let (changed, deleted) = try await read { database in
            let changed = try await database.raw(
                "SELECT \(unsafeRaw: Self.blueprintColumns) FROM blueprints b WHERE b.change_seq > \(bind: since)"
            ).all().map { try Self.blueprintRecord($0, withData: false) }
            let deleted = try await database.raw(
                "SELECT id FROM blueprint_deletions WHERE change_seq > \(bind: since)"
            ).all().map { try StoreRow(row: $0).uuid("id") }
            return (changed, deleted)
        }
        blueprintList.withLockedValue { $0.merge(changed, deleted: deleted, since: since, at: change) }
    }

    /// How many blueprint changes back deletions are remembered: a list further behind is read whole.
    static let deletionsKept: Int64 = 100_000

    /// Saves `b` as a new version and returns the stored blueprint, whose ``BlueprintRecord/currentVersionID``
    /// is the new version's (new) id. Name, tags, access, last user, updated date and data come from `b`.
    ///
    /// With `ifVersion`, throws ``StoreError/stale`` unless it is still the current version: checked and
    /// written in one transaction, so of two concurrent saves of the same version exactly one wins.
    /// Throws ``StoreError/notFound`` if there is no such blueprint.
    public func updateBlueprint(_ b: BlueprintRecord, ifVersion: UUID?) async throws -> BlueprintRecord {
        // What a read would return now, without reading it: id, creator and creation never change, the rest is
        // what is written (a record's dates are already at the store's millisecond precision).
        var stored = b
        stored.currentVersionID = UUID()
        let change =
            engine == "postgres"
            ? try await saveInOneStatement(stored, ifVersion: ifVersion)
            : try await saveInTransaction(stored, ifVersion: ifVersion)
        listChanged(.upsert(stored), at: change)
        return stored
    }

    /// The blueprint row's part of a save: every column but id, creator and creation, where the row is still at
    /// `ifVersion` when given, stamped with change counter value `change`; returns the id of the row it changed.
    private static func updateRow(_ b: BlueprintRecord, ifVersion: UUID?, change: SQLQueryString) -> SQLQueryString {
        let condition: SQLQueryString =
            if let ifVersion { "AND current_version_id = \(bind: StoreValue.id(ifVersion))" } else { "" }
        return """
            UPDATE blueprints SET name = \(bind: b.name), tags = \(bind: StoreValue.list(b.tags)),
                read_access = \(bind: StoreValue.list(b.readAccess)),
                write_access = \(bind: StoreValue.list(b.writeAccess)), last_user_id = \(bind: StoreValue.id(b.lastUserID)),
                updated_at = \(bind: Millis.value(b.updatedAt)),
                current_version_id = \(bind: StoreValue.id(b.currentVersionID)), change_seq = \(change)
            WHERE id = \(bind: StoreValue.id(b.id)) \(condition) RETURNING id
            """
    }

    /// The save as a transaction of three statements: SQLite's (one writer connection, no round trips), and
    /// PostgreSQL's when the one-statement save lost the race for a version number.
    private func saveInTransaction(_ b: BlueprintRecord, ifVersion: UUID?) async throws -> Int64 {
        try await write { database in
            let change = try await Self.countChange("blueprints", database)
            let updated = Self.updateRow(b, ifVersion: ifVersion, change: "\(bind: change)")
            guard try await !database.raw(updated).all().isEmpty else {
                throw try await Self.whyNotSaved(database, b.id, ifVersion: ifVersion)
            }
            try await Self.insertVersion(
                database, id: b.currentVersionID, blueprintID: b.id, data: b.data, userID: b.lastUserID,
                at: b.updatedAt)
            return change
        }
    }

    /// PostgreSQL: the save as one statement — change counter, row and version in data-modifying CTEs — so one
    /// round trip instead of five (BEGIN, three statements, COMMIT). A single statement is its own transaction:
    /// all of it or nothing, durable once acknowledged. Returns the new change counter. A save that finds the
    /// blueprint stale or gone still counts a change (harmless: caches read what changed since, nothing).
    ///
    /// Two saves of one blueprint at once: the second waits for the first's row lock, then re-checks its
    /// `WHERE` on the new row (so an `ifVersion` save finds the version gone: stale). Without `ifVersion` it
    /// goes on, but its version number was counted in the snapshot taken before the first committed, so it
    /// collides with the first's on `UNIQUE (blueprint_id, number)` and the whole statement rolls back; the
    /// save is then made as a transaction (``saveInTransaction(_:ifVersion:)``), whose statements each see the
    /// versions committed before the row lock was granted.
    private func saveInOneStatement(_ b: BlueprintRecord, ifVersion: UUID?) async throws -> Int64 {
        let id = StoreValue.id(b.id)
        let statement: SQLQueryString = """
            WITH counted AS (
                UPDATE skyplan_changes SET seq = seq + 1 WHERE name = 'blueprints' RETURNING seq),
            updated AS (\(Self.updateRow(b, ifVersion: ifVersion, change: "(SELECT seq FROM counted)"))),
            inserted AS (
                INSERT INTO blueprint_versions (id, blueprint_id, number, data, user_id, created_at)
                SELECT \(bind: StoreValue.id(b.currentVersionID)), updated.id,
                    (SELECT COALESCE(MAX(number), 0) + 1 FROM blueprint_versions WHERE blueprint_id = \(bind: id)),
                    \(bind: b.data), \(bind: StoreValue.id(b.lastUserID)), \(bind: Millis.value(b.updatedAt))
                FROM updated RETURNING id)
            SELECT seq FROM counted WHERE EXISTS (SELECT 1 FROM inserted)
            """
        do {
            let change = try await read { database in
                try await database.raw(statement).first()?.decode(column: "seq", as: Int64.self)
            }
            guard let change else {
                throw try await read { database in try await Self.whyNotSaved(database, b.id, ifVersion: ifVersion) }
            }
            return change
        } catch StoreError.conflict {
            // Lost the race for the version number (see above): nothing was written; the statements one by one
            // number the version after the row is locked.
            return try await saveInTransaction(b, ifVersion: ifVersion)
        }
    }

    /// Why a save changed no row: the blueprint is at another version than `ifVersion` (stale), or is gone.
    private static func whyNotSaved(_ database: any SQLDatabase, _ id: UUID, ifVersion: UUID?) async throws
        -> StoreError
    {
        let what = "blueprint \(StoreValue.id(id))"
        let exists = try await database.raw("SELECT id FROM blueprints WHERE id = \(bind: StoreValue.id(id))").first()
        if exists != nil, let ifVersion { return StoreError.stale(what, expected: ifVersion) }
        return StoreError.notFound(what)
    }

    /// Deletes a blueprint and all its versions; throws ``StoreError/notFound`` if there is none. Remembers the
    /// deletion for lists that fell behind, forgetting those more than ``deletionsKept`` changes old.
    public func deleteBlueprint(id: UUID) async throws {
        let change = try await write { database in
            let change = try await Self.countChange("blueprints", database)
            try await self.requireRow(
                database, "DELETE FROM blueprints WHERE id = \(bind: StoreValue.id(id)) RETURNING id",
                notFound: "blueprint \(StoreValue.id(id))")
            try await database.raw(
                "INSERT INTO blueprint_deletions (id, change_seq) VALUES (\(bind: StoreValue.id(id)), \(bind: change))"
            ).run()
            try await database.raw(
                "DELETE FROM blueprint_deletions WHERE change_seq < \(bind: change - Self.deletionsKept)"
            ).run()
            return change
        }
        listChanged(.delete(id), at: change)
    }

    /// The versions of a blueprint, oldest first (empty if there is no such blueprint).
    public func blueprintVersions(id: UUID) async throws -> [BlueprintVersionRecord] {
        try await read { database in
            try await database.raw(
                """
                SELECT id, blueprint_id, number, data, user_id, created_at FROM blueprint_versions
                WHERE blueprint_id = \(bind: StoreValue.id(id)) ORDER BY number
                """
            ).all().map(Self.versionRecord)
        }
    }

    /// One version of a blueprint, if both exist.
    public func blueprintVersion(id: UUID, versionID: UUID) async throws -> BlueprintVersionRecord? {
        try await read { database in
            try await database.raw(
                """
                SELECT id, blueprint_id, number, data, user_id, created_at FROM blueprint_versions
                WHERE blueprint_id = \(bind: StoreValue.id(id)) AND id = \(bind: StoreValue.id(versionID))
                """
            ).first().map(Self.versionRecord)
        }
    }

    /// Adds the blueprint's next version (number one more than its last, 1 for the first) in one statement; the
    /// caller's transaction holds the blueprint's row, so no other write numbers a version in between.
    private static func insertVersion(
        _ database: any SQLDatabase, id: UUID, blueprintID: UUID, data: Data, userID: UUID, at: Date
    ) async throws {
        try await database.raw(
            """
            INSERT INTO blueprint_versions (id, blueprint_id, number, data, user_id, created_at)
            VALUES (\(bind: StoreValue.id(id)), \(bind: StoreValue.id(blueprintID)),
                (SELECT COALESCE(MAX(number), 0) + 1 FROM blueprint_versions
                    WHERE blueprint_id = \(bind: StoreValue.id(blueprintID))),
                \(bind: data), \(bind: StoreValue.id(userID)), \(bind: Millis.value(at)))
            """
        ).run()
    }

    /// Records a committed write of this process in the list cache.
    private func listChanged(_ change: BlueprintListCache.Change, at value: Int64) {
        blueprintList.withLockedValue { $0.apply(change, at: value) }
    }

    private static func blueprintRecord(_ row: any SQLRow, withData: Bool) throws -> BlueprintRecord {
        let row = StoreRow(row: row)
        return BlueprintRecord(
            id: try row.uuid("id"), name: try row.string("name"), tags: try row.list("tags") ?? [],
            readAccess: try row.list("read_access"), writeAccess: try row.list("write_access"),
            creatorID: try row.uuid("creator_id"), lastUserID: try row.uuid("last_user_id"),
            currentVersionID: try row.uuid("current_version_id"), data: withData ? try row.data("data") : Data(),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    @Sendable private static func versionRecord(_ row: any SQLRow) throws -> BlueprintVersionRecord {
        let row = StoreRow(row: row)
        return BlueprintVersionRecord(
            id: try row.uuid("id"), blueprintID: try row.uuid("blueprint_id"), number: try row.int("number"),
            data: try row.data("data"), userID: try row.uuid("user_id"), createdAt: try row.date("created_at"))
    }
}

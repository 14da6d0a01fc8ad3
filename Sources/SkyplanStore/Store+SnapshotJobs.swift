import Foundation
import SQLKit

extension Store {
    private static let jobColumns = "job_key, account_id, status, result, content_type, error, created_at, updated_at"

    /// Inserts `newJob` under `key` unless a job with that key exists, atomically across replicas.
    /// Returns the stored job and whether this call created it (and so should run it).
    public func claimSnapshotJob(
        key: String, newJob: SnapshotJobRecord
    ) async throws -> (job: SnapshotJobRecord, created: Bool) {
        let claimed = try await write { database -> (SnapshotJobRecord, Bool)? in
            let inserted = try await database.raw(
                """
                INSERT INTO snapshot_jobs (\(unsafeRaw: Self.jobColumns))
                VALUES (\(bind: key), \(bind: StoreValue.id(newJob.accountID)), \(bind: newJob.status.rawValue),
                    \(bind: newJob.result), \(bind: newJob.contentType), \(bind: newJob.error),
                    \(bind: Millis.value(newJob.createdAt)), \(bind: Millis.value(newJob.updatedAt)))
                ON CONFLICT (job_key) DO NOTHING RETURNING job_key
                """
            ).all()
            if !inserted.isEmpty {
                var job = newJob
                job.key = key
                return (job, true)
            }
            return try await Self.fetchJob(database, key: key).map { ($0, false) }
        }
        guard let claimed else {
            throw StoreError.database("snapshot job \(key) was deleted while being claimed; try again")
        }
        return (job: claimed.0, created: claimed.1)
    }

    /// The job with `key`, if any.
    public func snapshotJob(key: String) async throws -> SnapshotJobRecord? {
        try await read { database in try await Self.fetchJob(database, key: key) }
    }

    /// Records a job's new status (`running`, or finished as `done`/`failed` with its result or error);
    /// throws ``StoreError/notFound`` if there is no such job.
    public func finishSnapshotJob(
        key: String, status: SnapshotJobRecord.Status, result: Data?, contentType: String?, error: String?, at: Date
    ) async throws {
        try await write { database in
            try await self.requireRow(
                database,
                """
                UPDATE snapshot_jobs SET status = \(bind: status.rawValue), result = \(bind: result),
                    content_type = \(bind: contentType), error = \(bind: error), updated_at = \(bind: Millis.value(at))
                WHERE job_key = \(bind: key) RETURNING job_key
                """,
                notFound: "snapshot job \(key)")
        }
    }

    /// Deletes the finished (`done` or `failed`) jobs last updated before `finishedBefore`.
    public func deleteSnapshotJobs(finishedBefore: Date) async throws {
        try await write { database in
            try await database.raw(
                """
                DELETE FROM snapshot_jobs WHERE status IN ('done', 'failed')
                    AND updated_at < \(bind: Millis.value(finishedBefore))
                """
            ).run()
        }
    }

    /// Appends an entry to the audit log.
    public func appendAudit(_ e: AuditRecord) async throws {
        try await write { database in
            try await database.raw(
                """
                INSERT INTO audit_events (id, at, actor_id, action, target_type, target_id, detail)
                VALUES (\(bind: StoreValue.id(e.id)), \(bind: Millis.value(e.at)), \(bind: StoreValue.id(e.actorID)),
                    \(bind: e.action), \(bind: e.targetType), \(bind: e.targetID), \(bind: e.detail))
                """
            ).run()
        }
    }

    /// The latest `limit` audit entries, newest first.
    public func auditEvents(limit: Int) async throws -> [AuditRecord] {
        try await read { database in
            try await database.raw(
                """
                SELECT id, at, actor_id, action, target_type, target_id, detail FROM audit_events
                ORDER BY at DESC, id DESC LIMIT \(bind: Int64(max(0, limit)))
                """
            ).all().map { row in
                let row = StoreRow(row: row)
                return AuditRecord(
                    id: try row.uuid("id"), at: try row.date("at"), actorID: try row.optionalUUID("actor_id"),
                    action: try row.string("action"), targetType: try row.string("target_type"),
                    targetID: try row.string("target_id"), detail: try row.string("detail"))
            }
        }
    }

    private static func fetchJob(_ database: any SQLDatabase, key: String) async throws -> SnapshotJobRecord? {
        try await database.raw("SELECT \(unsafeRaw: jobColumns) FROM snapshot_jobs WHERE job_key = \(bind: key)")
            .first().map { row in
                let row = StoreRow(row: row)
                return SnapshotJobRecord(
                    key: try row.string("job_key"), accountID: try row.uuid("account_id"),
                    status: try row.value("status", as: SnapshotJobRecord.Status.self),
                    result: try row.optionalData("result"), contentType: try row.optionalString("content_type"),
                    error: try row.optionalString("error"), createdAt: try row.date("created_at"),
                    updatedAt: try row.date("updated_at"))
            }
    }
}

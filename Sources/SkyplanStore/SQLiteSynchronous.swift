/// How an SQLite store waits for the disk on commit (SQLite's `PRAGMA synchronous`, in WAL mode).
///
/// - ``normal`` (the default, SQLite's recommendation for WAL): a commit is durable once the process has
///   written it — it survives the process being killed at any moment — and the WAL is synced at each
///   checkpoint. A power cut or kernel crash can roll back the last commits; the file is never corrupted.
/// - ``full``: every commit waits for an `fsync` of the WAL (a few milliseconds each on common disks), so
///   an acknowledged write survives a power cut too. Ask for it with `sqlite:PATH?synchronous=full`.
public enum SQLiteSynchronous: String, Sendable, Equatable, CaseIterable {
    case normal
    case full

    /// The `PRAGMA synchronous` value.
    var pragma: String { rawValue.uppercased() }
}

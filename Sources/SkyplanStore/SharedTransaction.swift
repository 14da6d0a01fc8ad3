import Synchronization

/// One SQLite transaction shared by the writes that queue for the writer connection while it is open (a group
/// commit): each write runs its statements in it when its turn comes, and the last one in the queue — or the
/// ``memberLimit``th — commits it for all. A write returns only once the commit that holds it is done, so an
/// acknowledged write is as durable as with a transaction of its own; one `BEGIN` and one `COMMIT` serve many
/// writes, which on SQLiteNIO are a thread hop each.
///
/// A write that fails rolls the transaction back (its own error goes to it); the writes already in it learn so
/// (``RolledBack``) and run again, each alone.
final class SharedTransaction: Sendable {
    /// The transaction was rolled back because another write in it failed: run again.
    struct RolledBack: Error {}

    private struct State {
        var members = 0
        var outcome: Result<Void, any Error>?
        var waiting: [CheckedContinuation<Void, any Error>] = []
    }

    private let state = Mutex(State())

    /// How many writes one transaction holds at most before it commits, waiters or not.
    static let memberLimit = 32

    /// Counts a write whose statements ran in the transaction; whether it is now full.
    func join() -> Bool {
        state.withLock { state in
            state.members += 1
            return state.members >= Self.memberLimit
        }
    }

    /// Ends the transaction for everyone in it: committed (`.success`), or not.
    func finish(_ outcome: Result<Void, any Error>) {
        let waiting = state.withLock { state in
            state.outcome = outcome
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume(with: outcome) }
    }

    /// Returns once the transaction committed; throws ``RolledBack`` or the commit's error.
    func committed() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = state.withLock { state in
                if state.outcome == nil { state.waiting.append(continuation) }
                return state.outcome
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }
}

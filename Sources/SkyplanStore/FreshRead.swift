import Synchronization

/// One small query shared by concurrent callers, without ever answering a caller with a value read before it
/// asked: callers that arrive while a read is on its way wait for the next one, which starts when that one
/// ends and answers all of them.
///
/// Fifty requests asking for the change counters at once cost two queries instead of fifty, and each still
/// sees every change committed before it asked — the same guarantee as a query of its own.
final class FreshRead<Value: Sendable>: Sendable {
    private struct State {
        var reading = false
        var waiting: [CheckedContinuation<Value, any Error>] = []
    }

    private let state = Mutex(State())
    private let query: @Sendable () async throws -> Value

    init(_ query: @escaping @Sendable () async throws -> Value) {
        self.query = query
    }

    /// The value as read by a query that started after this call.
    func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.waiting.append(continuation)
                defer { state.reading = true }
                return !state.reading
            }
            if start { Task { await self.readWhileWaited() } }
        }
    }

    /// Reads for the callers waiting, then for those who came meanwhile, until nobody waits.
    private func readWhileWaited() async {
        while true {
            let callers = state.withLock { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.reading = false }
                return state.waiting
            }
            if callers.isEmpty { return }
            do {
                let value = try await query()
                for caller in callers { caller.resume(returning: value) }
            } catch {
                for caller in callers { caller.resume(throwing: error) }
            }
        }
    }
}

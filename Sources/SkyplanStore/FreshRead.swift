import NIOConcurrencyHelpers

/// One read shared by concurrent callers, without ever answering a caller with a value read before it asked:
/// callers that arrive while a read is on its way wait for the next one, which starts when that one ends and
/// answers all of them.
///
/// Fifty requests asking for the change counters at once cost two queries instead of fifty, and each still
/// sees every change committed before it — the same guarantee as a query of its own. Every caller passes the
/// read (the same one); a round runs the first waiting caller's.
final class FreshRead<Value: Sendable>: Sendable {
    typealias Read = @Sendable () async throws -> Value

    private struct State {
        var reading = false
        var waiting: [(continuation: CheckedContinuation<Value, any Error>, read: Read)] = []
    }

    /// A pthread lock (NIO's): the thread sanitizer sees its ordering; Synchronization's `Mutex` hands a
    /// contended lock over in the kernel on Linux, which it reports as a race.
    private let state = NIOLockedValueBox(State())

    init() {}

    /// The value as read by a `read` that started after this call.
    func value(_ read: @escaping Read) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLockedValue { state in
                state.waiting.append((continuation, read))
                defer { state.reading = true }
                return !state.reading
            }
            if start { Task { await self.readWhileWaited() } }
        }
    }

    /// Reads for the callers waiting, then for those who came meanwhile, until nobody waits.
    private func readWhileWaited() async {
        while true {
            let callers = state.withLockedValue { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.reading = false }
                return state.waiting
            }
            guard let read = callers.first?.read else { return }
            do {
                let value = try await read()
                for caller in callers { caller.continuation.resume(returning: value) }
            } catch {
                for caller in callers { caller.continuation.resume(throwing: error) }
            }
        }
    }
}

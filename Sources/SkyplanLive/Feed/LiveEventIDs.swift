import Synchronization

/// Event ids shared by every feed of a hub: increasing, never reused while the process lives, and
/// starting from the clock so that ids from before a restart are older than any new one.
final class LiveEventIDs: Sendable {
    private let last: Mutex<Int>

    init(start: Int) { last = Mutex(start) }

    func next() -> Int { last.withLock { $0 += 1; return $0 } }
}

import Synchronization
import Testing

@testable import SkyplanStore

@Suite("Fresh read")
struct FreshReadTests {
    /// A query that waits until the test lets it answer, and counts how often it ran. (An actor, not a lock:
    /// the thread sanitizer runs this suite.)
    actor HeldQuery {
        private(set) var started = 0
        private var released = 0

        func run() async -> Int {
            started += 1
            let number = started
            while released < number { await Task.yield() }
            return number
        }

        func release() { released += 1 }

        func waitUntilStarted(_ count: Int) async {
            while started < count { await Task.yield() }
        }
    }

    @Test func callersWhoArriveDuringAReadGetTheNextOneTogether() async throws {
        let query = HeldQuery()
        let read = FreshRead<Int>()
        let first = Task { try await read.value { await query.run() } }
        await query.waitUntilStarted(1)
        // Ten callers ask while the first read is on its way: it may predate a change they must see.
        let late = (0..<10).map { _ in Task { try await read.value { await query.run() } } }
        try await Task.sleep(for: .milliseconds(50))
        await query.release()
        #expect(try await first.value == 1)
        await query.waitUntilStarted(2)
        await query.release()
        for caller in late { #expect(try await caller.value == 2) }
        #expect(await query.started == 2)
    }

    @Test func aFailedReadFailsItsCallersAndTheNextOneReadsAgain() async throws {
        struct Unreachable: Error {}
        let attempts = Mutex(0)
        let read = FreshRead<Int>()
        let query: FreshRead<Int>.Read = {
            let attempt = attempts.withLock { attempts in
                attempts += 1
                return attempts
            }
            if attempt == 1 { throw Unreachable() }
            return attempt
        }
        await #expect(throws: Unreachable.self) { try await read.value(query) }
        #expect(try await read.value(query) == 2)
    }
}

import Foundation
import Synchronization
import Testing

@testable import SkyplanStore

@Suite("Shared transaction (SQLite group commit)")
struct SharedTransactionTests {
    @Test func aWriteReturnsOnlyOnceTheTransactionHoldingItCommitted() async throws {
        let shared = SharedTransaction()
        #expect(shared.join() == false)
        let returned = Mutex(false)
        let member = Task {
            try await shared.committed()
            returned.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(returned.withLock { $0 } == false)
        shared.finish(.success(()))
        try await member.value
        #expect(returned.withLock { $0 })
        // A write that asks after the commit learns at once.
        try await shared.committed()
    }

    @Test func theWritesInARolledBackTransactionAreToldToRunAgain() async throws {
        let shared = SharedTransaction()
        _ = shared.join()
        shared.finish(.failure(SharedTransaction.RolledBack()))
        await #expect(throws: SharedTransaction.RolledBack.self) { try await shared.committed() }
    }

    @Test func isFullAtItsMemberLimit() {
        let shared = SharedTransaction()
        let full = (0..<SharedTransaction.memberLimit).map { _ in shared.join() }
        #expect(full.dropLast().allSatisfy { !$0 } && full.last == true)
    }

    /// Concurrent writes share transactions; one that fails (a taken email) rolls back those it shared one with,
    /// which run again: every other write is stored and acknowledged, the failing one gets its own error.
    @Test(arguments: 0..<3)
    func oneFailingWriteAmongManyLosesNoOtherWrite(round: Int) async throws {
        try await Support.withStore(.sqlite) { store in
            let users = (0..<80).map { _ in Support.user() }
            try await store.createUser(users[0])
            var clash = Support.user(email: users[0].email)
            clash.name = "Clash \(round)"
            let failures = await withTaskGroup(of: (any Error)?.self) { group in
                for user in (Array(users.dropFirst()) + [clash]).shuffled() {
                    group.addTask {
                        do {
                            try await store.createUser(user)
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                return await group.reduce(into: [any Error]()) { if let error = $1 { $0.append(error) } }
            }
            #expect(failures.count == 1)
            #expect(failures.first.map { "\($0)".contains("email") } == true)
            #expect(try await store.userCount() == 80)
            #expect(try await store.users().contains { $0.name == clash.name } == false)
        }
    }
}

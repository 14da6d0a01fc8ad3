import Foundation
import SkyplanStore
import Testing

@Suite("Store: snapshot jobs and audit")
struct SnapshotJobStoreTests {
    /// A user and an account to hang jobs on.
    private func account(in store: Store) async throws -> AccountRecord {
        let user = Support.user()
        try await store.createUser(user)
        let account = Support.account(creator: user.id)
        try await store.createAccount(account)
        return account
    }

    @Test(arguments: Engine.available)
    func claimsAJobOnceAndFinishesIt(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            // Its own era: deleteSnapshotJobs here must not reach jobs of tests running beside it.
            let base = Date(timeIntervalSince1970: 1_000_000_000.123_456)
            let account = try await account(in: store)
            let key = "\(account.id.uuidString.lowercased())/us-east-1/svg"
            let job = SnapshotJobRecord(
                key: key, accountID: account.id, status: .pending, createdAt: base, updatedAt: base)
            let first = try await store.claimSnapshotJob(key: key, newJob: job)
            #expect(first.created && first.job == job)
            var other = job
            other.status = .running
            let second = try await store.claimSnapshotJob(key: key, newJob: other)
            #expect(!second.created && second.job == job)

            let svg = Data("<svg/>".utf8)
            try await store.finishSnapshotJob(
                key: key, status: .done, result: svg, contentType: "image/svg+xml", error: nil,
                at: base.addingTimeInterval(5))
            let done = try #require(try await store.snapshotJob(key: key))
            #expect(done.status == .done && done.result == svg && done.contentType == "image/svg+xml")
            #expect((done.updatedAt.timeIntervalSince1970 * 1000).rounded() == 1_000_000_005_123)
            #expect(done.createdAt == job.createdAt)
            await #expect(throws: StoreError.notFound) {
                try await store.finishSnapshotJob(
                    key: "missing-\(UUID())", status: .failed, result: nil, contentType: nil, error: "x",
                    at: base)
            }

            try await store.deleteSnapshotJobs(finishedBefore: base.addingTimeInterval(5))
            #expect(try await store.snapshotJob(key: key) != nil)
            try await store.deleteSnapshotJobs(finishedBefore: base.addingTimeInterval(6))
            #expect(try await store.snapshotJob(key: key) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func keepsUnfinishedJobsAndDropsJobsOfADeletedAccount(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let base = Date(timeIntervalSince1970: 900_000_000)
            let account = try await account(in: store)
            let key = "pending-\(UUID())"
            let job = SnapshotJobRecord(
                key: key, accountID: account.id, status: .running, createdAt: base, updatedAt: base)
            _ = try await store.claimSnapshotJob(key: key, newJob: job)
            try await store.deleteSnapshotJobs(finishedBefore: base.addingTimeInterval(3600))
            #expect(try await store.snapshotJob(key: key) == job)
            try await store.deleteAccount(id: account.id)
            #expect(try await store.snapshotJob(key: key) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func givesAConcurrentlyClaimedJobToExactlyOneClaimant(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let account = try await account(in: store)
            let key = "race-\(UUID())"
            let created = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        let job = SnapshotJobRecord(
                            key: key, accountID: account.id, status: .pending, createdAt: Support.now,
                            updatedAt: Support.now)
                        return try await store.claimSnapshotJob(key: key, newJob: job).created
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(created == 1)
        }
    }

    @Test(arguments: Engine.available)
    func listsAuditEventsNewestFirst(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let actor = UUID()
            // Far in the future, so that entries of tests running in parallel on a shared database come after.
            let base = Date(timeIntervalSince1970: 4_000_000_000 + Double.random(in: 0..<1_000_000).rounded())
            let events = (0..<3).map { index in
                AuditRecord(
                    id: UUID(), at: base.addingTimeInterval(Double(index)), actorID: index == 0 ? nil : actor,
                    action: "account.create", targetType: "account", targetID: "\(index)", detail: "Development")
            }
            for event in events { try await store.appendAudit(event) }
            let latest = try await store.auditEvents(limit: 100).filter { events.contains($0) }
            #expect(latest == events.reversed())
            #expect(try await store.auditEvents(limit: 0).isEmpty)
        }
    }
    @Test(arguments: Engine.available)
    func keepsAnEmptyResultApartFromNoResult(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let account = try await account(in: store)
            let key = "empty-\(UUID())"
            let job = SnapshotJobRecord(
                key: key, accountID: account.id, status: .pending, createdAt: Support.now, updatedAt: Support.now)
            _ = try await store.claimSnapshotJob(key: key, newJob: job)
            #expect(try await store.snapshotJob(key: key)?.result == nil)
            try await store.finishSnapshotJob(
                key: key, status: .done, result: Data(), contentType: "text/csv", error: nil, at: Support.now)
            #expect(try await store.snapshotJob(key: key)?.result == Data())
        }
    }
}

import Foundation
import SkyplanStore
import Testing

@Suite("Store: several replicas")
struct ReplicaTests {
    @Test func createsANewSQLiteFileReadableOnlyByItsOwner() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let store = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await store.migrate()
        try await store.close()
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(.enabled(if: Engine.postgresURL != nil))
    func sharesSessionsAndSnapshotJobsBetweenReplicas() async throws {
        let url = try DatabaseURL(parsing: Engine.postgresURL ?? "")
        let first = try await Store.open(url, logger: Support.logger)
        let second = try await Store.open(url, logger: Support.logger)
        try await first.migrate()
        try await second.migrate()
        let user = Support.user()
        try await first.createUser(user)
        let account = Support.account(creator: user.id)
        try await first.createAccount(account)
        let session = SessionRecord(
            tokenHash: UUID().uuidString, userID: user.id, csrfToken: "c", createdAt: Support.now,
            expiresAt: Support.now.addingTimeInterval(60))
        try await first.createSession(session)
        #expect(try await second.session(tokenHash: session.tokenHash) == session)

        let key = "replica-\(UUID())"
        let job = SnapshotJobRecord(
            key: key, accountID: account.id, status: .pending, createdAt: Support.now, updatedAt: Support.now)
        async let a = first.claimSnapshotJob(key: key, newJob: job)
        async let b = second.claimSnapshotJob(key: key, newJob: job)
        let (claimA, claimB) = try await (a, b)
        #expect([claimA.created, claimB.created].filter { $0 }.count == 1)
        try await first.finishSnapshotJob(
            key: key, status: .done, result: Data("png".utf8), contentType: "image/png", error: nil, at: Support.now)
        #expect(try await second.snapshotJob(key: key)?.status == .done)
        try await first.close()
        try await first.close()
        await #expect(throws: StoreError.self) { try await first.ping() }
        try await second.ping()
        try await second.close()
    }
    @Test func sharesOneSQLiteFileBetweenAServerAndTheCommandLine() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let server = try await Store.open(.sqlite(path: path), logger: Support.logger)
        let cli = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await server.migrate()
        try await cli.migrate()
        let users = (0..<20).map { _ in Support.user() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, user) in users.enumerated() {
                group.addTask { try await (index.isMultiple(of: 2) ? server : cli).createUser(user) }
            }
            try await group.waitForAll()
        }
        #expect(try await server.userCount() == 20)
        #expect(try await cli.users() == server.users())
        try await server.close()
        try await cli.close()
    }

    /// The list is cached by the blueprint change counter: writes of another process on the same database
    /// (the CLI beside a server, another replica) show up in the next list, as do this process's own.
    @Test(arguments: Engine.available)
    func listsBlueprintsWrittenByAnotherProcess(engine: Engine) async throws {
        try await Self.withTwoStores(engine) { server, cli in
            let user = Support.user()
            try await server.createUser(user)
            func names(_ store: Store, _ ids: Set<UUID>) async throws -> [String] {
                try await store.blueprints().filter { ids.contains($0.id) }.map(\.name).sorted()
            }
            var first = Support.blueprint(creator: user.id)
            first.name = "first \(UUID())"
            try await server.createBlueprint(first)
            #expect(try await names(server, [first.id]) == [first.name])

            var second = Support.blueprint(creator: user.id)
            second.name = "second \(UUID())"
            try await cli.createBlueprint(second)
            let ids: Set = [first.id, second.id]
            #expect(try await names(server, ids) == [first.name, second.name])

            var renamed = first
            renamed.name = "third \(UUID())"
            renamed.updatedAt = Support.now.addingTimeInterval(5)
            _ = try await cli.updateBlueprint(renamed, ifVersion: nil)
            #expect(try await names(server, ids) == [second.name, renamed.name])
            let listed = try #require(try await server.blueprints().first { $0.id == first.id })
            #expect(listed == (try await cli.blueprints().first { $0.id == first.id }))
            #expect(listed.data.isEmpty)

            try await server.deleteBlueprint(id: second.id)
            #expect(try await names(cli, ids) == [renamed.name])
            #expect(try await names(server, ids) == [renamed.name])
            try await cli.deleteBlueprint(id: first.id)
            #expect(try await names(server, ids).isEmpty)
        }
    }

    /// What a key or session resolves to is kept by each process until an access change is counted: another
    /// process's revocation, membership change or sign-out shows at once, and a key's use keeps it current.
    @Test(arguments: Engine.available)
    func seesAnotherProcesssAccessChangesAtOnce(engine: Engine) async throws {
        try await Self.withTwoStores(engine) { server, other in
            let user = Support.user()
            try await server.createUser(user)
            let key = APIKeyRecord(
                id: UUID(), userID: user.id, name: "ci", hash: "hash-\(UUID())", access: .readWrite,
                createdAt: Support.now)
            try await server.createAPIKey(key)
            let session = SessionRecord(
                tokenHash: "token-\(UUID())", userID: user.id, csrfToken: "c", createdAt: Support.now,
                expiresAt: Support.now.addingTimeInterval(60))
            try await server.createSession(session)
            #expect(try await server.apiKeyWithUser(hash: key.hash)?.teamIDs == [])
            #expect(try await server.sessionWithUser(tokenHash: session.tokenHash)?.teamIDs == [])

            let used = Date(timeIntervalSince1970: 1_790_000_090)
            try await server.touchAPIKey(id: key.id, at: used)
            #expect(try await server.apiKeyWithUser(hash: key.hash)?.key.lastUsedAt == used)

            let team = TeamRecord(id: UUID(), name: "Platform", createdAt: Support.now, updatedAt: Support.now)
            try await other.createTeam(team)
            try await other.setMembership(teamID: team.id, userID: user.id, role: "user")
            #expect(try await server.apiKeyWithUser(hash: key.hash)?.teamIDs == [team.id])
            #expect(try await server.sessionWithUser(tokenHash: session.tokenHash)?.teamIDs == [team.id])

            try await other.revokeAPIKey(id: key.id, at: Support.now)
            #expect(try await server.apiKeyWithUser(hash: key.hash)?.key.revokedAt != nil)
            try await other.deleteSession(tokenHash: session.tokenHash)
            #expect(try await server.sessionWithUser(tokenHash: session.tokenHash) == nil)

            // A request's counters, read as it arrived, serve its reads (so it makes no query for what is kept);
            // a later request sees the later change.
            var renamed = user
            renamed.name = "Renamed \(UUID())"
            let during = try await server.withChangeCounters {
                _ = try await server.apiKeyWithUser(hash: key.hash)
                try await other.updateUser(renamed)
                return try await server.apiKeyWithUser(hash: key.hash)?.user.name
            }
            #expect(during == user.name)
            let after = try await server.withChangeCounters {
                try await server.apiKeyWithUser(hash: key.hash)?.user.name
            }
            #expect(after == renamed.name)
        }
    }

    /// A blueprint read answers from the list while it is current, and as stored once another process wrote.
    @Test(arguments: Engine.available)
    func readsABlueprintAsAnotherProcessSavedIt(engine: Engine) async throws {
        try await Self.withTwoStores(engine) { server, other in
            let user = Support.user()
            try await server.createUser(user)
            let created = Support.blueprint(creator: user.id)
            try await server.createBlueprint(created)
            _ = try await server.blueprints()
            #expect(try await server.blueprint(id: created.id)?.data == created.data)
            #expect(try await server.blueprintSummary(id: created.id)?.data.isEmpty == true)

            var saved = created
            saved.data = Data(#"{"grid":"infinite","nodes":[],"name":"other"}"#.utf8)
            saved.readAccess = ["team/\(UUID())"]
            let stored = try await other.updateBlueprint(saved, ifVersion: created.currentVersionID)
            // Fifty readers find the list behind at once: they share one refresh, and all see the save.
            let versions = try await withThrowingTaskGroup(of: UUID?.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await server.blueprintSummary(id: created.id)?.currentVersionID }
                }
                return try await group.reduce(into: [UUID?]()) { $0.append($1) }
            }
            #expect(versions.count == 50 && versions.allSatisfy { $0 == stored.currentVersionID })
            let summary = try #require(try await server.blueprintSummary(id: created.id))
            #expect(summary.currentVersionID == stored.currentVersionID && summary.readAccess == saved.readAccess)
            #expect(try await server.blueprint(id: created.id)?.data == saved.data)

            try await other.deleteBlueprint(id: created.id)
            #expect(try await server.blueprintSummary(id: created.id) == nil)
            #expect(try await server.blueprint(id: created.id) == nil)
        }
    }

    /// Two stores on one database — a server and another replica or the command line — migrated, then closed.
    static func withTwoStores(_ engine: Engine, _ body: (Store, Store) async throws -> Void) async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let url =
            engine == .sqlite ? DatabaseURL.sqlite(path: path) : try DatabaseURL(parsing: Engine.postgresURL ?? "")
        let first = try await Store.open(url, logger: Support.logger)
        let second = try await Store.open(url, logger: Support.logger)
        do {
            try await first.migrate()
            try await body(first, second)
        } catch {
            try? await first.close()
            try? await second.close()
            throw error
        }
        try await first.close()
        try await second.close()
    }
}

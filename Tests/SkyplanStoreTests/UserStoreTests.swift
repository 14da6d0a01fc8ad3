import Foundation
import SkyplanStore
import Testing

typealias Support = StoreTestSupport

@Suite("Store: users, teams, keys, sessions")
struct UserStoreTests {
    @Test(arguments: Engine.available)
    func createsAndReadsBackAnEqualUser(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let user = Support.user(role: .admin)
            try await store.createUser(user)
            #expect(try await store.user(id: user.id) == user)
            #expect(try await store.user(email: user.email.uppercased()) == user)
            #expect(try await store.user(id: UUID()) == nil)
            #expect(try await store.userCount() >= 1)
            #expect(try await store.users().contains(user))
            #expect(user.createdAt.timeIntervalSince1970 == 1_790_000_000.123)
        }
    }

    @Test(arguments: Engine.available)
    func refusesASecondUserWithTheSameEmailInAnyCase(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let user = Support.user()
            try await store.createUser(user)
            let twin = Support.user(email: user.email.lowercased())
            await #expect(throws: StoreError.conflict) { try await store.createUser(twin) }
        }
    }

    @Test(arguments: Engine.available)
    func updatesAUserAndReportsAMissingOne(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            var user = Support.user()
            try await store.createUser(user)
            user.name = "Grace Hopper"
            user.role = .owner
            user.passwordHash = nil
            user.accessedAt = Support.now.addingTimeInterval(60)
            try await store.updateUser(user)
            #expect(try await store.user(id: user.id) == user)
            await #expect(throws: StoreError.notFound) { try await store.updateUser(Support.user()) }
        }
    }

    @Test(arguments: Engine.available)
    func readsASessionWithItsUserAndEveryTeamOrNoneInOneQuery(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user(role: .admin)
            let bob = Support.user()
            try await store.createUser(ada)
            try await store.createUser(bob)
            var teams: [UUID] = []
            for (index, role) in ["admin", "user", "user"].enumerated() {
                let team = TeamRecord(id: UUID(), name: "Team \(index)", createdAt: Support.now, updatedAt: Support.now)
                try await store.createTeam(team)
                try await store.setMembership(teamID: team.id, userID: ada.id, role: role)
                teams.append(team.id)
            }
            func session(_ user: UserRecord) async throws -> SessionRecord {
                let session = SessionRecord(
                    tokenHash: "token-\(UUID())", userID: user.id, csrfToken: "csrf", createdAt: Support.now,
                    expiresAt: Support.now.addingTimeInterval(60))
                try await store.createSession(session)
                return session
            }
            let adas = try await session(ada)
            let member = try #require(try await store.sessionWithUser(tokenHash: adas.tokenHash))
            let storedAda = try await store.user(id: ada.id)
            #expect(member.session == adas && member.user == storedAda)
            #expect(member.teamIDs == teams.sorted(by: UUID.textOrder) && member.teamIDs.count == 3)
            let bobs = try await session(bob)
            let loner = try #require(try await store.sessionWithUser(tokenHash: bobs.tokenHash))
            let storedBob = try await store.user(id: bob.id)
            #expect(loner.user == storedBob && loner.teamIDs.isEmpty)
            #expect(try await store.sessionWithUser(tokenHash: "token-unknown") == nil)
        }
    }

    @Test(arguments: Engine.available)
    func readsAKeyWithItsUserAndTeamsInOneQuery(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            let bob = Support.user()
            try await store.createUser(ada)
            try await store.createUser(bob)
            var teams: [UUID] = []
            for index in 0..<2 {
                let team = TeamRecord(id: UUID(), name: "Team \(index)", createdAt: Support.now, updatedAt: Support.now)
                try await store.createTeam(team)
                try await store.setMembership(teamID: team.id, userID: ada.id, role: "user")
                teams.append(team.id)
            }
            func key(_ user: UserRecord, _ name: String) async throws -> APIKeyRecord {
                let key = APIKeyRecord(
                    id: UUID(), userID: user.id, name: name, hash: "hash-\(UUID())", access: .read,
                    createdAt: Support.now)
                try await store.createAPIKey(key)
                return key
            }
            let adas = try await key(ada, "ada's")
            let found = try #require(try await store.apiKeyWithUser(hash: adas.hash))
            let storedAda = try await store.user(id: ada.id)
            #expect(found.key == adas && found.user == storedAda)
            #expect(found.teamIDs == teams.sorted(by: UUID.textOrder))

            let bobs = try await key(bob, "bob's")
            try await store.revokeAPIKey(id: bobs.id, at: Support.now)
            let revoked = try #require(try await store.apiKeyWithUser(hash: bobs.hash))
            #expect(revoked.key.revokedAt != nil && revoked.key.name == "bob's" && revoked.user.id == bob.id)
            #expect(revoked.teamIDs.isEmpty)
            #expect(try await store.apiKeyWithUser(hash: "hash-unknown") == nil)
        }
    }

    @Test(arguments: Engine.available)
    func managesTeamsAndMembershipsWithCascade(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            let bob = Support.user()
            try await store.createUser(ada)
            try await store.createUser(bob)
            var team = TeamRecord(id: UUID(), name: "Platform", createdAt: Support.now, updatedAt: Support.now)
            try await store.createTeam(team)
            try await store.setMembership(teamID: team.id, userID: ada.id, role: "admin")
            try await store.setMembership(teamID: team.id, userID: bob.id, role: "user")
            try await store.setMembership(teamID: team.id, userID: bob.id, role: "admin")
            let members = try await store.memberships(teamID: team.id)
            #expect(members.count == 2)
            #expect(members.allSatisfy { $0.role == "admin" })
            #expect(try await store.teamIDs(userID: bob.id) == [team.id])
            #expect(try await store.teamIDs(userID: UUID()).isEmpty)

            team.name = "Platform team"
            try await store.updateTeam(team)
            #expect(try await store.team(id: team.id) == team)
            #expect(try await store.teams().contains(team))

            try await store.removeMembership(teamID: team.id, userID: ada.id)
            #expect(try await store.teamIDs(userID: ada.id).isEmpty)
            await #expect(throws: StoreError.notFound) {
                try await store.removeMembership(teamID: team.id, userID: ada.id)
            }
            await #expect(throws: StoreError.notFound) {
                try await store.setMembership(teamID: UUID(), userID: ada.id, role: "user")
            }

            try await store.deleteTeam(id: team.id)
            #expect(try await store.team(id: team.id) == nil)
            #expect(try await store.memberships(teamID: team.id).isEmpty)
            #expect(try await store.teamIDs(userID: bob.id).isEmpty)
            await #expect(throws: StoreError.notFound) { try await store.deleteTeam(id: team.id) }
        }
    }

    @Test(arguments: Engine.available)
    func storesAPIKeysByHashAndRevokesThem(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let user = Support.user()
            try await store.createUser(user)
            let hash = "sha256:\(UUID().uuidString)"
            let key = APIKeyRecord(
                id: UUID(), userID: user.id, name: "ci", hash: hash, access: .readWrite, createdAt: Support.now)
            try await store.createAPIKey(key)
            #expect(try await store.apiKey(hash: hash) == key)
            #expect(try await store.apiKeys(userID: user.id) == [key])
            #expect(try await store.apiKeys(userID: nil).contains(key))

            let used = Support.now.addingTimeInterval(10.000_4)
            try await store.touchAPIKey(id: key.id, at: used)
            try await store.revokeAPIKey(id: key.id, at: used)
            try await store.revokeAPIKey(id: key.id, at: used.addingTimeInterval(100))
            let stored = try #require(try await store.apiKey(hash: hash))
            #expect(stored.lastUsedAt == Date(timeIntervalSince1970: 1_790_000_010.124))
            #expect(stored.revokedAt == stored.lastUsedAt)

            let copy = APIKeyRecord(
                id: UUID(), userID: user.id, name: "copy", hash: hash, access: .read, createdAt: Support.now)
            await #expect(throws: StoreError.conflict) { try await store.createAPIKey(copy) }
            await #expect(throws: StoreError.notFound) { try await store.revokeAPIKey(id: UUID(), at: used) }
        }
    }

    @Test(arguments: Engine.available)
    func keepsSessionsUntilTheyExpire(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let user = Support.user()
            try await store.createUser(user)
            let live = SessionRecord(
                tokenHash: UUID().uuidString, userID: user.id, csrfToken: "csrf", createdAt: Support.now,
                expiresAt: Support.now.addingTimeInterval(3600))
            let old = SessionRecord(
                tokenHash: UUID().uuidString, userID: user.id, csrfToken: "csrf2",
                createdAt: Support.now.addingTimeInterval(-7200), expiresAt: Support.now.addingTimeInterval(-1))
            try await store.createSession(live)
            try await store.createSession(old)
            #expect(try await store.session(tokenHash: live.tokenHash) == live)
            try await store.deleteExpiredSessions(now: Support.now)
            #expect(try await store.session(tokenHash: old.tokenHash) == nil)
            #expect(try await store.session(tokenHash: live.tokenHash) == live)
            try await store.deleteSession(tokenHash: live.tokenHash)
            try await store.deleteSession(tokenHash: live.tokenHash)
            #expect(try await store.session(tokenHash: live.tokenHash) == nil)
        }
    }
}

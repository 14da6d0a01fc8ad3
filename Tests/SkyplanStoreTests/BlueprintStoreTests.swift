import Foundation
import SkyplanStore
import Testing

@Suite("Store: accounts and blueprints")
struct BlueprintStoreTests {
    @Test(arguments: Engine.available)
    func storesAccountsWithTheirAccessLists(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let creator = Support.user(role: .admin)
            try await store.createUser(creator)
            var account = Support.account(creator: creator.id)
            try await store.createAccount(account)
            #expect(try await store.account(id: account.id) == account)
            #expect(try await store.accounts().contains(account))

            account.name = "Production"
            account.readAccess = []
            account.writeAccess = nil
            account.checkStatus = "ok"
            account.checkMessage = "assumed arn:aws:iam::600111810075:role/skyplan"
            account.checkedAt = Support.now.addingTimeInterval(1)
            try await store.updateAccount(account)
            #expect(try await store.account(id: account.id) == account)

            try await store.deleteAccount(id: account.id)
            #expect(try await store.account(id: account.id) == nil)
            await #expect(throws: StoreError.notFound) { try await store.deleteAccount(id: account.id) }
            await #expect(throws: StoreError.notFound) { try await store.updateAccount(account) }
            await #expect(throws: StoreError.notFound) {
                try await store.createAccount(Support.account(creator: UUID()))
            }
        }
    }

    @Test(arguments: Engine.available)
    func keepsEveryVersionOfABlueprint(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            let bob = Support.user()
            try await store.createUser(ada)
            try await store.createUser(bob)
            let first = Support.blueprint(creator: ada.id)
            try await store.createBlueprint(first)
            #expect(try await store.blueprint(id: first.id) == first)
            let listed = try #require(try await store.blueprints().first { $0.id == first.id })
            #expect(listed.data.isEmpty && listed.name == first.name && listed.tags == ["prod", "web"])

            var edit = first
            edit.name = "Three tier v2"
            edit.tags = []
            edit.lastUserID = bob.id
            edit.data = Data(#"{"nodes":[{"id":"a"}]}"#.utf8)
            edit.updatedAt = Support.now.addingTimeInterval(30)
            let second = try await store.updateBlueprint(edit, ifVersion: first.currentVersionID)
            #expect(second.currentVersionID != first.currentVersionID)
            #expect(second.name == "Three tier v2" && second.tags.isEmpty && second.lastUserID == bob.id)
            #expect(second.data == edit.data && second.createdAt == first.createdAt)
            #expect(try await store.blueprint(id: first.id) == second)

            let versions = try await store.blueprintVersions(id: first.id)
            #expect(versions.map(\.number) == [1, 2])
            #expect(versions.map(\.id) == [first.currentVersionID, second.currentVersionID])
            #expect(versions.map(\.data) == [first.data, edit.data])
            #expect(versions.map(\.userID) == [ada.id, bob.id])
            #expect(try await store.blueprintVersion(id: first.id, versionID: first.currentVersionID) == versions[0])
            #expect(try await store.blueprintVersion(id: UUID(), versionID: first.currentVersionID) == nil)

            let third = try await store.updateBlueprint(edit, ifVersion: nil)
            #expect(try await store.blueprintVersions(id: first.id).last?.id == third.currentVersionID)

            try await store.deleteBlueprint(id: first.id)
            #expect(try await store.blueprint(id: first.id) == nil)
            #expect(try await store.blueprintVersions(id: first.id).isEmpty)
            await #expect(throws: StoreError.notFound) { try await store.deleteBlueprint(id: first.id) }
            await #expect(throws: StoreError.notFound) { _ = try await store.updateBlueprint(edit, ifVersion: nil) }
        }
    }

    @Test(arguments: Engine.available)
    func refusesAStaleSaveAndChangesNothing(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            try await store.createUser(ada)
            let first = Support.blueprint(creator: ada.id)
            try await store.createBlueprint(first)
            let second = try await store.updateBlueprint(first, ifVersion: first.currentVersionID)
            var late = first
            late.name = "lost update"
            await #expect(throws: StoreError.stale) {
                _ = try await store.updateBlueprint(late, ifVersion: first.currentVersionID)
            }
            #expect(try await store.blueprint(id: first.id) == second)
            #expect(try await store.blueprintVersions(id: first.id).count == 2)
        }
    }

    @Test(arguments: Engine.available)
    func letsExactlyOneOfConcurrentSavesOfAVersionWin(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            try await store.createUser(ada)
            let first = Support.blueprint(creator: ada.id)
            try await store.createBlueprint(first)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    var edit = first
                    edit.name = "edit \(index)"
                    group.addTask {
                        do {
                            _ = try await store.updateBlueprint(edit, ifVersion: first.currentVersionID)
                            return true
                        } catch StoreError.stale {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.blueprintVersions(id: first.id).count == 2)
        }
    }

    @Test(arguments: Engine.available)
    func numbersConcurrentUnconditionalSavesOfABlueprintWithoutGaps(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            try await store.createUser(ada)
            let first = Support.blueprint(creator: ada.id)
            try await store.createBlueprint(first)
            let saves = 12
            let saved = try await withThrowingTaskGroup(of: BlueprintRecord.self) { group in
                for index in 0..<saves {
                    var edit = first
                    edit.name = "edit \(index)"
                    edit.updatedAt = Support.now.addingTimeInterval(Double(index + 1))
                    group.addTask { try await store.updateBlueprint(edit, ifVersion: nil) }
                }
                return try await group.reduce(into: [BlueprintRecord]()) { $0.append($1) }
            }
            let versions = try await store.blueprintVersions(id: first.id)
            #expect(versions.map(\.number) == Array(1...(saves + 1)))
            #expect(Set(versions.dropFirst().map(\.id)) == Set(saved.map(\.currentVersionID)))
            // The row names the version numbered last, and the list shows the row.
            let current = try #require(try await store.blueprint(id: first.id))
            #expect(current.currentVersionID == versions.last?.id)
            let listed = try #require(try await store.blueprints().first { $0.id == first.id })
            #expect(listed.name == current.name && listed.currentVersionID == current.currentVersionID)
        }
    }

    @Test(arguments: Engine.available)
    func storesEmptyAndBinaryBlueprintData(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            try await store.createUser(ada)
            var blueprint = Support.blueprint(creator: ada.id)
            blueprint.data = Data([0, 255, 1, 254, 0x27, 0x5c])
            try await store.createBlueprint(blueprint)
            #expect(try await store.blueprint(id: blueprint.id)?.data == blueprint.data)
            blueprint.data = Data()
            let saved = try await store.updateBlueprint(blueprint, ifVersion: nil)
            #expect(saved.data.isEmpty)
        }
    }
    @Test(arguments: Engine.available)
    func writesABlueprintAndItsFirstVersionAllOrNothing(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let ada = Support.user()
            try await store.createUser(ada)
            let first = Support.blueprint(creator: ada.id)
            try await store.createBlueprint(first)
            // Same version id as `first`: the version insert fails after the blueprint row was written.
            var clash = Support.blueprint(creator: ada.id)
            clash.currentVersionID = first.currentVersionID
            await #expect(throws: StoreError.conflict) { try await store.createBlueprint(clash) }
            #expect(try await store.blueprint(id: clash.id) == nil)
            #expect(try await store.blueprints().contains { $0.id == clash.id } == false)
            // The store stays usable after the rollback.
            try await store.createBlueprint(Support.blueprint(creator: ada.id))
        }
    }
}

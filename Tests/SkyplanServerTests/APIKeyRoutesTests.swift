import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanStore
import Testing

@testable import SkyplanServer

/// API keys are minted only for the caller: an admin holding a key that acts as another user (the owner)
/// would hold that user's rights. Admins still list and revoke everyone's keys, and both are audited.
@Suite struct APIKeyRoutesTests {
    @Test(arguments: ["owner", "member", "admin-self-by-id"])
    func adminCannotMintAKeyForAnotherUser(target: String) async throws {
        let app = try await TestApp.make()
        let userID: UUID =
            switch target {
            case "owner": app.owner.id
            case "member": app.member.id
            default: app.admin.id
            }
        let before = try await app.services.store.apiKeys(userID: nil).count
        let adminKey = try #require(app.keys["admin"])
        try await app.test { client in
            let result = try await client.call(
                .post, "/apikey", key: adminKey, json: #"{"access":"read-write","userId":"\#(userID.apiString)"}"#)
            if userID == app.admin.id {
                #expect(result.status == .created)
                #expect(result.body["userId"] as? String == app.admin.id.apiString)
            } else {
                #expect(result.status == .forbidden)
                #expect(result.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(result.body["reason"] as? String == "insufficient_privileges")
                #expect(result.body["key"] == nil)
            }
        }
        let keys = try await app.services.store.apiKeys(userID: nil)
        #expect(keys.count == before + (userID == app.admin.id ? 1 : 0))
        // The target user holds only the keys the test fixture made.
        if userID != app.admin.id {
            #expect(try await app.services.store.apiKeys(userID: userID).count == 2)
        }
    }

    @Test func ownerCannotMintAKeyForAnAdminEither() async throws {
        let app = try await TestApp.make()
        let ownerKey = try #require(app.keys["owner"])
        try await app.test { client in
            let result = try await client.call(
                .post, "/apikey", key: ownerKey, json: #"{"access":"read","userId":"\#(app.admin.id.apiString)"}"#)
            #expect(result.status == .forbidden)
        }
        #expect(try await app.services.store.apiKeys(userID: app.admin.id).count == 2)
    }

    @Test func adminListsAndRevokesOthersKeysAndBothAreAudited() async throws {
        let app = try await TestApp.make()
        let adminKey = try #require(app.keys["admin"])
        let ownerKeyID = try #require(try await app.services.store.apiKeys(userID: app.owner.id).first?.id)
        try await app.test { client in
            let created = try await client.call(.post, "/apikey", key: adminKey, json: #"{"name":"ci"}"#)
            #expect(created.status == .created)
            let listed = try await client.call(.get, "/apikey", key: adminKey)
            let ids = (listed.body["keys"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids.contains(ownerKeyID.apiString))
            let revoked = try await client.call(.delete, "/apikey/\(ownerKeyID.apiString)", key: adminKey)
            #expect(revoked.status == .noContent)
        }
        let events = try await app.services.store.auditEvents(limit: 50)
        let create = try #require(events.first { $0.action == "apikey.create" })
        #expect(create.actorID == app.admin.id)
        #expect(create.detail.contains(app.admin.email))
        let revoke = try #require(events.first { $0.action == "apikey.revoke" })
        #expect(revoke.actorID == app.admin.id)
        #expect(revoke.targetID == ownerKeyID.apiString)
        #expect(revoke.detail.contains(app.owner.email))
    }

    /// The server keeps what a key resolves to between requests (the store's access cache): a revocation must
    /// still refuse the very next request with that key.
    @Test func aKeyJustUsedIsRefusedOnTheNextRequestAfterItsRevocation() async throws {
        let app = try await TestApp.make()
        let adminKey = try #require(app.keys["admin"])
        let ownerKey = try #require(app.keys["owner"])
        let ownerKeyID = try #require(try await app.services.store.apiKeys(userID: app.owner.id).first?.id)
        try await app.test { client in
            #expect(try await client.call(.get, "/blueprint", key: ownerKey).status == .ok)
            #expect(try await client.call(.get, "/blueprint", key: ownerKey).status == .ok)
            let revoked = try await client.call(.delete, "/apikey/\(ownerKeyID.apiString)", key: adminKey)
            #expect(revoked.status == .noContent)
            #expect(try await client.call(.get, "/blueprint", key: ownerKey).status == .unauthorized)
        }
    }
}

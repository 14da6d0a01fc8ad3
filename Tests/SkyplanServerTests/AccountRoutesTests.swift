import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SkyplanServer

@Suite struct AccountRoutesTests {
    static let goodRole = "arn:aws:iam::111122223333:role/skyplan"

    func fakeRequiringOwnerExternalID(_ app: TestApp) -> FakeRoleAssumer {
        FakeRoleAssumer(requiredExternalID: ["skyplan": app.owner.externalID.uuidString.lowercased()])
    }

    @Test func connectsListsEditsAndRemovesAnAccount() async throws {
        let base = try await TestApp.make()
        let app = try await TestApp.make(
            assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]), allowUnprotected: true)
        _ = base
        let owner = try #require(app.keys["owner"])
        try await app.test { client in
            let created = try await client.call(
                .post, "/aws/account", key: owner,
                json: #"{"name":"Production","roleArn":"\#(Self.goodRole)","writeAccess":["\#(app.teamRef)"]}"#)
            #expect(created.status == .created)
            let id = try #require(created.body["id"] as? String)
            #expect(created.body["roleArn"] as? String == Self.goodRole)
            #expect(created.body["CreatorId"] as? String == app.owner.id.uuidString.lowercased())
            #expect(created.body["externalId"] as? String == app.owner.externalID.uuidString.lowercased())
            #expect(created.body["readAccess"] is NSNull)
            #expect(created.body["source"] as? String == "aws")

            let listed = try await client.call(.get, "/api/aws/account", key: owner)
            #expect((listed.body["accounts"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])

            let renamed = try await client.call(.put, "/aws/account/\(id)", key: owner, json: #"{"name":"Prod"}"#)
            #expect(renamed.status == .ok)
            #expect(renamed.body["name"] as? String == "Prod")

            #expect(try await client.call(.delete, "/aws/account/\(id)", key: owner).status == .noContent)
            #expect(try await client.call(.delete, "/aws/account/\(id)", key: owner).status == .notFound)
        }
        let audit = try await app.services.store.auditEvents(limit: 50).map(\.action)
        #expect(
            audit.contains("account.connect") && audit.contains("account.update") && audit.contains("account.remove"))
    }

    @Test(arguments: [
        ("arn:aws:iam::1111222233334:role/x", "not 12 digits"),
        ("arn:aws:s3:::my-bucket", "iam"),
        ("arn:aws:iam::111122223333:user/bob", "role/NAME"),
        ("arn:aws-moon:iam::111122223333:role/x", "partition"),
        ("not an arn", "six colon-separated"),
        ("arn:aws:iam:us-east-1:111122223333:role/x", "region part must be empty"),
    ])
    func rejectsMalformedRoleARNs(arn: String, mentions: String) async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let result = try await client.call(
                .post, "/aws/account", key: app.keys["owner"], json: #"{"name":"x","roleArn":"\#(arn)"}"#)
            #expect(result.status == .badRequest)
            #expect(result.body["reason"] as? String == "invalid_property")
            #expect((result.body["error"] as? String)?.contains(mentions) == true, "\(result.raw)")
            #expect(result.body["code"] as? Int == 400)
        }
        #expect(try await app.services.store.accounts().isEmpty)
    }

    @Test func refusesRoleThatDoesNotRequireExternalID() async throws {
        let app = try await TestApp.make(assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]))
        try await app.test { client in
            let result = try await client.call(
                .post, "/aws/account", key: app.keys["owner"], json: #"{"name":"x","roleArn":"\#(Self.goodRole)"}"#)
            #expect(result.status == .badRequest)
            #expect((result.body["error"] as? String)?.contains("does not require an external ID") == true)
        }
        #expect(try await app.services.store.accounts().isEmpty)
    }

    @Test func acceptsRoleThatRequiresTheCreatorsExternalID() async throws {
        let base = try await TestApp.make()
        let assumer = fakeRequiringOwnerExternalID(base)
        let app = TestApp(
            services: AppServices(
                configuration: base.services.configuration, store: base.services.store,
                assumer: assumer, logger: base.services.logger), owner: base.owner, admin: base.admin,
            member: base.member,
            outsider: base.outsider, team: base.team, keys: base.keys)
        try await app.test { client in
            let byOwner = try await client.call(
                .post, "/aws/account", key: app.keys["owner"], json: #"{"name":"x","roleArn":"\#(Self.goodRole)"}"#)
            #expect(byOwner.status == .created)
            // The admin's external ID is another one: the role does not trust it.
            let byAdmin = try await client.call(
                .post, "/aws/account", key: app.keys["admin"], json: #"{"name":"y","roleArn":"\#(Self.goodRole)"}"#)
            #expect(byAdmin.status == .badRequest)
            let message = try #require(byAdmin.body["error"] as? String)
            #expect(message.contains("999988887777") && message.contains("external ID"))
        }
    }

    @Test(arguments: [
        (RoleAssumptionError.Kind.deniedBySCP, "SCP denies sts:AssumeRole in us-east-1"),
        (.regionDisabled, "not enabled in us-east-1"),
        (.operatorCredentials, "Skyplan's own AWS credentials"),
    ])
    func explainsWhyARoleCannotBeAssumed(kind: RoleAssumptionError.Kind, message: String) async throws {
        let app = try await TestApp.make(assumer: FakeRoleAssumer(failures: ["skyplan": kind]))
        try await app.test { client in
            let result = try await client.call(
                .post, "/aws/account", key: app.keys["owner"], json: #"{"name":"x","roleArn":"\#(Self.goodRole)"}"#)
            #expect(result.status == .badRequest)
            #expect((result.body["error"] as? String)?.contains(message) == true, "\(result.raw)")
        }
    }

    @Test func refusesARoleOfAnotherAccount() async throws {
        let app = try await TestApp.make(
            assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil], wrongAccount: ["skyplan"]),
            allowUnprotected: true)
        try await app.test { client in
            let result = try await client.call(
                .post, "/aws/account", key: app.keys["owner"], json: #"{"name":"x","roleArn":"\#(Self.goodRole)"}"#)
            #expect(result.status == .badRequest)
            #expect((result.body["error"] as? String)?.contains("belongs to account 000000000000") == true)
        }
    }

    @Test(arguments: [
        (#"{"name":"x"#, "not valid JSON"),
        (#"{"roleArn":"arn:aws:iam::111122223333:role/skyplan"}"#, "name"),
        (#"{"name":"x"}"#, "roleArn"),
        (#"{"name":"x","roleArn":"arn:aws:iam::111122223333:role/skyplan","readAccess":["team/nope"]}"#, "team/<uuid>"),
        (
            #"{"name":"x","roleArn":"arn:aws:iam::111122223333:role/skyplan","readAccess":["team/8bfc6773-7fa2-49b3-8016-5e0e9a2e2aff"]}"#,
            "does not exist"
        ),
        (#"{"name":5,"roleArn":"arn:aws:iam::111122223333:role/skyplan"}"#, "wrong type"),
    ])
    func rejectsBadBodiesWithoutSavingAnything(body: String, mentions: String) async throws {
        let app = try await TestApp.make(
            assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]), allowUnprotected: true)
        try await app.test { client in
            let result = try await client.call(.post, "/aws/account", key: app.keys["owner"], json: body)
            #expect(result.status == .badRequest)
            #expect((result.body["error"] as? String)?.contains(mentions) == true, "\(result.raw)")
        }
        #expect(try await app.services.store.accounts().isEmpty)
    }

    @Test func rejectsAVeryLongName() async throws {
        let app = try await TestApp.make(
            assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]), allowUnprotected: true)
        let name = String(repeating: "n", count: 10_000)
        try await app.test { client in
            let result = try await client.call(
                .post, "/aws/account", key: app.keys["owner"],
                json: #"{"name":"\#(name)","roleArn":"\#(Self.goodRole)"}"#)
            #expect(result.status == .badRequest)
            #expect((result.body["error"] as? String)?.contains("at most 255") == true)
        }
    }

    @Test func verifyRecordsRevokedAccess() async throws {
        let app = try await TestApp.make(
            assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]), allowUnprotected: true)
        try await app.test { client in
            let created = try await client.call(
                .post, "/aws/account", key: app.keys["owner"], json: #"{"name":"x","roleArn":"\#(Self.goodRole)"}"#)
            #expect(created.status == .created)
        }
        let id = try #require(try await app.services.store.accounts().first?.id.uuidString.lowercased())
        // The customer deletes the role: access is revoked.
        let revoked = AppServices(
            configuration: app.services.configuration, store: app.services.store,
            assumer: FakeRoleAssumer(failures: ["skyplan": .accessDenied]), logger: app.services.logger)
        let router = buildRouter(services: revoked)
        try await Application(router: router).test(.router) { client in
            let result = try await client.call(.post, "/aws/account/\(id)/verify", key: app.keys["owner"])
            #expect(result.status == .ok)
            let check = try #require(result.body["check"] as? [String: Any])
            #expect(check["status"] as? String == "failed")
            #expect((check["message"] as? String)?.contains("access revoked") == true)
        }
    }
}

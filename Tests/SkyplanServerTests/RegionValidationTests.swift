import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanModel
import SkyplanStore
import Synchronization
import Testing

@testable import SkyplanServer

/// An assumer that records every region it was asked to call STS in (and lets every role in).
final class RecordingRoleAssumer: RoleAssuming {
    let regions = Mutex<[String]>([])

    func assumedAccountID(role: RoleARN, externalID: String?, region: String) async throws(RoleAssumptionError)
        -> String
    {
        regions.withLock { $0.append(region) }
        guard externalID != nil else {
            throw RoleAssumptionError(kind: .accessDenied, awsCode: "AccessDenied", awsMessage: "not authorized")
        }
        return role.accountID
    }

    func operatorAccountID() async throws(RoleAssumptionError) -> String { "999988887777" }
}

/// A region becomes part of an AWS endpoint's host name, so every one that could reach an endpoint must be
/// a region AWS operates: on every write path, in query parameters, and in records read back from the store.
@Suite struct RegionValidationTests {
    static let badRegions = [
        "sts.evil.example/#", "mars-north-1", "us-east-1.evil.example", "127.0.0.1:9/#", "us-east-1 ",
    ]

    func app(_ assumer: RecordingRoleAssumer, source: FakeInventorySource = FakeInventorySource()) async throws -> (
        TestApp, AccountRecord
    ) {
        let base = try await TestApp.make()
        let services = AppServices(
            configuration: base.services.configuration, store: base.services.store, assumer: assumer,
            inventorySource: source,
            organizations: FakeOrganizationDirectory(members: [
                OrganizationMember(id: "111111111111", name: "Prod", status: "ACTIVE")
            ]), logger: base.services.logger)
        let app = TestApp(
            services: services, owner: base.owner, admin: base.admin, member: base.member, outsider: base.outsider,
            team: base.team, keys: base.keys)
        return (app, try await AccessMatrixTests.sharedAccount(app))
    }

    @Test(arguments: badRegions + ["cn-north-1"])
    func updateWithOnlyARegionIsCheckedAndNothingIsSaved(region: String) async throws {
        let assumer = RecordingRoleAssumer()
        let (app, account) = try await app(assumer)
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["region": region]), as: UTF8.self)
        try await app.test { client in
            let result = try await client.call(
                .put, "/aws/account/\(account.id.apiString)", key: app.keys["admin"], json: body)
            #expect(result.status == .badRequest, "\(result.raw)")
            #expect(result.body["reason"] as? String == "invalid_parameter")
            #expect((result.body["error"] as? String)?.contains("region") == true)
        }
        #expect(try await app.services.store.account(id: account.id)?.region == "us-east-1")
        #expect(assumer.regions.withLock { $0 }.isEmpty)
    }

    @Test func updateWithAKnownRegionChecksTheRoleThere() async throws {
        let assumer = RecordingRoleAssumer()
        let (app, account) = try await app(assumer)
        try await app.test { client in
            let result = try await client.call(
                .put, "/aws/account/\(account.id.apiString)", key: app.keys["admin"], json: #"{"region":"eu-west-1"}"#)
            #expect(result.status == .ok, "\(result.raw)")
        }
        #expect(try await app.services.store.account(id: account.id)?.region == "eu-west-1")
        #expect(assumer.regions.withLock { $0 }.allSatisfy { $0 == "eu-west-1" })
    }

    @Test(arguments: badRegions)
    func createAndOrganizationImportRefuseTheRegionBeforeAnyCall(region: String) async throws {
        let assumer = RecordingRoleAssumer()
        let (app, _) = try await app(assumer)
        let region = try String(decoding: JSONSerialization.data(withJSONObject: [region]), as: UTF8.self)
            .dropFirst().dropLast()
        try await app.test { client in
            let create = try await client.call(
                .post, "/aws/account", key: app.keys["owner"],
                json: #"{"name":"x","roleArn":"arn:aws:iam::111122223333:role/skyplan","region":\#(region)}"#)
            #expect(create.status == .badRequest, "\(create.raw)")
            let imported = try await client.call(
                .post, "/aws/organization/import", key: app.keys["owner"],
                json:
                    #"{"roleName":"skyplan","managementRoleArn":"arn:aws:iam::111111111111:role/m","region":\#(region)}"#
            )
            #expect(imported.status == .badRequest, "\(imported.raw)")
            #expect(imported.body["reason"] as? String == "invalid_parameter")
        }
        #expect(try await app.services.store.accounts().count == 1)
        #expect(assumer.regions.withLock { $0 }.isEmpty)
    }

    @Test func aStoredBadRegionIsAClearErrorAndNeverAConnection() async throws {
        let assumer = RecordingRoleAssumer()
        let source = FakeInventorySource()
        let (app, good) = try await app(assumer, source: source)
        var record = good
        record.id = UUID()
        record.region = "sts.evil.example/#"
        try await app.services.store.createAccount(record)
        let bad = record
        try await app.test { client in
            let verify = try await client.call(.post, "/aws/account/\(bad.id.apiString)/verify", key: app.keys["admin"])
            #expect(verify.status == .conflict, "\(verify.raw)")
            #expect(verify.body["reason"] as? String == "invalid_account_region")
            #expect((verify.body["error"] as? String)?.contains("PUT /aws/account/") == true)
            let snapshot = try await client.call(
                .get, "/aws/account/\(bad.id.apiString)/us-east-1/json", key: app.keys["admin"])
            #expect(snapshot.status == .conflict, "\(snapshot.raw)")
            // Listing still works, so the account can be found and repaired.
            let list = try await client.call(.get, "/aws/account", key: app.keys["admin"])
            #expect(list.status == .ok && list.raw.contains(bad.id.apiString))
        }
        #expect(assumer.regions.withLock { $0 }.isEmpty)
        #expect(source.scans.count.withLock { $0 } == 0)
    }

    @Test(arguments: ["mars-north-1", "us-east-1.evil.example", "x"])
    func snapshotRoutesRefuseAnUnknownRegion(region: String) async throws {
        let source = FakeInventorySource()
        let (app, account) = try await app(RecordingRoleAssumer(), source: source)
        try await app.test { client in
            for path in ["json", "events"] {
                let result = try await client.call(
                    .get, "/aws/account/\(account.id.apiString)/\(region)/\(path)", key: app.keys["admin"])
                #expect(result.status == .badRequest, "\(result.raw)")
            }
        }
        #expect(source.scans.count.withLock { $0 } == 0)
    }
}

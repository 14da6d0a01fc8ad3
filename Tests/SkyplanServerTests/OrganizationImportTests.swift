import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanModel
import Testing

@testable import SkyplanServer

struct FakeOrganizationDirectory: OrganizationDirectory {
    var members: [OrganizationMember]
    func memberAccounts(managementRole: RoleARN, externalID: String) async throws -> [OrganizationMember] { members }
}

@Suite struct OrganizationImportTests {
    @Test func connectsEveryActiveMemberWhereTheRoleCanBeAssumedAndReportsTheRest() async throws {
        let base = try await TestApp.make()
        let external = base.owner.externalID.uuidString.lowercased()
        // Members 1 and 2 have the role with the owner's external ID; member 3 has no role.
        let assumer = FakeRoleAssumer(
            requiredExternalID: ["skyplan": external], failures: [:], wrongAccount: [])
        let services = AppServices(
            configuration: base.services.configuration, store: base.services.store,
            assumer: NoRoleIn(account: "333333333333", inner: assumer),
            organizations: FakeOrganizationDirectory(members: [
                OrganizationMember(id: "111111111111", name: "Prod", status: "ACTIVE"),
                OrganizationMember(id: "222222222222", name: "Dev", status: "ACTIVE"),
                OrganizationMember(id: "333333333333", name: "Sandbox", status: "ACTIVE"),
                OrganizationMember(id: "444444444444", name: "Old", status: "SUSPENDED"),
            ]), logger: base.services.logger)
        let app = TestApp(
            services: services, owner: base.owner, admin: base.admin, member: base.member,
            outsider: base.outsider, team: base.team, keys: base.keys)
        try await app.test { client in
            let body = #"{"roleName":"skyplan","managementRoleArn":"arn:aws:iam::111111111111:role/skyplan"}"#
            let result = try await client.call(.post, "/aws/organization/import", key: app.keys["owner"], json: body)
            #expect(result.status == .ok, "\(result.raw)")
            let rows = try #require(result.body["results"] as? [[String: Any]])
            #expect(rows.map { $0["status"] as? String } == ["connected", "connected", "failed", "skipped"])
            #expect((rows[2]["message"] as? String)?.contains("cannot be assumed") == true)
            let again = try await client.call(.post, "/aws/organization/import", key: app.keys["owner"], json: body)
            let statuses = (again.body["results"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
            #expect(statuses == ["already_connected", "already_connected", "failed", "skipped"])
            let denied = try await client.call(.post, "/aws/organization/import", key: app.keys["member"], json: body)
            #expect(denied.status == .forbidden)
        }
        #expect(try await base.services.store.accounts().count == 2)
    }
}

/// Wraps an assumer so that one account has no such role.
struct NoRoleIn: RoleAssuming {
    let account: String
    let inner: FakeRoleAssumer
    func assumedAccountID(role: RoleARN, externalID: String?, region: String) async throws(RoleAssumptionError)
        -> String
    {
        if role.accountID == account {
            throw RoleAssumptionError(kind: .accessDenied, awsCode: "AccessDenied", awsMessage: "no such role")
        }
        return try await inner.assumedAccountID(role: role, externalID: externalID, region: region)
    }
    func operatorAccountID() async throws(RoleAssumptionError) -> String { try await inner.operatorAccountID() }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkyplanBudget
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore
import Testing

@testable import SkyplanServer

/// Each account's own small inventory (its role's account id), a queue in the first account notified by a bucket
/// in the second; the role of `refusing` cannot be assumed.
struct FakeMultiAccountSource: InventorySource {
    var refusing: String?
    var delay: Duration = .zero

    func inventory(
        for account: AccountRecord, regions: [String], progress: @escaping @Sendable (ScanProgress) -> Void
    ) async throws -> Inventory {
        let awsID = try RoleARN(parsing: account.roleARN).accountID
        if awsID == refusing {
            throw RoleAssumptionError(kind: .accessDenied, awsCode: "AccessDenied", awsMessage: "role revoked")
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        var inventory = FakeInventorySource.sample(account: awsID, region: regions.first ?? "us-east-1")
        let region = regions.first ?? "us-east-1"
        let queue = Resource(
            arn: "arn:aws:sqs:\(region):\(awsID):jobs", type: .sqs, resourceID: "jobs", accountID: awsID,
            region: region, name: "jobs-\(awsID)")
        let bucket = Resource(
            arn: "arn:aws:s3:::logs-\(awsID)", type: .s3, resourceID: "logs-\(awsID)", accountID: awsID,
            region: region, name: "logs-\(awsID)")
        inventory.resources += [queue, bucket]
        if awsID == MultiAccountSnapshotTests.second {
            inventory.relationships.append(
                Relationship(
                    from: bucket.arn, to: "arn:aws:sqs:\(region):\(MultiAccountSnapshotTests.first):jobs",
                    kind: .notification, evidence: "s3:GetBucketNotificationConfiguration QueueArn"))
        }
        return inventory
    }
}

@Suite struct MultiAccountSnapshotTests {
    static let first = "111122223333"
    static let second = "444455556666"

    struct Fixture {
        let base: TestApp
        let services: AppServices
        let shared: AccountRecord
        let sharedToo: AccountRecord
        let privateOne: AccountRecord
    }

    func fixture(source: FakeMultiAccountSource = FakeMultiAccountSource(), wait: Duration = .seconds(30))
        async throws -> Fixture
    {
        let base = try await TestApp.make()
        let services = base.services(source: source, wait: wait)
        func account(_ name: String, _ awsID: String, teams: [String]?) async throws -> AccountRecord {
            let record = AccountRecord(
                id: UUID(), name: name, roleARN: "arn:aws:iam::\(awsID):role/skyplan",
                externalID: base.admin.externalID, region: "us-east-1", readAccess: teams, writeAccess: nil,
                creatorID: base.admin.id, createdAt: Date(), updatedAt: Date(), checkStatus: nil, checkMessage: nil,
                checkedAt: nil)
            try await base.services.store.createAccount(record)
            return record
        }
        return Fixture(
            base: base, services: services,
            shared: try await account("Shop", Self.first, teams: [base.teamRef]),
            sharedToo: try await account("Data", Self.second, teams: [base.teamRef]),
            privateOne: try await account("Admin only", "777788889999", teams: nil))
    }

    func path(_ accounts: [AccountRecord], format: String = "json", extra: String = "") -> String {
        let ids = accounts.map { $0.id.uuidString.lowercased() }.joined(separator: ",")
        return "/aws/accounts/\(format)?accounts=\(ids)&regions=us-east-1,eu-west-1" + extra
    }

    @Test func teamMemberGetsOneDiagramOfTheTeamsAccountsWithTheCrossAccountEdge() async throws {
        let f = try await fixture()
        try await buildApplication(services: f.services).test(.router) { client in
            let response = try await client.call(
                .get, path([f.shared, f.sharedToo], extra: "&view=full"), key: f.base.keys["member"])
            #expect(response.status == .ok)
            let data = try #require(response.body["data"] as? [String: Any])
            let groups = try #require(data["groups"] as? [[String: Any]])
            let accounts = groups.filter { $0["type"] as? String == "account" }.compactMap { $0["name"] as? String }
            #expect(accounts.sorted() == ["Data  \(Self.second)", "Shop  \(Self.first)"])
            let edges = try #require(data["edges"] as? [[String: Any]])
            #expect(edges.contains { $0["evidence"] as? String == "s3:GetBucketNotificationConfiguration QueueArn" })
            // The API prefix and SVG answer too.
            let svg = try await client.call(
                .get, "/api" + path([f.shared, f.sharedToo], format: "svg"), key: f.base.keys["member"])
            #expect(svg.status == .ok)
            #expect(svg.raw.hasPrefix("<?xml version=\"1.0\" standalone=\"no\"?>\n<!DOCTYPE svg"))
        }
    }

    @Test func anAccountTheCallerMayNotUseIsA403NamingIt() async throws {
        let f = try await fixture()
        let hidden = f.privateOne.id.uuidString.lowercased()
        try await buildApplication(services: f.services).test(.router) { client in
            let member = try await client.call(.get, path([f.shared, f.privateOne]), key: f.base.keys["member"])
            #expect(member.status == .forbidden)
            #expect(member.body["reason"] as? String == "insufficient_privileges")
            #expect((member.body["error"] as? String)?.contains(hidden) == true)
            #expect(!member.raw.contains("Admin only"))
            let outsider = try await client.call(.get, path([f.shared]), key: f.base.keys["outsider"])
            #expect(outsider.status == .forbidden)
            #expect((outsider.body["error"] as? String)?.contains(f.shared.id.uuidString.lowercased()) == true)
            // An unknown id is answered the same way (no oracle for which ids exist).
            let unknown = try await client.call(
                .get, "/aws/accounts/json?accounts=\(UUID().uuidString)&regions=us-east-1", key: f.base.keys["member"])
            #expect(unknown.status == .forbidden)
            let anonymous = try await client.call(.get, path([f.shared]))
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func aReadOnlyKeyMayDrawTheAccountsItsUserMayUse() async throws {
        let f = try await fixture()
        try await buildApplication(services: f.services).test(.router) { client in
            let read = try await client.call(.get, path([f.shared, f.sharedToo]), key: f.base.keys["member-read"])
            #expect(read.status == .ok)
            let denied = try await client.call(.get, path([f.privateOne]), key: f.base.keys["member-read"])
            #expect(denied.status == .forbidden)
            let owner = try await client.call(
                .get, path([f.shared, f.privateOne]), key: f.base.keys["owner-read"])
            #expect(owner.status == .ok)
        }
    }

    @Test(arguments: [
        "/aws/accounts/json?regions=us-east-1", "/aws/accounts/json?accounts=not-a-uuid&regions=us-east-1",
        "/aws/accounts/json?accounts=ID&regions=mars-1", "/aws/accounts/json?accounts=ID",
        "/aws/accounts/gif?accounts=ID&regions=us-east-1", "/aws/accounts/json?accounts=ID&regions=us-east-1&view=x",
        "/aws/accounts/json?accounts=ID&regions=us-east-1&account=12",
    ])
    func malformedScopeIsA400(uri: String) async throws {
        let f = try await fixture()
        let uri = uri.replacingOccurrences(of: "ID", with: f.shared.id.uuidString.lowercased())
        try await buildApplication(services: f.services).test(.router) { client in
            let response = try await client.call(.get, uri, key: f.base.keys["member"])
            #expect(response.status == .badRequest, "\(uri)")
            #expect(response.body["reason"] as? String == "invalid_parameter")
        }
    }

    @Test func oneAccountsRevokedRoleIsAProblemOnItsTileNotAFailedDiagram() async throws {
        let f = try await fixture(source: FakeMultiAccountSource(refusing: Self.second))
        try await buildApplication(services: f.services).test(.router) { client in
            let response = try await client.call(
                .get, path([f.shared, f.sharedToo], extra: "&view=overview"), key: f.base.keys["member"])
            #expect(response.status == .ok)
            let data = try #require(response.body["data"] as? [String: Any])
            let tiles = try #require(data["groups"] as? [[String: Any]]).filter { $0["type"] as? String == "region" }
            let refused = try #require(
                tiles.first { ($0["drillDown"] as? [String: Any])?["account"] as? String == Self.second })
            #expect(refused["health"] as? String == "problems")
            let problems = refused["problems"] as? [String] ?? []
            #expect(problems.contains { $0.contains("account Data (\(Self.second)) was not scanned") })
            let fine = try #require(
                tiles.first { ($0["drillDown"] as? [String: Any])?["account"] as? String == Self.first })
            #expect(fine["health"] as? String == "ok")
            #expect(fine["components"] as? Int == 3)
        }
    }

    @Test func overviewTilesDrillDownToOneAccount() async throws {
        let f = try await fixture()
        try await buildApplication(services: f.services).test(.router) { client in
            let overview = try await client.call(
                .get, path([f.shared, f.sharedToo], extra: "&view=overview"), key: f.base.keys["member"])
            let data = try #require(overview.body["data"] as? [String: Any])
            let edges = try #require(data["edges"] as? [[String: Any]])
            #expect(edges.count == 1)
            #expect((edges.first?["evidence"] as? String)?.hasPrefix("1 connections:") == true)
            let drilled = try await client.call(
                .get, path([f.shared, f.sharedToo], extra: "&account=\(Self.second)&region=eu-west-1"),
                key: f.base.keys["member"])
            #expect(drilled.status == .ok)
            let nodes = try #require((drilled.body["data"] as? [String: Any])?["nodes"] as? [[String: Any]])
            #expect(!nodes.isEmpty)
            #expect(nodes.allSatisfy { ($0["arn"] as? String)?.contains(Self.second) == true })
        }
    }

    @Test func overviewTilesCarryTheirMonthlyCostFromThePriceBook() async throws {
        let f = try await fixture(source: FakeMultiAccountSource(refusing: Self.second))
        // The tile's one priced component: the sample's m5.large in the first region asked (regions are sorted).
        let instance = try #require(
            FakeInventorySource.sample(account: Self.first, region: "eu-west-1").resources.first { $0.type == .ec2 })
        let expected = try f.services.pricing().model.budget(for: [PricedComponent(resource: instance)]).total()
        #expect(expected > 0)
        try await buildApplication(services: f.services).test(.router) { client in
            let response = try await client.call(
                .get, path([f.shared, f.sharedToo], extra: "&view=overview"), key: f.base.keys["member"])
            let data = try #require(response.body["data"] as? [String: Any])
            let tiles = try #require(data["groups"] as? [[String: Any]]).filter { $0["type"] as? String == "region" }
            let priced = try #require(
                tiles.first { ($0["drillDown"] as? [String: Any])?["account"] as? String == Self.first })
            let cost = try #require(priced["monthlyCost"] as? Double)
            #expect(abs(cost - (expected * 100).rounded() / 100) < 0.001)
            // The refused account has no components, so no cost of its own: its tile says nothing rather than $0.
            let refused = try #require(
                tiles.first { ($0["drillDown"] as? [String: Any])?["account"] as? String == Self.second })
            #expect(refused["monthlyCost"] == nil)
            // The drawn tile says it too.
            let svg = try await client.call(
                .get, path([f.shared, f.sharedToo], format: "svg", extra: "&view=overview"), key: f.base.keys["member"])
            #expect(svg.raw.contains("/month"))
            // The full diagram is not priced here (its budget is the blueprint budget route's).
            let full = try await client.call(
                .get, path([f.shared, f.sharedToo], extra: "&view=full"), key: f.base.keys["member"])
            #expect(!full.raw.contains("monthlyCost"))
        }
    }

    @Test func aSlowScanAnswers202AndTheRetryGetsTheResult() async throws {
        let f = try await fixture(source: FakeMultiAccountSource(delay: .milliseconds(600)), wait: .milliseconds(100))
        try await buildApplication(services: f.services).test(.router) { client in
            let first = try await client.call(.get, path([f.shared, f.sharedToo]), key: f.base.keys["member"])
            #expect(first.status == .accepted)
            #expect(first.body["code"] as? String == "STILL_PROCESSING")
            var status = first.status
            for _ in 0..<40 where status != .ok {
                try await Task.sleep(for: .milliseconds(100))
                status = try await client.call(.get, path([f.shared, f.sharedToo]), key: f.base.keys["member"]).status
            }
            #expect(status == .ok)
        }
    }
}

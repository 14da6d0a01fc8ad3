import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanAWS
import SkyplanBudget
import SkyplanStore
import Synchronization
import Testing

@testable import SkyplanServer

/// Actual costs fixed per account, counting the calls (Cost Explorer bills each one); or one error for all.
final class FakeCostSource: AccountCostSource {
    let calls = Mutex(0)
    let failure: AWSError?

    init(failure: AWSError? = nil) {
        self.failure = failure
    }

    func actualCosts(for account: AccountRecord, month: CostMonth) async throws -> ActualCosts {
        calls.withLock { $0 += 1 }
        if let failure { throw failure }
        return ActualCosts(
            accountID: "111122223333", month: month,
            serviceRegion: [
                (["Amazon Elastic Compute Cloud - Compute", "us-east-1"], 200),
                (["EC2 - Other", "us-east-1"], 8), (["AWS Lambda", "eu-west-1"], 3),
                (["Amazon Simple Storage Service", "us-east-1"], 12),
            ], nameTag: [(["Name$web-1"], 150), (["Name$"], 73)], estimated: false)
    }
}

/// `GET /aws/account/{id}/costs` and the budget JSON's `actual`: team access, the in-memory cache, the months
/// one may ask for, and Cost Explorer refusing.
@Suite struct CostRoutesTests {
    static let role = "arn:aws:iam::111122223333:role/skyplan"
    static let blueprint = #"""
        {"data":{"name":"Shop","version":4,"nodes":[
        {"type":"ec2","id":"n1","name":"web-1","region":"us-east-1","mapPos":[0,0],"instanceType":"m5",
         "instanceSize":"large","platform":"linux","arn":"arn:aws:ec2:us-east-1:111122223333:instance/i-1"},
        {"type":"ebs","id":"n2","region":"us-east-1","mapPos":[3,0],"volume":100,"volumeType":"gp3"}],
        "edges":[],"groups":[],"surfaces":[],"text":[],"icons":[],"images":[],"connectors":[],"disabledLayers":[]}}
        """#

    func connect(_ app: TestApp, _ client: any TestClientProtocol) async throws -> String {
        let created = try await client.call(
            .post, "/aws/account", key: app.keys["owner"],
            json: #"{"name":"Production","roleArn":"\#(Self.role)","readAccess":["\#(app.teamRef)"]}"#)
        #expect(created.status == .created, "\(created.raw)")
        return try #require(created.body["id"] as? String)
    }

    @Test func teamMembersReadTheLastMonthOnceAndOutsidersDoNotSeeIt() async throws {
        let source = FakeCostSource()
        let app = try await TestApp.make(costSource: source)
        try await app.test { client in
            let id = try await connect(app, client)
            let costs = try await client.call(.get, "/aws/account/\(id)/costs", key: app.keys["member-read"])
            #expect(costs.status == .ok, "\(costs.raw)")
            #expect(costs.body["month"] as? String == CostMonth.lastFull(before: Date()).description)
            #expect(costs.body["total"] as? Double == 223)
            let services = try #require(costs.body["services"] as? [[String: Any]])
            #expect(services.first?["service"] as? String == "AWS Lambda")
            #expect((costs.body["names"] as? [[String: Any]])?.count == 2)
            let again = try await client.call(.get, "/api/aws/account/\(id)/costs", key: app.keys["owner"])
            #expect(again.status == .ok)
            #expect(source.calls.withLock { $0 } == 1, "the second read comes from memory")
            let outsider = try await client.call(.get, "/aws/account/\(id)/costs", key: app.keys["outsider"])
            #expect(outsider.status == .notFound)
            let future = try await client.call(.get, "/aws/account/\(id)/costs?month=2999-01", key: app.keys["owner"])
            #expect(future.status == .badRequest && future.raw.contains("has not ended"))
            let bad = try await client.call(.get, "/aws/account/\(id)/costs?month=2026-13", key: app.keys["owner"])
            #expect(bad.status == .badRequest && bad.raw.contains("yyyy-MM"))
            #expect(source.calls.withLock { $0 } == 1)
        }
        let stored = try await app.services.store.accounts()
        #expect(stored.count == 1)
    }

    @Test func budgetJSONPutsTheEstimateBesideTheActualPerService() async throws {
        let app = try await TestApp.make(costSource: FakeCostSource())
        try await app.test { client in
            let accountID = try await connect(app, client)
            let key = app.keys["member"]
            let blueprint = try #require(
                try await client.call(.post, "/blueprint", key: key, json: Self.blueprint).body["id"] as? String)
            let plain = try await client.call(.get, "/blueprint/\(blueprint)/budget/json", key: key)
            #expect(plain.body["actual"] == nil)
            for choice in ["auto", accountID] {
                let report = try await client.call(
                    .get, "/blueprint/\(blueprint)/budget/json?account=\(choice)", key: key)
                let actual = try #require(report.body["actual"] as? [String: Any], "\(report.raw.prefix(300))")
                let rows = try #require(actual["services"] as? [[String: Any]])
                let compute = try #require(
                    rows.first { $0["key"] as? String == "Amazon Elastic Compute Cloud - Compute" })
                let estimate = try #require(compute["estimate"] as? Double)
                #expect(estimate > 50 && estimate < 100, "m5.large on demand, about $70 a month")
                #expect(compute["actual"] as? Double == 200)
                #expect(compute["flag"] as? String == "over")
                let storage = try #require(rows.first { $0["key"] as? String == "Amazon Simple Storage Service" })
                #expect(storage["flag"] as? String == "missing")
                #expect(!rows.contains { $0["key"] as? String == "AWS Lambda" }, "eu-west-1 is not in the diagram")
                #expect(actual["otherRegionsActual"] as? Double == 3)
                let names = try #require(actual["names"] as? [[String: Any]])
                #expect(names.first { $0["key"] as? String == "web-1" }?["actual"] as? Double == 150)
            }
            let outsider = try await client.call(
                .get, "/blueprint/\(blueprint)/budget/json?account=\(accountID)", key: app.keys["outsider"])
            #expect(outsider.status == .notFound)
        }
    }

    @Test func costExplorerUnreachableIsA503AskedAgainNextTime() async throws {
        let down = AWSError(kind: .connection, code: "ConnectionRefused", message: "no route", service: "ce")
        let source = FakeCostSource(failure: down)
        let app = try await TestApp.make(costSource: source)
        try await app.test { client in
            let id = try await connect(app, client)
            for _ in 0..<2 {
                let costs = try await client.call(.get, "/aws/account/\(id)/costs", key: app.keys["owner"])
                #expect(costs.status == .serviceUnavailable && costs.raw.contains("ConnectionRefused"))
            }
            #expect(source.calls.withLock { $0 } == 2)
        }
    }

    @Test func costExplorerRefusingSaysWhichActionToGrant() async throws {
        let denied = AWSError(
            kind: .service, code: "AccessDeniedException", message: "not authorized", status: 400, service: "ce")
        let source = FakeCostSource(failure: denied)
        let app = try await TestApp.make(costSource: source)
        try await app.test { client in
            let id = try await connect(app, client)
            let costs = try await client.call(.get, "/aws/account/\(id)/costs", key: app.keys["owner"])
            #expect(costs.status == .badRequest)
            #expect(costs.body["reason"] as? String == "cost_explorer")
            #expect(costs.raw.contains("ce:GetCostAndUsage"))
            let blueprint = try #require(
                try await client.call(.post, "/blueprint", key: app.keys["owner"], json: Self.blueprint).body["id"]
                    as? String)
            let report = try await client.call(
                .get, "/blueprint/\(blueprint)/budget/json?account=auto", key: app.keys["owner"])
            #expect(report.status == .ok)
            #expect((report.body["actualUnavailable"] as? String)?.contains("ce:GetCostAndUsage") == true)
            #expect(source.calls.withLock { $0 } == 1, "a refusal is remembered like figures are")
        }
    }
}

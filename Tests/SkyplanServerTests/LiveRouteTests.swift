import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkyplanLive
import SkyplanStore
import Synchronization
import Testing

@testable import SkyplanServer

/// A fetcher that counts refreshes: the access tests prove no AWS work starts for a refused request.
final class CountingLiveFetcher: LiveFetching {
    let count = Mutex(0)
    var fetches: Int { count.withLock { $0 } }

    func fetch(_ arns: [String]) async -> LiveSnapshot {
        count.withLock { $0 += 1 }
        var snapshot = LiveSnapshot(calls: 1)
        for arn in arns { snapshot.statuses[arn] = LiveStatus(health: .ok, values: ["state": "running"]) }
        return snapshot
    }
}

@Suite struct LiveRouteTests {
    static let awsAccount = "111122223333"
    static let web = "arn:aws:ec2:eu-west-1:111122223333:instance/i-web"

    /// The app with the live route, an account shared read-only with the team, and a running hub.
    func withLiveApp(
        _ body:
            @escaping @Sendable (TestApp, AccountRecord, CountingLiveFetcher, any TestClientProtocol) async throws
            -> Void
    ) async throws {
        try await withLiveApp { app, account, fetcher, _, client in try await body(app, account, fetcher, client) }
    }

    func withLiveApp(
        _ body:
            @escaping @Sendable (TestApp, AccountRecord, CountingLiveFetcher, LiveService, any TestClientProtocol)
            async throws -> Void
    ) async throws {
        let app = try await TestApp.make()
        let account = AccountRecord(
            id: UUID(), name: "Prod", roleARN: "arn:aws:iam::\(Self.awsAccount):role/skyplan", externalID: UUID(),
            region: "eu-west-1", readAccess: [app.teamRef], creatorID: app.admin.id, createdAt: Date(),
            updatedAt: Date())
        try await app.services.store.createAccount(account)
        let fetcher = CountingLiveFetcher()
        let live = LiveService(configuration: LiveHubConfiguration(interval: .seconds(60))) { _, _ in fetcher }
        let router = buildRouter(services: app.services)
        LiveController(services: app.services, live: live).addRoutes(to: router.group(""))
        MultiAccountLiveController(services: app.services, live: live).addRoutes(to: router.group(""))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await live.hub.run() }
            try await Application(router: router).test(.router) { client in
                try await body(app, account, fetcher, live, client)
            }
            group.cancelAll()
        }
    }

    @Test func teamMemberGetsAFullStateAsServerSentEvents() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let path = "/live/\(account.id.apiString)/eu-west-1?arn=\(Self.web)&maxEvents=1"
            let answer = try await client.call(.get, path, key: app.keys["member"])
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            #expect(answer.raw.hasPrefix("retry: 5000\n\nid: "))
            #expect(
                answer.raw.contains(
                    "event: state\ndata: {\"statuses\":{\"\(Self.web)\":{\"alarms\":0,\"health\":\"ok\""))
            #expect(fetcher.fetches == 1)
        }
    }

    @Test func twoViewersShareOnePollAndThePollerStopsWhenTheyLeave() async throws {
        try await withLiveApp { app, account, fetcher, live, client in
            let path = "/live/\(account.id.apiString)/eu-west-1?arn=\(Self.web)&maxEvents=1"
            async let first = client.call(.get, path, key: app.keys["member"])
            async let second = client.call(.get, path, key: app.keys["admin"])
            let answers = try await [first, second]
            #expect(answers.allSatisfy { $0.status == .ok && $0.raw.contains("event: state") })
            #expect(fetcher.fetches <= 2)  // one poll, or two when the second viewer came after the first left
            #expect(await live.hub.activeFeeds.isEmpty)
        }
    }

    @Test func refusedRequestsAnswerJSONBeforeAnyAWSCall() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let base = "/live/\(account.id.apiString)"
            let cases: [(String, String?, HTTPResponse.Status)] = [
                (base + "/eu-west-1?arn=\(Self.web)", app.keys["outsider"], .notFound),
                ("/live/\(UUID().uuidString)/eu-west-1?arn=\(Self.web)", app.keys["owner"], .notFound),
                (base + "/eu-west-1?arn=\(Self.web)", nil, .unauthorized),
                (
                    base + "/eu-west-1?arn=arn:aws:ec2:eu-west-1:999988887777:instance/i-x", app.keys["member"],
                    .forbidden
                ),
                (
                    base + "/eu-west-1?arn=arn:aws:ec2:us-east-1:111122223333:instance/i-x", app.keys["member"],
                    .notFound
                ),
                (base + "/cn-north-1?arn=\(Self.web)", app.keys["member"], .notFound),
                (base + "/not-a-region?arn=\(Self.web)", app.keys["member"], .badRequest),
                (base + "/eu-west-9?arn=\(Self.web)", app.keys["member"], .notFound),
                (base + "/eu-west-1?arn=nonsense", app.keys["member"], .badRequest),
                (base + "/eu-west-1", app.keys["member"], .badRequest),
                (base + "/eu-west-1?blueprint=\(UUID().uuidString)", app.keys["member"], .notFound),
            ]
            for (path, key, status) in cases {
                let answer = try await client.call(.get, path, key: key)
                #expect(answer.status == status, "\(path)")
                #expect(answer.body["error"] != nil, "\(path)")
            }
            #expect(fetcher.fetches == 0)
        }
    }

    @Test func aCloudFrontWebACLIsGlobalThoughItsARNNamesUSEast1() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let acl = "arn:aws:wafv2:us-east-1:\(Self.awsAccount):global/webacl/edge/1111"
            let regional = "arn:aws:wafv2:us-east-1:\(Self.awsAccount):regional/webacl/api/2222"
            let base = "/live/\(account.id.apiString)/eu-west-1?maxEvents=1&arn="
            let answer = try await client.call(.get, base + acl, key: app.keys["member"])
            #expect(answer.status == .ok)
            #expect(answer.raw.contains(acl))
            let refused = try await client.call(.get, base + regional, key: app.keys["member"])
            #expect(refused.status == .notFound)
            #expect(fetcher.fetches == 1)
        }
    }

    @Test func blueprintGivesItsARNsOfThisAccountAndRegion() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let other = "arn:aws:ec2:us-east-1:111122223333:instance/i-elsewhere"
            let blueprint = """
                {"data":{"name":"Live","nodes":[
                {"type":"ec2","id":"a","mapPos":[0,0],"arn":"\(Self.web)"},
                {"type":"ec2","id":"b","mapPos":[2,0],"arn":"\(other)"}]}}
                """
            let created = try await client.call(.post, "/blueprint", key: app.keys["member"], json: blueprint)
            let id = try #require(created.body["id"] as? String)
            let path = "/live/\(account.id.apiString)/eu-west-1?blueprint=\(id)&maxEvents=1"
            let answer = try await client.call(.get, path, key: app.keys["member"])
            #expect(answer.status == .ok)
            #expect(answer.raw.contains(Self.web))
            #expect(!answer.raw.contains("i-elsewhere"))
            #expect(fetcher.fetches == 1)
        }
    }
}

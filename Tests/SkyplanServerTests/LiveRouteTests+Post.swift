import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SkyplanLive
import SkyplanStore
import Testing

@testable import SkyplanServer

/// `POST /live/{accountId}/{region}`: the ARNs in a JSON body, checked and streamed like the `GET`.
extension LiveRouteTests {
    static let db = "arn:aws:rds:eu-west-1:111122223333:db:orders"

    static func body(_ arns: [String], focus: String? = nil) -> String {
        let list = arns.map { "\"\($0)\"" }.joined(separator: ",")
        return "{\"arns\":[\(list)]" + (focus.map { ",\"focus\":\"\($0)\"" } ?? "") + "}"
    }

    @Test func postedARNsStreamAFullStateWithEveryOne() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let path = "/live/\(account.id.apiString)/eu-west-1?maxEvents=1"
            let many = (0..<2_000).map { "arn:aws:ec2:eu-west-1:111122223333:instance/i-\($0)" }
            let answer = try await client.call(
                .post, path, key: app.keys["member"], json: Self.body(many + [Self.web], focus: Self.db))
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            #expect(answer.raw.hasPrefix("retry: 5000\n\nid: "))
            let data = try #require(answer.raw.split(separator: "\n").first { $0.hasPrefix("data: ") })
            let event = try #require(
                try JSONSerialization.jsonObject(with: Data(data.dropFirst(6).utf8)) as? [String: Any])
            let statuses = try #require(event["statuses"] as? [String: Any])
            #expect(statuses.count == 2_002)  // every posted ARN and the focus: no URL-length cap
            #expect(statuses[Self.db] != nil && statuses[Self.web] != nil)
            #expect(fetcher.fetches == 1)
        }
    }

    @Test func postedBlueprintGivesItsARNs() async throws {
        try await withLiveApp { app, account, _, client in
            let blueprint = """
                {"data":{"name":"Live","nodes":[{"type":"ec2","id":"a","mapPos":[0,0],"arn":"\(Self.web)"}]}}
                """
            let created = try await client.call(.post, "/blueprint", key: app.keys["member"], json: blueprint)
            let id = try #require(created.body["id"] as? String)
            let answer = try await client.call(
                .post, "/live/\(account.id.apiString)/eu-west-1?maxEvents=1", key: app.keys["member"],
                json: "{\"blueprint\":\"\(id)\"}")
            #expect(answer.status == .ok)
            #expect(answer.raw.contains("event: state\ndata: {\"statuses\":{\"\(Self.web)\""))
        }
    }

    @Test func refusedPostsAnswerJSONBeforeAnyAWSCall() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let path = "/live/\(account.id.apiString)/eu-west-1"
            let tooMany = (0...LiveController.maxARNs).map { "arn:aws:ec2:eu-west-1:111122223333:instance/i-\($0)" }
            let huge = "{\"arns\":[\"" + String(repeating: "a", count: LiveSelection.maxBodyBytes) + "\"]}"
            let cases: [(String?, String?, HTTPResponse.Status, String)] = [
                (nil, Self.body([Self.web]), .unauthorized, "Authentication"),
                (app.keys["outsider"], Self.body([Self.web]), .notFound, "not found"),
                (app.keys["member"], nil, .badRequest, "request body is empty"),
                (app.keys["member"], "{\"arns\":", .badRequest, "not valid JSON"),
                (app.keys["member"], "[\"\(Self.web)\"]", .badRequest, "JSON object"),
                (app.keys["member"], "{\"arns\":\"\(Self.web)\"}", .badRequest, "\"arns\""),
                (app.keys["member"], "{\"arns\":[1]}", .badRequest, "arns"),
                (app.keys["member"], "{\"arns\":[]}", .badRequest, "give the ARNs"),
                (app.keys["member"], "{\"arns\":[\"nonsense\"]}", .badRequest, "nonsense"),
                (
                    app.keys["member"], Self.body(["arn:aws:ec2:eu-west-1:999988887777:instance/i-x"]), .forbidden,
                    "999988887777"
                ),
                (app.keys["member"], "{\"blueprint\":\"\(UUID().uuidString)\"}", .notFound, "Blueprint"),
                (app.keys["member"], Self.body(tooMany), .badRequest, "at most 10000 ARNs"),
                (app.keys["member"], huge, .contentTooLarge, "too large"),
            ]
            for (key, json, status, message) in cases {
                let answer = try await client.call(.post, path, key: key, json: json)
                #expect(answer.status == status, "\(json?.prefix(60) ?? "no body")")
                let error = answer.body["error"] as? String ?? ""
                #expect(error.lowercased().contains(message.lowercased()), "\(error)")
            }
            #expect(fetcher.fetches == 0)
        }
    }

    @Test func readOnlyKeysMayPostTheLiveFeedButNothingElse() async throws {
        try await withLiveApp { app, account, _, client in
            let path = "/live/\(account.id.apiString)/eu-west-1?maxEvents=1"
            let live = try await client.call(.post, path, key: app.keys["member-read"], json: Self.body([Self.web]))
            #expect(live.status == .ok)
            #expect(live.raw.contains("event: state"))
            let team = try await client.call(.post, "/team", key: app.keys["owner-read"], json: #"{"name":"B"}"#)
            #expect(team.status == .forbidden)
        }
    }

    @Test func aBrowserSessionNeedsItsCSRFTokenToPostTheLiveFeed() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let login = try await client.call(
                .post, "/auth/login", json: #"{"email":"\#(app.member.email)","password":"password-member"}"#)
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("skyplan_session=") })
            let csrf = try #require(login.body["csrfToken"] as? String)
            var headers: HTTPFields = [.cookie: String(cookie.prefix { $0 != ";" })]
            let path = "/live/\(account.id.apiString)/eu-west-1?maxEvents=1"
            let refused = try await client.call(.post, path, json: Self.body([Self.web]), headers: headers)
            #expect(refused.status == .forbidden)
            #expect(fetcher.fetches == 0)
            headers[AuthMiddleware.csrfHeader] = csrf
            let answer = try await client.call(.post, path, json: Self.body([Self.web]), headers: headers)
            #expect(answer.status == .ok)
            #expect(answer.raw.contains("event: state"))
        }
    }

    @Test(arguments: [
        ("/live/a/eu-west-1", true), ("/api/live/a/eu-west-1", true), ("/live/a", false),
        ("/api/live/a/eu-west-1/x", false), ("/team", false), ("/livex/a/b", false),
    ])
    func onlyTheLiveRouteIsARead(path: String, read: Bool) {
        let request = Request(
            head: HTTPRequest(method: .post, scheme: nil, authority: nil, path: path),
            body: RequestBody(buffer: .init()))
        #expect(LiveController.isReadOnlyPost(request) == read)
        let get = Request(
            head: HTTPRequest(method: .get, scheme: nil, authority: nil, path: path), body: RequestBody(buffer: .init())
        )
        #expect(!LiveController.isReadOnlyPost(get))
    }
}

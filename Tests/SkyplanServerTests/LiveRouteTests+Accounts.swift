import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkyplanStore
import Testing

@testable import SkyplanServer

/// `POST /live/accounts`: the feed of a diagram of several accounts, checked like `GET /aws/accounts`.
extension LiveRouteTests {
    static func scopeBody(_ account: AccountRecord, arns: [String], regions: [String] = ["eu-west-1"]) -> String {
        let list = arns.map { "\"\($0)\"" }.joined(separator: ",")
        let regionList = regions.map { "\"\($0)\"" }.joined(separator: ",")
        return "{\"accounts\":[\"\(account.id.apiString)\"],\"regions\":[\(regionList)],\"arns\":[\(list)]}"
    }

    @Test func aTeamMemberAndTheirReadOnlyKeyGetTheScopesFeed() async throws {
        try await withLiveApp { app, account, fetcher, client in
            for key in ["member", "member-read"] {
                let answer = try await client.call(
                    .post, "/live/accounts?maxEvents=1", key: app.keys[key],
                    json: Self.scopeBody(account, arns: [Self.web, "arn:aws:s3:::logs"]))
                #expect(answer.status == .ok, "\(key)")
                #expect(answer.raw.contains("event: state\ndata: {\"statuses\":{\"\(Self.web)\""), "\(key)")
                #expect(answer.headers[HTTPField.Name("X-Skyplan-Unwatched")!] == "1")
            }
            #expect(fetcher.fetches >= 1)
        }
    }

    @Test func refusedScopesAnswerBeforeAnyAWSCall() async throws {
        try await withLiveApp { app, account, fetcher, client in
            let cases: [(String?, String, HTTPResponse.Status)] = [
                (app.keys["outsider"], Self.scopeBody(account, arns: [Self.web]), .forbidden),
                (nil, Self.scopeBody(account, arns: [Self.web]), .unauthorized),
                (
                    app.keys["member"],
                    Self.scopeBody(account, arns: ["arn:aws:ec2:eu-west-1:999988887777:instance/i-x"]), .forbidden
                ),
                (
                    app.keys["member"],
                    Self.scopeBody(account, arns: ["arn:aws:ec2:us-east-1:111122223333:instance/i-x"]), .notFound
                ),
                (app.keys["member"], Self.scopeBody(account, arns: []), .badRequest),
                (app.keys["member"], Self.scopeBody(account, arns: [Self.web], regions: ["mars-1"]), .badRequest),
                (app.keys["member"], "{\"accounts\":\"x\"}", .badRequest),
            ]
            for (key, body, status) in cases {
                let answer = try await client.call(.post, "/live/accounts", key: key, json: body)
                #expect(answer.status == status, "\(body)")
                #expect(answer.body["error"] != nil, "\(body)")
            }
            let outsider = try await client.call(
                .post, "/live/accounts", key: app.keys["outsider"], json: Self.scopeBody(account, arns: [Self.web]))
            #expect((outsider.body["error"] as? String)?.contains(account.id.apiString) == true)
            #expect(fetcher.fetches == 0)
        }
    }

    @Test func runningFeedsAreListedForAdminsOnly() async throws {
        try await withLiveApp { app, _, _, client in
            let member = try await client.call(.get, "/live/feeds", key: app.keys["member"])
            #expect(member.status == .forbidden)
            let admin = try await client.call(.get, "/live/feeds", key: app.keys["admin"])
            #expect(admin.status == .ok)
            #expect(admin.raw == "{\"feeds\":[]}")
        }
    }
}

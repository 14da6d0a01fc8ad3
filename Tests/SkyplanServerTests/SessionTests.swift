import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import SkyplanServer

@Suite struct SessionTests {
    @Test func signsInWithACookieAndNeedsTheCSRFTokenToWrite() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let login = try await client.call(
                .post, "/auth/login", json: #"{"email":"\#(app.owner.email)","password":"password-owner"}"#)
            #expect(login.status == .ok)
            let cookies = login.headers[values: .setCookie]
            let session = try #require(cookies.first { $0.hasPrefix("skyplan_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax"))
            let token = String(session.dropFirst("skyplan_session=".count).prefix { $0 != ";" })
            let csrf = try #require(login.body["csrfToken"] as? String)
            var headers: HTTPFields = [.cookie: "skyplan_session=\(token)"]

            #expect(try await client.call(.get, "/user/me", headers: headers).status == .ok)
            let noToken = try await client.call(.post, "/team", json: #"{"name":"A"}"#, headers: headers)
            #expect(noToken.status == .forbidden)
            headers[AuthMiddleware.csrfHeader] = csrf
            #expect(try await client.call(.post, "/team", json: #"{"name":"A"}"#, headers: headers).status == .created)

            #expect(try await client.call(.post, "/auth/logout", headers: headers).status == .noContent)
            #expect(try await client.call(.get, "/user/me", headers: headers).status == .unauthorized)
        }
    }

    @Test func slowsDownPasswordGuessing() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            var statuses: [Int] = []
            for _ in 0..<7 {
                let result = try await client.call(
                    .post, "/auth/login", json: #"{"email":"\#(app.member.email)","password":"wrong-password"}"#)
                statuses.append(Int(result.status.code))
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == 401 })
            #expect(statuses.last == 429)
        }
    }

    @Test func answersUnknownRoutesAndBadIDsWithJSONErrors() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let missing = try await client.call(.get, "/no/such/route", key: app.keys["owner"])
            #expect(missing.status == .notFound)
            #expect(missing.body["reason"] as? String == "not_found")
            let badID = try await client.call(.put, "/aws/account/not-a-uuid", key: app.keys["owner"], json: "{}")
            #expect(badID.status == .badRequest)
            #expect(badID.body["reason"] as? String == "invalid_property")
            let health = try await client.call(.get, "/api/health")
            #expect(health.status == .ok)
            #expect(health.body["store"] as? String == "sqlite")
        }
    }

    @Test func neverLogsOrEchoesKeysAndPasswords() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let wrong = try await client.call(
                .post, "/auth/login", json: #"{"email":"\#(app.owner.email)","password":"hunter2-secret"}"#)
            #expect(!wrong.raw.contains("hunter2-secret"))
            let badKey = String(repeating: "A", count: 44)
            let unauthorized = try await client.call(.get, "/user/me", key: badKey)
            #expect(unauthorized.status == .unauthorized)
            #expect(!unauthorized.raw.contains(badKey))
        }
    }
}

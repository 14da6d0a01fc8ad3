import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanStore
import Testing

@testable import SkyplanServer

/// A browser that still holds an expired or unknown session cookie: it is ignored where no session is
/// needed, and cleared; and every cookie is `Secure` under `--secure-cookies`.
@Suite struct StaleSessionTests {
    /// A session that expired an hour ago, and its cookie header.
    static func expiredSession(_ app: TestApp) async throws -> HTTPFields {
        let token = Secrets.newToken()
        try await app.services.store.createSession(
            SessionRecord(
                tokenHash: Secrets.hash(token), userID: app.owner.id, csrfToken: Secrets.newToken(),
                createdAt: Date().addingTimeInterval(-7200), expiresAt: Date().addingTimeInterval(-3600)))
        return [.cookie: "skyplan_session=\(token); skyplan_csrf=stale"]
    }

    static func clearsTheCookies(_ headers: HTTPFields) -> Bool {
        let cookies = headers[values: .setCookie]
        return cookies.contains { $0.hasPrefix("skyplan_session=;") && $0.contains("Max-Age=0") }
            && cookies.contains { $0.hasPrefix("skyplan_csrf=;") && $0.contains("Max-Age=0") }
    }

    @Test(arguments: [true, false])
    func aStaleCookieIsIgnoredWhereNoSessionIsNeededAndCleared(expired: Bool) async throws {
        let app = try await TestApp.make()
        let headers: HTTPFields =
            expired ? try await Self.expiredSession(app) : [.cookie: "skyplan_session=\(Secrets.newToken())"]
        try await app.test { client in
            let health = try await client.call(.get, "/health", headers: headers)
            #expect(health.status == .ok)
            #expect(Self.clearsTheCookies(health.headers))

            let login = try await client.call(
                .post, "/auth/login", json: #"{"email":"\#(app.owner.email)","password":"password-owner"}"#,
                headers: headers)
            #expect(login.status == .ok, "\(login.raw)")
            // The new session's cookie, not a clearing one.
            let cookies = login.headers[values: .setCookie]
            #expect(cookies.filter { $0.hasPrefix("skyplan_session=") }.count == 1)
            #expect(cookies.contains { $0.hasPrefix("skyplan_session=") && !$0.contains("Max-Age=0") })

            let me = try await client.call(.get, "/user/me", headers: headers)
            #expect(me.status == .unauthorized)
            #expect((me.body["error"] as? String)?.contains("expired") == true)
            #expect(Self.clearsTheCookies(me.headers))
            let write = try await client.call(.post, "/team", json: #"{"name":"A"}"#, headers: headers)
            #expect(write.status == .unauthorized)
        }
        #expect(try await app.services.store.teams().map(\.name) == ["Platform"])
    }

    @Test func secureCookiesMarksEveryCookieSecure() async throws {
        let base = try await TestApp.make()
        var configuration = base.services.configuration
        configuration.secureCookies = true
        let services = AppServices(
            configuration: configuration, store: base.services.store, assumer: FakeRoleAssumer(),
            logger: base.services.logger)
        let stale = try await Self.expiredSession(base)
        try await buildApplication(services: services).test(.router) { client in
            let login = try await client.call(
                .post, "/auth/login", json: #"{"email":"\#(base.owner.email)","password":"password-owner"}"#)
            let token = try #require(login.body["csrfToken"] as? String)
            let session = try #require(
                login.headers[values: .setCookie].first { $0.hasPrefix("skyplan_session=") }?.split(separator: ";")
                    .first)
            var headers: HTTPFields = [.cookie: String(session)]
            headers[AuthMiddleware.csrfHeader] = token
            let logout = try await client.call(.post, "/auth/logout", headers: headers)
            let cleared = try await client.call(.get, "/health", headers: stale)
            for cookies in [login.headers, logout.headers, cleared.headers].map({ $0[values: .setCookie] }) {
                #expect(cookies.count == 2)
                #expect(cookies.allSatisfy { $0.hasSuffix("; Secure") }, "\(cookies)")
            }
        }
    }
}

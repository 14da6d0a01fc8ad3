import Foundation
import HTTPTypes
import HummingbirdTesting
import InMemoryLogging
import Logging
import SkyplanStore
import Synchronization
import Testing

@testable import SkyplanServer

@Suite struct SecretLoggingTests {
    /// Signs in, writes with the CSRF token, makes and uses an API key — all at trace level — then looks for
    /// every secret involved in the captured log.
    @Test func noPasswordHashTokenOrKeyIsLoggedAtTraceLevel() async throws {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        var logger = Logger(label: "capture") { [handler] _ in handler }
        logger.logLevel = .trace
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-log-\(UUID()).sqlite").path
        let store = try await Store.open(.sqlite(path: path), logger: logger)
        TestStores.keepAlive(store)
        try await store.migrate()
        var configuration = ServerConfiguration(databaseURL: "sqlite:\(path)")
        configuration.logLevel = .trace
        let services = AppServices(
            configuration: configuration, store: store, assumer: FakeRoleAssumer(), logger: logger)
        let user = try await UserAdmin(store: store, bcryptCost: 4).createUser(
            email: "trace@example.com", name: "Trace", role: .owner, password: "password-trace")
        let secrets = Mutex<[String]>([try #require(user.passwordHash), "password-trace"])
        try await buildApplication(services: services).test(.router) { client in
            let login = try await client.call(
                .post, "/auth/login", json: #"{"email":"trace@example.com","password":"password-trace"}"#)
            #expect(login.status == .ok)
            let csrf = try #require(login.body["csrfToken"] as? String)
            let cookie = try #require(
                login.headers[values: .setCookie].first { $0.hasPrefix("skyplan_session=") }?.split(separator: ";")
                    .first)
            let token = String(cookie.dropFirst("skyplan_session=".count))
            var headers: HTTPFields = [.cookie: String(cookie)]
            headers[AuthMiddleware.csrfHeader] = csrf
            let created = try await client.call(
                .post, "/apikey", json: #"{"name":"ci","access":"read"}"#, headers: headers)
            #expect(created.status == .created, "\(created.raw)")
            let key = try #require(created.body["key"] as? String)
            #expect(try await client.call(.get, "/user/me", key: key).status == .ok)
            #expect(try await client.call(.get, "/auth/session", headers: headers).status == .ok)
            secrets.withLock { $0 += [csrf, token, Secrets.hash(token), key, Secrets.hash(key)] }
        }
        let text = handler.entries.map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(text.contains("trace") || text.contains("debug"), "nothing was captured")
        for secret in secrets.withLock({ $0 }) {
            #expect(!text.contains(secret), "the log contains a secret (\(secret.prefix(6))...)")
        }
    }
}

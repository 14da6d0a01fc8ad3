import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import SkyplanStore

/// Password sign-in and sign-out for the browser. Sessions live in the store (any replica can
/// serve them); the cookie holds a random token whose hash is the session's key.
struct AuthController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.post("auth/login", use: login)
        group.post("auth/logout", use: logout)
        group.get("auth/session", use: session)
    }

    struct LoginInput: Decodable {
        let email: String
        let password: String
    }

    struct SessionJSON: Encodable {
        let user: UserJSON
        let csrfToken: String
    }

    @Sendable func login(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let input = try await JSONResponse.decode(LoginInput.self, from: request, context: context)
        let email = input.email.trimmingCharacters(in: .whitespaces).lowercased()
        let client = context.remoteAddressKey
        let keys = ["email:\(email)", "client:\(client)"]
        let wait = await services.loginThrottle.waitTime(keys: keys, now: services.now())
        if wait > 0 { throw APIError.tooManyRequests(retryAfter: Int(wait.rounded(.up))) }
        let user = try await services.store.user(email: email)
        let valid: Bool
        if let user, let hash = user.passwordHash {
            valid = Bcrypt.verify(input.password, hash: hash)
        } else {
            _ = Bcrypt.verify(input.password, hash: Self.dummyHash)  // same cost whether the user exists or not
            valid = false
        }
        guard valid, var user else {
            await services.loginThrottle.recordFailure(keys: keys, now: services.now())
            context.logger.notice("sign-in failed", metadata: ["email.hash": "\(Secrets.hash(email).prefix(12))"])
            throw APIError.unauthorized("Wrong email or password")
        }
        await services.loginThrottle.recordSuccess(keys: keys)
        let token = Secrets.newToken()
        let csrf = Secrets.newToken()
        let now = services.now()
        let lifetime = TimeInterval(services.configuration.sessionLifetime.components.seconds)
        try await services.store.createSession(
            SessionRecord(
                tokenHash: Secrets.hash(token), userID: user.id, csrfToken: csrf, createdAt: now,
                expiresAt: now.addingTimeInterval(lifetime)))
        user.accessedAt = now
        try await services.store.updateUser(user)
        var response = try JSONResponse.make(SessionJSON(user: UserJSON(user: user), csrfToken: csrf))
        response.headers[values: .setCookie] = [
            cookies.session(token, maxAge: Int(lifetime)), cookies.csrf(csrf, maxAge: Int(lifetime)),
        ]
        return response
    }

    @Sendable func logout(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        if let identity = context.identity, case .session(let tokenHash) = identity.method {
            try await services.store.deleteSession(tokenHash: tokenHash)
        }
        var response = JSONResponse.noContent()
        response.headers[values: .setCookie] = cookies.cleared
        return response
    }

    /// The signed-in user and the CSRF token the page must send with writes.
    @Sendable func session(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        guard case .session(let tokenHash) = identity.method,
            let session = try await services.store.session(tokenHash: tokenHash)
        else { throw APIError.unauthorized("No browser session") }
        return try JSONResponse.make(SessionJSON(user: UserJSON(user: identity.user), csrfToken: session.csrfToken))
    }

    var cookies: SessionCookies { SessionCookies(secure: services.configuration.secureCookies) }

    /// A bcrypt hash of nothing in particular, verified against when the email is unknown.
    static let dummyHash = Bcrypt.hash("skyplan-timing-equaliser", cost: 12)
}

import Foundation
import HTTPTypes
import Hummingbird
import SkyplanStore

/// Resolves the caller from `Authorization: Bearer <key>` or the session cookie, and enforces CSRF
/// protection on cookie-authenticated writes and read-only keys. It never rejects anonymous requests:
/// routes that need a caller ask `context.requireIdentity()`.
///
/// A session cookie that names no live session (expired, signed out, from another database) is ignored, as
/// if the browser had sent none — sign-in and `/health` work — and the answer clears it.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = SkyplanRequestContext
    static let sessionCookie = SessionCookies.session
    /// `X-CSRF-Token` (a valid field name, so the fallback is never used).
    static let csrfHeader = HTTPField.Name("X-CSRF-Token") ?? .authorization

    let store: Store
    let now: @Sendable () -> Date
    var cookies = SessionCookies(secure: false)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let session = request.cookies[Self.sessionCookie]?.value ?? ""
        guard request.headers[.authorization] != nil || !session.isEmpty else {
            return try await next(request, context)
        }
        // One read of the change counters for the whole request: its caller, blueprint and list then come from
        // the store's caches while nothing changed, and every reader shares the read.
        return try await store.withChangeCounters { try await authenticated(request, context: context, next: next) }
    }

    private func authenticated(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            context.identity = try await identity(fromAuthorization: authorization)
        } else if let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty {
            context.identity = try await identity(fromSession: cookie, request: request)
            context.staleSession = context.identity == nil
        }
        // A read-only key may make the POSTs that only read (the live feed's ARN list is too long for a URL).
        if let identity = context.identity, !identity.mayWrite, !request.method.isSafe,
            !LiveController.isReadOnlyPost(request)
        {
            throw APIError.forbidden("This API key is read-only")
        }
        guard context.staleSession else { return try await next(request, context) }
        do {
            var response = try await next(request, context)
            // Unless the route set a new session (sign-in), the stale cookie is expired in the browser.
            if !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(Self.sessionCookie + "=") }) {
                response.headers[values: .setCookie] += cookies.cleared
            }
            return response
        } catch var error as APIError {
            error.headers[values: .setCookie] += cookies.cleared
            throw error
        }
    }

    private func identity(fromAuthorization header: String) async throws -> Identity {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("Authorization must be \"Bearer <API key>\"")
        }
        let key = String(parts[1]).trimmingCharacters(in: .whitespaces)
        guard key.count == 44, let (record, user, teamIDs) = try await store.apiKeyWithUser(hash: Secrets.hash(key)),
            record.revokedAt == nil
        else { throw APIError.unauthorized("Invalid or revoked API key") }
        let moment = now()
        if record.lastUsedAt.map({ moment.timeIntervalSince($0) > 60 }) ?? true {
            try await store.touchAPIKey(id: record.id, at: moment)
        }
        return Identity(user: user, teamIDs: Set(teamIDs), method: .apiKey(id: record.id, access: record.access))
    }

    /// The session's user, or nil when the cookie names no live session.
    private func identity(fromSession token: String, request: Request) async throws -> Identity? {
        let tokenHash = Secrets.hash(token)
        guard let (session, user, teamIDs) = try await store.sessionWithUser(tokenHash: tokenHash),
            session.expiresAt > now()
        else { return nil }
        if !request.method.isSafe {
            let sent = request.headers[Self.csrfHeader] ?? ""
            guard Secrets.constantTimeEquals(sent, session.csrfToken) else {
                throw APIError.forbidden("Missing or wrong X-CSRF-Token header for a cookie-authenticated write")
            }
        }
        return Identity(user: user, teamIDs: Set(teamIDs), method: .session(tokenHash: tokenHash))
    }
}

extension HTTPRequest.Method {
    /// GET, HEAD and OPTIONS change nothing.
    var isSafe: Bool { self == .get || self == .head || self == .options }
}

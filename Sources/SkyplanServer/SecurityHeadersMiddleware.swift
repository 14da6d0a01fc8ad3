import HTTPTypes
import Hummingbird

/// Browser hardening on every answer: no framing, no MIME sniffing, no referrer leaks, and a
/// content security policy that allows only Skyplan's own origin (the UI needs no CDN).
///
/// It is the outermost middleware, so error answers (made by `ErrorMiddleware` below it) carry the same
/// headers as successful ones; answers made before routing get them from `HTTPParseErrorResponder`.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        SecurityHeaders.apply(to: &response.headers)
        return response
    }
}

/// The hardening headers, shared by the middleware and the answers made before routing.
enum SecurityHeaders {
    /// The headers every answer carries. JSON answers may hold user data: no cache keeps them.
    static func apply(to headers: inout HTTPFields) {
        headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin")] {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
        if headers[.contentType]?.hasPrefix("application/json") == true, headers[.cacheControl] == nil {
            headers[.cacheControl] = "no-store"
        }
    }
}

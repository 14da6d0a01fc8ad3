import HTTPTypes
import Hummingbird

/// Browser hardening on every answer: no framing, no MIME sniffing, no referrer leaks, and a
/// content security policy that allows only Skyplan's own origin (the UI needs no CDN).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin")] {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
        return response
    }
}

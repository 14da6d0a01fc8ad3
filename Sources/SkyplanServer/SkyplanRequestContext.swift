import Hummingbird
import Logging

/// The request context of every Skyplan route: Hummingbird's core context plus who is asking.
public struct SkyplanRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthMiddleware` when the request carries a valid API key or session cookie.
    public var identity: Identity?
    /// The request carried a session cookie that names no live session (it is ignored, and cleared).
    public var staleSession = false
    /// The client's IP address, for throttling sign-in attempts.
    public let remoteAddressKey: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.remoteAddressKey = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Blueprints can be large; everything else is small.
    public var maxUploadSize: Int { 32 * 1024 * 1024 }

    /// The caller, or a 401.
    public func requireIdentity() throws -> Identity {
        guard let identity else {
            throw staleSession
                ? APIError.unauthorized("Your session has expired; sign in again") : APIError.unauthorized()
        }
        return identity
    }
}

import Foundation

/// A set of AWS credentials: an access key, its secret, and for temporary credentials a session token
/// and an expiry.
///
/// `description` never shows the secret or the token, so a stray `print` or log line cannot leak them.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key id (`AKIA...` for long-term keys, `ASIA...` for temporary ones).
    public var accessKeyID: String
    /// The secret access key. Never log it.
    public var secretAccessKey: String
    /// The session token of temporary credentials (sent as `X-Amz-Security-Token`). Never log it.
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?

    /// Creates credentials from their parts.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// True when the credentials expire within `margin` seconds of `now` (or have expired).
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= margin
    }

    /// A redacted form: the access key id only, never the secret or the token.
    public var description: String {
        let kind = sessionToken == nil ? "long-term" : "temporary"
        return "AWSCredentials(\(accessKeyID), \(kind), secret: <redacted>)"
    }

    /// Same as `description`: redacted.
    public var debugDescription: String { description }
}

import Foundation

/// One query-string parameter, not yet percent-encoded.
public struct QueryItem: Sendable, Hashable {
    /// The parameter name, raw.
    public var name: String
    /// The parameter value, raw.
    public var value: String

    /// Creates a parameter.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// How the body is represented in the signature.
///
/// See https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
public enum PayloadSigning: Sendable, Hashable {
    /// The SHA-256 of the body is signed (the default for every service).
    case signed
    /// `UNSIGNED-PAYLOAD` is signed instead of the body hash (S3 only).
    case unsigned
    /// A hash computed elsewhere (hex, lowercase).
    case precomputed(String)
}

/// An HTTP request as SigV4 sees it: method, host, the path as it goes on the wire (percent-encoded),
/// raw query parameters, headers and body.
public struct SignableRequest: Sendable, Hashable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The `Host` header value, with `:port` when the port is not the scheme's default.
    public var host: String
    /// The path as sent on the wire, already percent-encoded (`/`, `/my%20key`).
    public var path: String
    /// Query parameters, raw (the signer and `encodedQuery` encode them).
    public var query: [QueryItem]
    /// Header names (any case) and values. `host` is added by the signer.
    public var headers: [String: String]
    /// The body bytes.
    public var body: Data

    /// Creates a request.
    public init(
        method: String, host: String, path: String = "/", query: [QueryItem] = [], headers: [String: String] = [:],
        body: Data = Data()
    ) {
        self.method = method
        self.host = host
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The query string as it goes on the wire, in the canonical (sorted, RFC 3986 encoded) form.
    public var encodedQuery: String { SigV4Canonical.canonicalQuery(query) }
}

import Foundation

/// An HTTP request, ready to send (already signed).
public struct HTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The full URL, query included.
    public var url: URL
    /// Header names and values (lower-case names after signing).
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header names (lower case) and values.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a response; header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        var lower: [String: String] = [:]
        for (name, value) in headers { lower[name.lowercased()] = value }
        self.headers = lower
        self.body = body
    }

    /// Header value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP response.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// No answer within the timeout.
        case timeout
        /// The connection was refused, reset or closed early.
        case connection
        /// The call was cancelled.
        case cancelled
    }

    /// What happened.
    public var kind: Kind
    /// Details for a person (no secrets: never headers).
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// A sentence a person can act on.
    public var description: String {
        switch kind {
        case .timeout: "no response in time (\(detail))"
        case .connection: "connection failed (\(detail))"
        case .cancelled: "cancelled"
        }
    }
}

/// Sends HTTP requests. One production implementation (`AsyncHTTPClientTransport`) and one fake
/// (`FakeHTTPTransport`) for tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; answers any HTTP status as a response, throws `TransportError` when there is none.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

import Foundation
import Synchronization

/// An in-memory `HTTPTransport` for tests: a handler answers each request, and every request is recorded.
///
/// The handler may return a response, throw a `TransportError` (a reset or a timeout), or return
/// `.slow(delay, response)` to be answered after `delay`; a slow answer longer than the call's timeout
/// becomes a timeout at once, so tests never wait on a real clock.
public final class FakeHTTPTransport: HTTPTransport {
    /// What the handler answers.
    public enum Answer: Sendable {
        /// An HTTP response.
        case response(HTTPResponse)
        /// An HTTP response that arrives after `delay`.
        case slow(Duration, HTTPResponse)
    }

    /// Answers one request; the second argument counts requests from 1.
    public typealias Handler = @Sendable (HTTPRequest, Int) async throws -> Answer

    private let handler: Handler
    private let state = Mutex<[HTTPRequest]>([])

    /// Creates a fake answering with `handler`.
    public init(handler: @escaping Handler) {
        self.handler = handler
    }

    /// A fake that always answers `status` with `body`.
    public convenience init(status: Int = 200, headers: [String: String] = [:], body: String) {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        self.init { _, _ in .response(response) }
    }

    /// The requests received so far, in order.
    public var requests: [HTTPRequest] { state.withLock { $0 } }

    /// Answers via the handler.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let count = state.withLock { requests in
            requests.append(request)
            return requests.count
        }
        switch try await handler(request, count) {
        case .response(let response):
            return response
        case .slow(let delay, let response):
            if delay > timeout { throw TransportError(.timeout, "fake answer slower than \(timeout)") }
            return response
        }
    }
}

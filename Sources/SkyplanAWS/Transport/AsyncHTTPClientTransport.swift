import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `HTTPTransport` on AsyncHTTPClient (SwiftNIO). Uses ``awsShared`` unless given a client, so there is
/// nothing to shut down.
public struct AsyncHTTPClientTransport: HTTPTransport {
    let client: HTTPClient
    /// The largest response body accepted (bytes).
    public var maxBodySize: Int

    /// The process-wide client for AWS: like `HTTPClient.shared`, but with up to 256 keep-alive connections
    /// per host instead of 8, so a scan's concurrent calls never queue for a connection when every service
    /// goes through one endpoint (`AWS_ENDPOINT_URL`, a proxy, an emulator). A call that queues leaves late,
    /// together with the others that queued, and turns a paced stream (`RequestPacer`) into a burst: with 64
    /// connections a 5,000-resource scan through the benchmark's proxy drew 161–229 throttles (928–978
    /// requests); with 256, none (767), and finished sooner (`skyplan-bench discovery --connections N`).
    public static let awsShared = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)))

    /// Creates a transport on `client` (default: ``awsShared``).
    public init(client: HTTPClient = Self.awsShared, maxBodySize: Int = 64 << 20) {
        self.client = client
        self.maxBodySize = maxBodySize
    }

    /// Sends the request with a deadline of `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let nanos = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        do {
            let response = try await client.execute(outgoing, timeout: .nanoseconds(nanos))
            let buffer = try await response.body.collect(upTo: maxBodySize)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + "," + value } ?? value
            }
            return HTTPResponse(
                status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw TransportError(.timeout, "\(request.url.host ?? "?") after \(timeout)")
            case .cancelled:
                throw TransportError(.cancelled, "")
            default:
                throw TransportError(.connection, "\(request.url.host ?? "?"): \(error)")
            }
        } catch is CancellationError {
            throw TransportError(.cancelled, "")
        } catch let error as TransportError {
            throw error
        } catch {
            if Task.isCancelled { throw TransportError(.cancelled, "") }
            throw TransportError(.connection, "\(request.url.host ?? "?"): \(error)")
        }
    }
}

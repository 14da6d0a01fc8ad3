import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `HTTPTransport` on AsyncHTTPClient (SwiftNIO). Uses `HTTPClient.shared` unless given a client, so
/// there is nothing to shut down.
public struct AsyncHTTPClientTransport: HTTPTransport {
    let client: HTTPClient
    /// The largest response body accepted (bytes).
    public var maxBodySize: Int

    /// Creates a transport on `client` (default: the process-wide shared client).
    public init(client: HTTPClient = .shared, maxBodySize: Int = 64 << 20) {
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

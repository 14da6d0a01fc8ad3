import Foundation
import SkyplanAWS
import Synchronization

/// A transport in front of another that throttles like AWS: a token bucket per (region, service, action), refilled
/// at `rate` per second up to `burst`, answering an empty bucket with the protocol's throttle error. Counts requests
/// and throttles.
final class ThrottlingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let rate: Double
    let burst: Double
    private let state = Mutex<(buckets: [String: (Double, ContinuousClock.Instant)], requests: Int, throttled: Int)>(
        ([:], 0, 0))

    init(inner: any HTTPTransport, rate: Double, burst: Double) {
        self.inner = inner
        self.rate = rate
        self.burst = burst
    }

    var counts: (requests: Int, throttled: Int) { state.withLock { ($0.requests, $0.throttled) } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let authorization = request.headers.first { $0.key.lowercased() == "authorization" }?.value ?? ""
        // Credential=AKID/date/region/service/aws4_request
        let scope = authorization.components(separatedBy: "Credential=").last?.split(separator: "/") ?? []
        let region = scope.count > 2 ? String(scope[2]) : ""
        let service = scope.count > 3 ? String(scope[3]) : ""
        let key = "\(region) \(service) \(Self.action(request))"
        let now = ContinuousClock.now
        let admitted = state.withLock { state in
            state.requests += 1
            var (tokens, last) = state.buckets[key] ?? (burst, now)
            let elapsed = now - last
            tokens = min(
                burst,
                tokens + Double(elapsed.components.attoseconds) / 1e18 * rate
                    + Double(elapsed.components.seconds) * rate)
            let ok = tokens >= 1
            if ok { tokens -= 1 } else { state.throttled += 1 }
            state.buckets[key] = (tokens, now)
            return ok
        }
        guard admitted else {
            let body =
                service == "s3"
                ? "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
                : "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                    + "</Error></ErrorResponse>"
            let json = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
            let isJSON = request.headers.keys.contains { $0.lowercased() == "x-amz-target" }
            return HTTPResponse(status: 400, headers: [:], body: Data((isJSON ? json : body).utf8))
        }
        return try await inner.send(request, timeout: timeout)
    }

    /// The action: `X-Amz-Target`'s operation, `Action=` of a query body, or the REST method and first segment.
    static func action(_ request: HTTPRequest) -> String {
        if let target = request.headers.first(where: { $0.key.lowercased() == "x-amz-target" })?.value {
            return String(target.split(separator: ".").last ?? "")
        }
        let form = String(decoding: request.body, as: UTF8.self) + "&" + (request.url.query ?? "")
        if let action = form.split(separator: "&").first(where: { $0.hasPrefix("Action=") }) {
            return String(action.dropFirst("Action=".count))
        }
        let segments = request.url.path.split(separator: "/")
        return "\(request.method) \(segments.count > 1 ? "object" : segments.first.map { _ in "bucket" } ?? "/")"
            + (request.url.query.map { " ?\($0.split(separator: "=").first ?? "")" } ?? "")
    }
}

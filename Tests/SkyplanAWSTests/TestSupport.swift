import AWSSigV4
import Foundation
import Logging
import Synchronization

@testable import SkyplanAWS

/// Helpers shared by the SkyplanAWS tests.
enum TestSupport {
    static let credentials = StaticCredentialProvider(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "TOKENSECRET")

    /// A client on `transport`, no real sleeping, deterministic jitter.
    static func client(
        _ transport: any HTTPTransport, maxAttempts: Int = 3, mode: RetryConfiguration.Mode = .standard,
        quota: Int = 500, sleeps: SleepLog? = nil
    ) -> AWSClient {
        let retry = RetryConfiguration(
            mode: mode, maxAttempts: maxAttempts, quota: quota, random: { 0.5 },
            sleep: { duration in sleeps?.durations.withLock { $0.append(duration) } })
        let configuration = AWSConfiguration(
            region: "eu-west-1", endpointURL: URL(string: "http://127.0.0.1:1"), retry: retry,
            attemptTimeout: .seconds(2), callTimeout: .seconds(30))
        return AWSClient(
            transport: transport, credentials: credentials, configuration: configuration,
            now: { Date(timeIntervalSince1970: 1_440_938_160) })
    }

    static func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> FakeHTTPTransport.Answer {
        .response(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    /// The `AWSError` thrown by `body`, nil when it succeeds or throws something else.
    static func awsError(_ body: () async throws -> Void) async -> AWSError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? AWSError
        }
    }

    static func form(_ request: HTTPRequest) -> [String: String] {
        var out: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            out[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        return out
    }
}

/// Records the backoffs a client asked to sleep.
final class SleepLog: Sendable {
    let durations = Mutex<[Duration]>([])
    var all: [Duration] { durations.withLock { $0 } }
}

/// Where `CapturingLogHandler` keeps lines.
final class LogBox: Sendable {
    let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// A log handler that keeps every line (message and metadata) for inspection.
struct CapturingLogHandler: LogHandler {
    let box: LogBox
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        box.lines.withLock { $0.append("\(event.level) \(event.message) \(all)") }
    }
}

import AWSSigV4
import Foundation
import Logging

/// The AWS wire client: signs, sends, retries and decodes calls of catalog operations.
///
/// A `Sendable` value: copies share the transport and the retry bookkeeping. Use `with(credentials:)` to get a
/// client for an assumed role, `with(region:)` for another default region.
public struct AWSClient: Sendable {
    /// Sends HTTP.
    public let transport: any HTTPTransport
    /// Supplies credentials before every call.
    public let credentialProvider: any CredentialProvider
    /// Region, endpoints, retries, timeouts.
    public var configuration: AWSConfiguration
    /// Trace-level lines per attempt (never credentials, signatures or tokens). Silent by default.
    public var logger: Logger
    /// The clock that dates signatures.
    public var now: @Sendable () -> Date
    /// Paces every attempt (nil: none); see `with(gate:)`.
    public var gate: (any RequestGate)?
    let retryState: RetryState

    /// Creates a client.
    public init(
        transport: any HTTPTransport = AsyncHTTPClientTransport(), credentials: any CredentialProvider,
        configuration: AWSConfiguration = AWSConfiguration(),
        logger: Logger = Logger(label: "skyplan.aws", factory: { _ in SwiftLogNoOpLogHandler() }),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.credentialProvider = credentials
        self.configuration = configuration
        self.logger = logger
        self.now = now
        self.retryState = RetryState(quota: configuration.retry.quota)
    }

    private init(copying other: AWSClient, credentials: any CredentialProvider) {
        self.transport = other.transport
        self.credentialProvider = credentials
        self.configuration = other.configuration
        self.logger = other.logger
        self.now = other.now
        self.gate = other.gate
        self.retryState = other.retryState
    }

    /// The same client with other credentials (an assumed role); transport and throttling state are shared.
    public func with(credentials: any CredentialProvider) -> AWSClient {
        AWSClient(copying: self, credentials: credentials)
    }

    /// The same client with every attempt paced by `gate`; transport and retry bookkeeping are shared.
    public func with(gate: (any RequestGate)?) -> AWSClient {
        var copy = self
        copy.gate = gate
        return copy
    }

    /// The same client with another default region.
    public func with(region: String) -> AWSClient {
        var copy = self
        copy.configuration.region = region
        return copy
    }

    /// The retry quota left (tests and diagnostics).
    public var remainingRetryQuota: Int { get async { await retryState.remainingQuota } }

    /// The wire pieces of one request, before endpoint and signature.
    struct WireRequest: Sendable {
        var method = "POST"
        var path = "/"
        var query: [QueryItem] = []
        var headers: [String: String] = [:]
        var body = Data()
    }

    /// Sends `wire` for `operation` in `region`: endpoint, signing, retries, timeouts; decodes error answers
    /// per protocol into `AWSError`. Returns a 2xx response.
    func execute(_ operation: AWSOperation, region: String?, _ wire: WireRequest) async throws -> HTTPResponse {
        let region = region ?? configuration.region
        guard operation.isReadOnly, AWSOperation.catalog.contains(operation) else {
            throw AWSError(
                kind: .refused, code: "NotReadOnly", message: "Skyplan only calls read operations from its catalog",
                service: operation.service.id, operation: operation.name, region: region)
        }
        let timeout = configuration.callTimeout
        do {
            return try await withCallTimeout(timeout) {
                try await self.attempts(operation, region: region, wire)
            }
        } catch var error as AWSError {
            if error.service.isEmpty || error.kind == .timeout || error.kind == .cancelled {
                error.service = operation.service.id
                error.operation = operation.name
                error.region = region
            }
            throw error
        } catch is CancellationError {
            throw AWSError(
                kind: .cancelled, code: "Cancelled", message: "the call was cancelled", service: operation.service.id,
                operation: operation.name, region: region)
        }
    }

    private func withCallTimeout<T: Sendable>(
        _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw AWSError(kind: .timeout, code: "CallTimeout", message: "no answer within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}

import Foundation

/// How `AWSClient` reaches AWS: default region, endpoint overrides, retries and timeouts.
public struct AWSConfiguration: Sendable {
    /// The region used when a call names none.
    public var region: String
    /// `AWS_ENDPOINT_URL`: one endpoint for every service (an emulator such as moto).
    public var endpointURL: URL?
    /// `AWS_ENDPOINT_URL_<SERVICE>` overrides, keyed by `AWSService.endpointEnvironmentKey` (`EC2`, `STS`, ...).
    public var serviceEndpoints: [String: URL]
    /// Dual-stack endpoints (off by default).
    public var useDualStack: Bool
    /// FIPS endpoints (off by default).
    public var useFIPS: Bool
    /// Retry behaviour.
    public var retry: RetryConfiguration
    /// Timeout of one HTTP attempt.
    public var attemptTimeout: Duration
    /// Timeout of one call, retries included.
    public var callTimeout: Duration

    /// Creates a configuration.
    public init(
        region: String = "us-east-1", endpointURL: URL? = nil, serviceEndpoints: [String: URL] = [:],
        useDualStack: Bool = false, useFIPS: Bool = false, retry: RetryConfiguration = RetryConfiguration(),
        attemptTimeout: Duration = .seconds(20), callTimeout: Duration = .seconds(90)
    ) {
        self.region = region
        self.endpointURL = endpointURL
        self.serviceEndpoints = serviceEndpoints
        self.useDualStack = useDualStack
        self.useFIPS = useFIPS
        self.retry = retry
        self.attemptTimeout = attemptTimeout
        self.callTimeout = callTimeout
    }

    /// Reads `AWS_REGION`/`AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`,
    /// `AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`, `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_USE_FIPS_ENDPOINT`.
    /// Only the edge (CLI, server set-up) should call this.
    public static func fromEnvironment(_ environment: [String: String]) -> AWSConfiguration {
        var configuration = AWSConfiguration()
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"], !region.isEmpty {
            configuration.region = region
        }
        for (key, value) in environment where key.hasPrefix("AWS_ENDPOINT_URL") && !value.isEmpty {
            guard let url = URL(string: value) else { continue }
            if key == "AWS_ENDPOINT_URL" {
                configuration.endpointURL = url
            } else if key.hasPrefix("AWS_ENDPOINT_URL_") {
                configuration.serviceEndpoints[String(key.dropFirst("AWS_ENDPOINT_URL_".count))] = url
            }
        }
        if let attempts = environment["AWS_MAX_ATTEMPTS"].flatMap(Int.init), attempts >= 1 {
            configuration.retry.maxAttempts = attempts
        }
        if environment["AWS_RETRY_MODE"] == "adaptive" { configuration.retry.mode = .adaptive }
        configuration.useDualStack = environment["AWS_USE_DUALSTACK_ENDPOINT"]?.lowercased() == "true"
        configuration.useFIPS = environment["AWS_USE_FIPS_ENDPOINT"]?.lowercased() == "true"
        return configuration
    }
}

/// The standard retry mode's settings, plus adaptive client-side rate limiting.
///
/// See https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
public struct RetryConfiguration: Sendable {
    /// `standard` retries with backoff and a quota; `adaptive` also rate-limits per service after throttles.
    public enum Mode: String, Sendable { case standard, adaptive }

    /// The retry mode.
    public var mode: Mode
    /// Attempts per call, the first included.
    public var maxAttempts: Int
    /// Backoff base: attempt n waits a random time in [0, min(maxBackoff, base * 2^n)).
    public var baseDelay: Duration
    /// The longest single backoff.
    public var maxBackoff: Duration
    /// Tokens in the retry quota; a retry costs `retryCost` (`timeoutRetryCost` after a timeout).
    public var quota: Int
    /// Cost of one retry.
    public var retryCost: Int
    /// Cost of one retry after a timeout or reset.
    public var timeoutRetryCost: Int
    /// A number in [0, 1) for jitter; injected so tests are deterministic.
    public var random: @Sendable () -> Double
    /// Waits between attempts; injected so tests do not sleep.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates settings (defaults: standard mode, 3 attempts, 100 ms base, 20 s cap, quota 500).
    public init(
        mode: Mode = .standard, maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100),
        maxBackoff: Duration = .seconds(20), quota: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.mode = mode
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.quota = quota
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.random = random
        self.sleep = sleep
    }

    /// The backoff before retry number `retry` (1 = the first retry): full jitter.
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maxBackoff, baseDelay * (1 << exponent))
        return ceiling * random()
    }
}

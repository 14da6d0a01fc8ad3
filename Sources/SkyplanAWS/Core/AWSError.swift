import Foundation

/// Any failure of an AWS call: an error answered by the service, or no usable answer.
///
/// Carries what a person needs to act: code, message, request id, HTTP status, service, operation, region.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the failure comes from.
    public enum Kind: String, Sendable, Hashable {
        /// The service answered with an error (see `code`).
        case service
        /// No answer: connection refused or reset.
        case connection
        /// No answer in time.
        case timeout
        /// The call was cancelled.
        case cancelled
        /// No credentials could be found or obtained.
        case credentials
        /// The answer could not be read (malformed XML/JSON, unexpected shape).
        case invalidResponse
        /// The operation is not a read operation from the catalog; the client refuses it.
        case refused
    }

    /// Where the failure comes from.
    public var kind: Kind
    /// The AWS error code (`AccessDenied`, `Throttling`, ...), or a client code for other kinds.
    public var code: String
    /// The service's message, or a description of the local failure.
    public var message: String
    /// The AWS request id, when known.
    public var requestID: String?
    /// The HTTP status, when there was an answer.
    public var status: Int?
    /// The service id (`ec2`).
    public var service: String
    /// The operation name (`DescribeInstances`).
    public var operation: String
    /// The region of the call.
    public var region: String
    /// How many attempts were made.
    public var attempts: Int

    /// Creates an error.
    public init(
        kind: Kind, code: String, message: String, requestID: String? = nil, status: Int? = nil, service: String = "",
        operation: String = "", region: String = "", attempts: Int = 1
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.requestID = requestID
        self.status = status
        self.service = service
        self.operation = operation
        self.region = region
        self.attempts = attempts
    }

    /// Error codes that mean "slow down".
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// Error codes that mean a transient fault on the service side.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "InternalServerError", "IDPCommunicationError",
    ]

    /// True for throttling answers (HTTP 429 or a throttling code).
    public var isThrottling: Bool { kind == .service && (status == 429 || Self.throttlingCodes.contains(code)) }

    /// True when the caller lacks permission (the role or an SCP denies it).
    public var isAccessDenied: Bool {
        kind == .service
            && (status == 403 || code.hasPrefix("AccessDenied") || code == "UnauthorizedOperation"
                || code == "AuthorizationError" || code == "AuthFailure" || code == "UnrecognizedClientException")
    }

    /// True when the resource (or the region's service) does not exist.
    public var isNotFound: Bool {
        kind == .service
            && (status == 404 || code.hasSuffix("NotFound") || code.hasSuffix("NotFoundException")
                || code.hasPrefix("NoSuch") || code.hasSuffix(".NotFound"))
    }

    /// True when retrying may help: throttling, 5xx, transient codes, resets and timeouts.
    public var isRetryable: Bool {
        switch kind {
        case .connection, .timeout: return true
        case .service:
            if isThrottling || Self.transientCodes.contains(code) { return true }
            return (status ?? 0) >= 500 && !isAccessDenied
        case .cancelled, .credentials, .invalidResponse, .refused: return false
        }
    }

    /// `ec2:DescribeInstances in eu-west-1 failed: AccessDenied (HTTP 403): message [request id]`.
    public var description: String {
        var text = "\(service):\(operation)"
        if !region.isEmpty { text += " in \(region)" }
        text += " failed: \(code)"
        if let status { text += " (HTTP \(status))" }
        if !message.isEmpty { text += ": \(message)" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}

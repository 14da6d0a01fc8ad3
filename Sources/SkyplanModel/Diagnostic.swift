/// Something a scan could not see, recorded as data beside what it found.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable { case warning, error }
    public enum Cause: String, Hashable, Sendable, Codable {
        /// The role's policy does not allow the call (AccessDenied, UnauthorizedOperation).
        case notPermitted
        /// Throttled past the retry budget.
        case throttled
        /// The region is disabled, not opted in, or blocked by an SCP.
        case regionUnavailable
        /// The service answered an error or could not be reached.
        case failed
        /// AWS did not accept the caller's credentials or signature (expired token, wrong secret, skewed clock):
        /// the caller's set-up to fix, not the account's or the region's.
        case authentication
        /// A resource names another (a delivery stream's cluster, an address's instance) that the scan did not find
        /// in an account and region it covered: deleted since, mistyped, or of a service the scan left out.
        case danglingReference
    }

    public var severity: Severity
    public var cause: Cause
    public var accountID: String
    public var region: String
    public var service: String
    public var operation: String
    /// The AWS error code, when there is one.
    public var code: String?
    public var message: String

    public init(
        severity: Severity = .warning, cause: Cause, accountID: String, region: String, service: String,
        operation: String, code: String? = nil, message: String
    ) {
        self.severity = severity
        self.cause = cause
        self.accountID = accountID
        self.region = region
        self.service = service
        self.operation = operation
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(service):\(operation) in \(region) (account \(accountID)): \(cause.rawValue)"
            + (code.map { " [\($0)]" } ?? "") + " — \(message)"
    }
}

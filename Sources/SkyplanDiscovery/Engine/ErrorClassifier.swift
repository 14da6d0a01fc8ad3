import SkyplanModel

/// An error that carries an AWS error code and message (the AWS client's errors conform).
public protocol CodedError: Error {
    /// The AWS error code (`AccessDenied`, `Throttling`, ...), if the service answered one.
    var errorCode: String? { get }
    /// The human message AWS gave, or a description of a transport failure.
    var errorMessage: String { get }
    /// The HTTP status, if a response arrived.
    var httpStatus: Int? { get }
}

/// Decides which `Diagnostic.Cause` an error is: the rules are pure and tested on AWS's error codes.
public enum ErrorClassifier {
    /// Codes AWS answers when the role's policy (or an SCP) does not allow the call.
    static let notPermittedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
        "UnauthorizedException", "Forbidden", "AuthorizationErrorException", "InsufficientPrivilegesException",
    ]
    /// Codes of throttling, as botocore's standard retry mode lists them.
    static let throttledCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// Codes a disabled, not-opted-in or unknown region answers with.
    static let regionCodes: Set<String> = ["OptInRequired", "AuthFailure", "UnknownEndpoint"]
    /// Codes of a request AWS could not authenticate: the caller's credentials, token, secret or clock.
    static let authenticationCodes: Set<String> = [
        "SignatureDoesNotMatch", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException",
        "UnrecognizedClientException", "InvalidAccessKeyId", "InvalidSignatureException", "IncompleteSignature",
        "MissingAuthenticationToken", "RequestExpired", "TokenRefreshRequired",
    ]

    /// The cause for an AWS error code and message. `service` is the service that answered: STS's own
    /// `AccessDenied` (on `GetCallerIdentity`, `AssumeRole`) is about the caller's identity, not a policy of the
    /// scanned account.
    public static func cause(
        code: String?, message: String, httpStatus: Int? = nil, service: String? = nil
    ) -> Diagnostic.Cause {
        if let code {
            if authenticationCodes.contains(code) { return .authentication }
            if service == "sts", code == "AccessDenied" { return .authentication }
            if notPermittedCodes.contains(code) { return .notPermitted }
            if throttledCodes.contains(code) { return .throttled }
            if regionCodes.contains(code) { return .regionUnavailable }
        }
        if httpStatus == 403 { return .notPermitted }
        if httpStatus == 429 { return .throttled }
        return .failed
    }

    /// A diagnostic for `error` thrown by `service:operation` in `context`.
    public static func diagnostic(
        for error: any Error, context: CollectorContext, service: String, operation: String
    ) -> Diagnostic {
        let code: String?
        let message: String
        let status: Int?
        if let coded = error as? any CodedError {
            code = coded.errorCode
            message = coded.errorMessage
            status = coded.httpStatus
        } else {
            code = nil
            message = String(describing: error)
            status = nil
        }
        let cause = cause(code: code, message: message, httpStatus: status, service: service)
        let said = String(message.prefix(500))
        return Diagnostic(
            severity: cause == .failed || cause == .authentication ? .error : .warning, cause: cause,
            accountID: context.accountID, region: context.region, service: service, operation: operation, code: code,
            message: cause == .authentication ? authenticationAdvice(code: code, said: said) : said)
    }

    /// What to check when AWS refused the caller's credentials, by code, followed by what AWS said.
    static func authenticationAdvice(code: String?, said: String) -> String {
        let check: String
        switch code {
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired":
            check =
                "the session token has expired: refresh the credentials (aws sso login, a new AssumeRole) "
                + "and check that this machine's clock is right"
        case "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature":
            check =
                "the request's signature did not verify: check that the secret access key belongs to the access key "
                + "ID, and that this machine's clock is within 5 minutes of the real time"
        case "AccessDenied":
            check =
                "STS refused the caller: check the credentials in use (profile, AWS_ACCESS_KEY_ID) and, for a role, "
                + "its trust policy and external ID"
        default:
            check =
                "AWS does not know these credentials: check the access key ID and session token in use (profile, "
                + "AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN); if only this region answers so, check that it is enabled "
                + "for the account"
        }
        return "authentication failed (\(code ?? "no code")): \(check). AWS said: \(said)"
    }
}

/// Runs a collector's operations one by one, turning each failure into a diagnostic so that the
/// rest of the collector still runs (one denied `DescribeNatGateways` does not hide the VPCs).
public struct CollectorRecorder: Sendable {
    /// Context.
    public let context: CollectorContext
    /// Service.
    public let service: String
    public var output = CollectorOutput()

    public init(context: CollectorContext, service: String) {
        self.context = context
        self.service = service
    }

    /// Runs `body`; on failure records a diagnostic for `operation` and returns nil.
    /// Cancellation is passed through (it is not something the account could not show).
    public mutating func attempt<T: Sendable>(
        _ operation: String, _ body: () async throws -> T
    ) async throws -> T? {
        do {
            return try await body()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            output.diagnostics.append(
                ErrorClassifier.diagnostic(for: error, context: context, service: service, operation: operation))
            return nil
        }
    }
}

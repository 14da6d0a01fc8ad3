import SkyplanAWS

extension AWSError: CodedError {
    /// The AWS error code for service answers; nil for local failures (no answer, refused), which are `.failed`.
    public var errorCode: String? { kind == .service ? code : nil }
    /// The message, with the code of a local failure in front so the diagnostic still says what happened.
    public var errorMessage: String { kind == .service ? message : "\(code): \(message)" }
    /// The HTTP status, when there was an answer.
    public var httpStatus: Int? { status }
}

/// Who the current credentials belong to.
public struct CallerIdentity: Sendable, Hashable {
    /// The 12-digit account id.
    public var account: String
    /// The caller's ARN (`arn:aws:sts::123456789012:assumed-role/x/session`).
    public var arn: String
    /// The unique id of the user or role session.
    public var userID: String
}

extension AWSClient {
    /// STS `GetCallerIdentity`.
    /// See https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
    public func getCallerIdentity(region: String? = nil) async throws -> CallerIdentity {
        let result = try await query(AWSOperation.STS.getCallerIdentity, region: region)
        return CallerIdentity(
            account: result.string("Account") ?? "", arn: result.string("Arn") ?? "",
            userID: result.string("UserId") ?? "")
    }
}

import AWSSigV4
import Foundation

/// The result of `AssumeRole`: temporary credentials and who they are.
public struct AssumedRole: Sendable, Hashable {
    /// The temporary credentials (with session token and expiry). Never log them.
    public var credentials: AWSCredentials
    /// `arn:aws:sts::<acct>:assumed-role/<role>/<session>`.
    public var assumedRoleARN: String
}

extension AWSClient {
    /// STS `AssumeRole`: temporary credentials for `roleARN`, with the caller's external ID when given.
    /// `duration` is 900...43200 seconds (the role's maximum applies).
    /// See https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
    public func assumeRole(
        roleARN: String, externalID: String?, sessionName: String = "skyplan", duration: Int = 3600,
        region: String? = nil
    ) async throws -> AssumedRole {
        var parameters = [
            "RoleArn": roleARN, "RoleSessionName": sessionName,
            "DurationSeconds": String(min(max(duration, 900), 43_200)),
        ]
        if let externalID { parameters["ExternalId"] = externalID }
        let result = try await query(AWSOperation.STS.assumeRole, parameters, region: region)
        let credentials = try STSCredentialsParser.credentials(result["Credentials"], operation: "AssumeRole")
        return AssumedRole(credentials: credentials, assumedRoleARN: result["AssumedRoleUser", "Arn"]?.text ?? "")
    }

    /// STS `AssumeRoleWithWebIdentity` (EKS service accounts): an unsigned call with an OIDC token.
    /// See https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
    public func assumeRoleWithWebIdentity(roleARN: String, token: String, sessionName: String, region: String? = nil)
        async throws -> AWSCredentials
    {
        let parameters = ["RoleArn": roleARN, "RoleSessionName": sessionName, "WebIdentityToken": token]
        let result = try await query(AWSOperation.STS.assumeRoleWithWebIdentity, parameters, region: region)
        return try STSCredentialsParser.credentials(result["Credentials"], operation: "AssumeRoleWithWebIdentity")
    }
}

/// Reads `<Credentials>` of STS answers and the `Expiration` timestamps of credential JSON documents.
enum STSCredentialsParser {
    static func credentials(_ node: XMLTree?, operation: String) throws -> AWSCredentials {
        guard let node, let key = node.string("AccessKeyId"), let secret = node.string("SecretAccessKey") else {
            throw AWSError(
                kind: .invalidResponse, code: "MissingCredentials", message: "the answer has no credentials",
                service: "sts", operation: operation)
        }
        return AWSCredentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: node.string("SessionToken"),
            expiration: node.string("Expiration").flatMap(parseDate))
    }

    /// ISO 8601 with or without fractional seconds (`2011-07-15T23:28:33.359Z`).
    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

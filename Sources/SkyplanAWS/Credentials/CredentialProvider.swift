import AWSSigV4
import Foundation

/// Supplies AWS credentials. Implementations cache and refresh; callers ask before every call.
public protocol CredentialProvider: Sendable {
    /// Current, unexpired credentials, or an `AWSError` of kind `.credentials`.
    func credentials() async throws -> AWSCredentials
}

/// Fixed credentials (tests, or keys given explicitly).
public struct StaticCredentialProvider: CredentialProvider {
    let value: AWSCredentials

    /// Wraps `credentials`.
    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    /// Wraps an access key and secret (and a session token).
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.value = AWSCredentials(
            accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    /// The fixed credentials.
    public func credentials() async throws -> AWSCredentials { value }
}

extension AWSError {
    /// A credential-chain failure.
    static func credentials(_ message: String) -> AWSError {
        AWSError(kind: .credentials, code: "CredentialsNotFound", message: message, service: "credentials")
    }
}

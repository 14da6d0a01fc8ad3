import AWSSigV4
import Foundation

/// Credentials of an assumed role, cached and refreshed before they expire (one refresh at a time).
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// The role.
    public let roleARN: String
    /// The external ID sent with `AssumeRole` (the account creator's).
    public let externalID: String?
    private let cache: CachedCredentialProvider

    /// Creates a provider assuming `roleARN` through `stsClient` (Skyplan's own credentials).
    public init(
        roleARN: String, externalID: String?, sessionName: String = "skyplan", duration: Int = 3600,
        stsClient: AWSClient, refreshMargin: TimeInterval = 300
    ) {
        self.roleARN = roleARN
        self.externalID = externalID
        let source = AssumeRoleSource(
            roleARN: roleARN, externalID: externalID, sessionName: sessionName, duration: duration, client: stsClient)
        self.cache = CachedCredentialProvider(source, refreshMargin: refreshMargin, now: stsClient.now)
    }

    /// Cached credentials, refreshed by `AssumeRole` when near expiry.
    public func credentials() async throws -> AWSCredentials { try await cache.credentials() }

    /// How many `AssumeRole` calls were made (tests).
    public var assumeRoleCalls: Int { get async { await cache.refreshes } }
}

private struct AssumeRoleSource: CredentialProvider {
    let roleARN: String
    let externalID: String?
    let sessionName: String
    let duration: Int
    let client: AWSClient

    func credentials() async throws -> AWSCredentials {
        try await client.assumeRole(
            roleARN: roleARN, externalID: externalID, sessionName: sessionName, duration: duration
        ).credentials
    }
}

/// One `AssumeRoleCredentialProvider` per (role, external ID), shared by every scan and live session.
public actor AssumedRoleCache {
    private struct Key: Hashable {
        let role: String
        let externalID: String?
    }

    private let stsClient: AWSClient
    private let sessionName: String
    private var providers: [Key: AssumeRoleCredentialProvider] = [:]

    /// Creates a cache assuming roles through `stsClient`.
    public init(stsClient: AWSClient, sessionName: String = "skyplan") {
        self.stsClient = stsClient
        self.sessionName = sessionName
    }

    /// The provider for (role, external ID), created on first use.
    public func provider(roleARN: String, externalID: String?) -> AssumeRoleCredentialProvider {
        let key = Key(role: roleARN, externalID: externalID)
        if let existing = providers[key] { return existing }
        let provider = AssumeRoleCredentialProvider(
            roleARN: roleARN, externalID: externalID, sessionName: sessionName, stsClient: stsClient)
        providers[key] = provider
        return provider
    }

    /// A client acting as the role (same transport and configuration as the STS client).
    public func client(roleARN: String, externalID: String?) -> AWSClient {
        stsClient.with(credentials: provider(roleARN: roleARN, externalID: externalID))
    }
}

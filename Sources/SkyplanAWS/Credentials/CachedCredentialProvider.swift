import AWSSigV4
import Foundation

/// Caches another provider's credentials and refreshes them `refreshMargin` before they expire.
/// One refresh at a time: concurrent callers wait for the refresh in flight instead of starting their own.
public actor CachedCredentialProvider: CredentialProvider {
    private let base: any CredentialProvider
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var refreshing = false
    private var waiters: [CheckedContinuation<AWSCredentials, any Error>] = []
    private var refreshCount = 0

    /// Wraps `base`; refreshes 5 minutes before expiry by default.
    public init(
        _ base: any CredentialProvider, refreshMargin: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.base = base
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// How many times the base provider was asked (tests).
    public var refreshes: Int { refreshCount }

    /// Cached credentials while fresh; otherwise one refresh shared by all callers.
    public func credentials() async throws -> AWSCredentials {
        if let cached, !cached.expires(within: refreshMargin, of: now()) { return cached }
        if refreshing {
            return try await withCheckedThrowingContinuation { waiters.append($0) }
        }
        refreshing = true
        refreshCount += 1
        let result: Result<AWSCredentials, any Error>
        do {
            result = .success(try await base.credentials())
        } catch {
            result = .failure(error)
        }
        refreshing = false
        if case .success(let value) = result { cached = value }
        let pending = waiters
        waiters = []
        for waiter in pending { waiter.resume(with: result) }
        return try result.get()
    }

    /// Forgets the cached credentials (after an `ExpiredToken` answer).
    public func invalidate() { cached = nil }
}

/// No credentials: requests go unsigned (STS `AssumeRoleWithWebIdentity`).
public struct AnonymousCredentialProvider: CredentialProvider {
    /// Creates the provider.
    public init() {}

    /// Empty credentials, which the client sends unsigned.
    public func credentials() async throws -> AWSCredentials {
        AWSCredentials(accessKeyID: "", secretAccessKey: "")
    }
}

/// Tries providers in order and keeps the first that answers (the SDKs' default chain).
public actor CredentialChain: CredentialProvider {
    private let providers: [(name: String, provider: any CredentialProvider)]
    private var chosen: (any CredentialProvider)?
    /// The name of the provider that answered, once one has.
    public private(set) var chosenName: String?

    /// Creates a chain of named providers.
    public init(_ providers: [(String, any CredentialProvider)]) {
        self.providers = providers.map { (name: $0.0, provider: $0.1) }
    }

    /// The first provider's credentials that it can give; an error listing every provider tried otherwise.
    public func credentials() async throws -> AWSCredentials {
        if let chosen { return try await chosen.credentials() }
        var reasons: [String] = []
        for (name, provider) in providers {
            do {
                let credentials = try await provider.credentials()
                chosen = provider
                chosenName = name
                return credentials
            } catch let error as AWSError where error.kind == .credentials {
                reasons.append("\(name): \(error.message)")
            }
        }
        throw AWSError.credentials("no AWS credentials found (" + reasons.joined(separator: "; ") + ")")
    }
}

import Foundation
import ServiceLifecycle
import SkyplanAWS
import SkyplanLive
import SkyplanStore

/// The live feed's shared state: one `LiveHub` (one poller per account and region) and how to read an
/// account's resources. A `Service`: add it to the application so the pollers run, and stop on shutdown.
///
/// Holds live values in memory only; nothing here touches the store (DESIGN.md §2).
public struct LiveService: Service {
    /// The hub shared by every viewer.
    public let hub: LiveHub
    /// Makes the fetcher of one (account, region) feed, when its first viewer arrives.
    let fetcherFor: @Sendable (AccountRecord, String) async throws -> any LiveFetching

    /// Creates the service around a fetcher factory (tests pass fakes).
    public init(
        configuration: LiveHubConfiguration = LiveHubConfiguration(),
        fetcherFor: @escaping @Sendable (AccountRecord, String) async throws -> any LiveFetching
    ) {
        self.hub = LiveHub(configuration: configuration)
        self.fetcherFor = fetcherFor
    }

    /// Creates the service reading AWS through the account's role: `clientFor` returns a client acting as
    /// the account (e.g. `AssumedRoleCache.client(roleARN:externalID:)`, which renews expired sessions).
    public init(
        configuration: LiveHubConfiguration = LiveHubConfiguration(),
        clientFor: @escaping @Sendable (AccountRecord) async throws -> AWSClient
    ) {
        self.init(configuration: configuration) { account, region in
            AWSLiveFetcher(client: try await clientFor(account).with(region: region))
        }
    }

    /// Runs the pollers until graceful shutdown.
    public func run() async throws {
        let hub = self.hub
        _ = await cancelWhenGracefulShutdown { await hub.run() }
    }
}

import Foundation
import Synchronization

/// Shares one poller per (account, region) between every viewer of that feed.
///
/// `run()` hosts the pollers in a task group (structured: the server runs it as a service, tests in a
/// task group); `subscribe` adds a viewer and returns its events; `unsubscribe` removes it, and the feed's
/// poller stops with its last viewer. Nothing here is ever written anywhere: live values live in memory.
public actor LiveHub {
    /// A viewer's handle: its events and what `unsubscribe` needs.
    public struct Subscription: Sendable {
        /// The viewer's id.
        public let id: UUID
        /// The feed.
        public let key: LiveFeedKey
        /// First a full `state` (or the changes since `Last-Event-ID`), then `change` and `stale` events.
        public let events: AsyncStream<LiveEvent>
    }

    /// Figures of one feed.
    public struct FeedFigures: Sendable, Hashable {
        /// Viewers watching.
        public var viewers: Int
        /// Refreshes made.
        public var refreshes: Int
        /// AWS calls made by those refreshes.
        public var calls: Int
    }

    private let configuration: LiveHubConfiguration
    private let ids: LiveEventIDs
    private var pollers: [LiveFeedKey: LivePoller] = [:]
    private let starts: AsyncStream<LivePoller>
    private let startContinuation: AsyncStream<LivePoller>.Continuation

    /// Creates a hub. `firstEventID` defaults to the current time in milliseconds.
    public init(configuration: LiveHubConfiguration = LiveHubConfiguration(), firstEventID: Int? = nil) {
        self.configuration = configuration
        self.ids = LiveEventIDs(start: firstEventID ?? Int(Date().timeIntervalSince1970 * 1000))
        (starts, startContinuation) = AsyncStream.makeStream(of: LivePoller.self)
    }

    /// Runs the pollers until cancelled (graceful shutdown); every viewer's stream then finishes.
    public func run() async {
        let starts = self.starts
        await withDiscardingTaskGroup { group in
            for await poller in starts {
                group.addTask { await poller.run() }
            }
        }
    }

    /// Adds a viewer of `arns` (and `focus`, refreshed faster) on the feed `key`. `fetcher` is called once,
    /// when the feed's poller is created, to make the fetcher every refresh of that feed uses.
    public func subscribe(
        _ key: LiveFeedKey, arns: [String], focus: String? = nil, lastEventID: Int? = nil,
        fetcher: @escaping @Sendable () async throws -> any LiveFetching
    ) async -> Subscription {
        let id = UUID()
        let (events, continuation) = AsyncStream.makeStream(
            of: LiveEvent.self, bufferingPolicy: .bufferingNewest(configuration.viewerBuffer))
        while true {
            let poller: LivePoller
            if let existing = pollers[key] {
                poller = existing
            } else {
                poller = LivePoller(key: key, configuration: configuration, ids: ids, makeFetcher: fetcher)
                pollers[key] = poller
                startContinuation.yield(poller)
            }
            if await poller.add(
                id, arns: Set(arns), focus: focus, lastEventID: lastEventID, continuation: continuation)
            {
                break
            }
            if pollers[key] === poller { pollers[key] = nil }  // it stopped meanwhile: make a new one
        }
        return Subscription(id: id, key: key, events: events)
    }

    /// Removes a viewer; the feed's poller stops when it was the last.
    public func unsubscribe(_ subscription: Subscription) async {
        guard let poller = pollers[subscription.key] else { return }
        if await poller.remove(subscription.id), pollers[subscription.key] === poller {
            pollers[subscription.key] = nil
        }
    }

    /// Subscribes, runs `body` with the events, and always unsubscribes.
    public func withSubscription<T: Sendable>(
        _ key: LiveFeedKey, arns: [String], focus: String? = nil, lastEventID: Int? = nil,
        fetcher: @escaping @Sendable () async throws -> any LiveFetching,
        _ body: (AsyncStream<LiveEvent>) async throws -> T
    ) async throws -> T {
        let subscription = await subscribe(key, arns: arns, focus: focus, lastEventID: lastEventID, fetcher: fetcher)
        do {
            let result = try await body(subscription.events)
            await unsubscribe(subscription)
            return result
        } catch {
            await unsubscribe(subscription)
            throw error
        }
    }

    /// Feeds that have a running poller.
    public var activeFeeds: [LiveFeedKey] { pollers.keys.sorted { $0.description < $1.description } }

    /// Figures of a feed, nil when it has no poller.
    public func figures(_ key: LiveFeedKey) async -> FeedFigures? {
        guard let poller = pollers[key] else { return nil }
        return FeedFigures(
            viewers: await poller.viewerCount, refreshes: await poller.refreshes, calls: await poller.calls)
    }
}

extension LiveHub {
    /// The poller of a feed (tests).
    func pollers(_ key: LiveFeedKey) -> LivePoller? { pollers[key] }
}

/// Event ids shared by every feed of a hub: increasing, never reused while the process lives, and
/// starting from the clock so that ids from before a restart are older than any new one.
final class LiveEventIDs: Sendable {
    private let last: Mutex<Int>

    init(start: Int) { last = Mutex(start) }

    func next() -> Int {
        last.withLock {
            $0 += 1; return $0
        }
    }
}

import Foundation
import Testing

@testable import SkyplanLive

@Suite struct LiveHubTests {
    static let web = "arn:aws:ec2:eu-west-1:111122223333:instance/i-web"
    static let db = "arn:aws:ec2:eu-west-1:111122223333:instance/i-db"
    let key = LiveFeedKey(account: "acct", region: "eu-west-1")

    /// Runs `body` with a running hub; the hub stops when the body returns.
    func withHub(
        _ configuration: LiveHubConfiguration = LiveHubConfiguration(interval: .milliseconds(50)),
        _ body: @escaping @Sendable (LiveHub) async throws -> Void
    ) async throws {
        let hub = LiveHub(configuration: configuration, firstEventID: 1000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await hub.run() }
            try await body(hub)
            group.cancelAll()
        }
    }

    @Test func onePollServesEveryViewer() async throws {
        let fetcher = FakeLiveFetcher([Self.web: LiveStatus(health: .ok, values: ["state": "running"])])
        try await withHub(LiveHubConfiguration(interval: .seconds(60))) { hub in
            var subscriptions: [LiveHub.Subscription] = []
            for _ in 0..<20 {
                subscriptions.append(await hub.subscribe(key, arns: [Self.web]) { fetcher })
            }
            for subscription in subscriptions {
                let first = try await EventReader(subscription.events).next()
                #expect(first.kind == .state)
                #expect(first.statuses[Self.web]?.values["state"] == "running")
            }
            // 20 viewers, one feed: the first viewer's poll (and perhaps one for a late joiner) served them all.
            #expect(fetcher.fetches <= 2)
            #expect(await hub.figures(key)?.viewers == 20)
            for subscription in subscriptions { await hub.unsubscribe(subscription) }
        }
    }

    @Test func changesReachViewersAndThePollerStopsWithTheLastViewer() async throws {
        let fetcher = FakeLiveFetcher([
            Self.web: LiveStatus(health: .ok, values: ["state": "running"]),
            Self.db: LiveStatus(health: .ok, values: ["state": "running"]),
        ])
        try await withHub { hub in
            let a = await hub.subscribe(key, arns: [Self.web, Self.db]) { fetcher }
            let b = await hub.subscribe(key, arns: [Self.db]) { fetcher }
            let readerA = EventReader(a.events)
            let readerB = EventReader(b.events)
            #expect(try await readerA.next(.state).statuses.count == 2)
            #expect(try await readerB.next(.state).statuses.keys.sorted() == [Self.db])
            fetcher.set(Self.web, LiveStatus(health: .stopped, values: ["state": "stopped"]))
            let change = try await readerA.next(.change)
            #expect(change.statuses.keys.sorted() == [Self.web])
            #expect(change.statuses[Self.web]?.health == .stopped)
            await hub.unsubscribe(a)
            #expect(await hub.activeFeeds == [key])
            await hub.unsubscribe(b)
            #expect(await hub.activeFeeds.isEmpty)
            let after = fetcher.fetches
            try await Task.sleep(for: .milliseconds(200))  // several intervals: nothing may poll any more
            #expect(fetcher.fetches == after)
        }
    }

    @Test func throttlingSendsStaleAndBacksOff() async throws {
        let fetcher = FakeLiveFetcher([Self.web: LiveStatus(health: .ok, values: ["state": "running"])])
        let configuration = LiveHubConfiguration(interval: .milliseconds(50), maxBackoff: .milliseconds(400))
        try await withHub(configuration) { hub in
            let subscription = await hub.subscribe(key, arns: [Self.web]) { fetcher }
            let reader = EventReader(subscription.events)
            _ = try await reader.next(.state)
            fetcher.throttle(true)
            // One throttled refresh: the stale values (kept, marked stale) then the stale notice.
            let change = try await reader.next(.change)
            #expect(change.statuses[Self.web]?.stale == true)
            #expect(change.statuses[Self.web]?.values["state"] == "running")
            let stale = try await reader.next(.stale)
            #expect(stale.staleARNs == [Self.web])
            #expect(stale.failures.first?.throttled == true)
            #expect((stale.retryInSeconds ?? 0) >= 0)
            let poller = try #require(await hub.pollers(key))
            #expect(await poller.delay(1) == .milliseconds(100))
            #expect(await poller.delay(20) == .milliseconds(400))
            fetcher.throttle(false)
            let recovered = try await reader.next(.change, within: 10)
            #expect(recovered.statuses[Self.web]?.stale == false)
            await hub.unsubscribe(subscription)
        }
    }

    @Test func resumeWithLastEventIDSendsOnlyWhatChanged() async throws {
        let fetcher = FakeLiveFetcher([
            Self.web: LiveStatus(health: .ok, values: ["state": "running"]),
            Self.db: LiveStatus(health: .ok, values: ["state": "running"]),
        ])
        try await withHub { hub in
            let keeper = await hub.subscribe(key, arns: [Self.web, Self.db]) { fetcher }
            let keeperReader = EventReader(keeper.events)
            let first = await hub.subscribe(key, arns: [Self.web, Self.db]) { fetcher }
            let state = try await EventReader(first.events).next(.state)
            let lastID = try #require(state.id)
            await hub.unsubscribe(first)  // the connection drops
            _ = try await keeperReader.next(.state)
            fetcher.set(Self.db, LiveStatus(health: .error, values: ["state": "impaired"]))
            _ = try await keeperReader.next(.change)
            let resumed = await hub.subscribe(key, arns: [Self.web, Self.db], lastEventID: lastID) { fetcher }
            let event = try await EventReader(resumed.events).next()
            #expect(event.kind == .change)
            #expect(event.statuses.keys.sorted() == [Self.db])
            let unknown = await hub.subscribe(key, arns: [Self.web], lastEventID: 1) { fetcher }
            #expect(try await EventReader(unknown.events).next().kind == .state)
            for subscription in [keeper, resumed, unknown] { await hub.unsubscribe(subscription) }
        }
    }

    @Test func focusedARNIsRefreshedFasterThanTheRest() async throws {
        let fetcher = FakeLiveFetcher([
            Self.web: LiveStatus(health: .ok), Self.db: LiveStatus(health: .ok),
        ])
        let configuration = LiveHubConfiguration(interval: .seconds(60), focusInterval: .milliseconds(20))
        try await withHub(configuration) { hub in
            let subscription = await hub.subscribe(key, arns: [Self.web, Self.db], focus: Self.db) { fetcher }
            let reader = EventReader(subscription.events)
            _ = try await reader.next(.state)
            fetcher.set(Self.db, LiveStatus(health: .error))
            let change = try await reader.next(.change)
            #expect(change.statuses.keys.sorted() == [Self.db])
            #expect(fetcher.arnsFetched.dropFirst().allSatisfy { $0 == [Self.db] })
            await hub.unsubscribe(subscription)
        }
    }

    @Test func eventsAreServerSentEventFramed() {
        let event = LiveEvent(
            id: 7, kind: .change, statuses: ["arn:x": LiveStatus(health: .ok, values: ["b": "1", "a": "2"])])
        #expect(
            event.serverSentEvent
                == "id: 7\nevent: change\ndata: {\"statuses\":{\"arn:x\":{\"alarms\":0,\"health\":\"ok\",\"stale\":false,\"values\":{\"a\":\"2\",\"b\":\"1\"}}}}\n\n"
        )
        let stale = LiveEvent(id: nil, kind: .stale, staleARNs: ["b", "a"], retryInSeconds: 60)
        #expect(
            stale.serverSentEvent.hasPrefix(
                "event: stale\ndata: {\"failures\":[],\"retryInSeconds\":60,\"stale\":[\"a\",\"b\"]}"))
    }
}

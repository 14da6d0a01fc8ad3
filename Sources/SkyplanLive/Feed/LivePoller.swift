import Foundation

/// The one poller of a feed: refreshes the union of its viewers' ARNs on the cadence and fans the
/// changes out. Lives while it has viewers; holds live values in memory only.
actor LivePoller {
    struct Viewer {
        var arns: Set<String>
        var focus: String?
        var continuation: AsyncStream<LiveEvent>.Continuation
        /// Waiting for a full state (new, or fell behind).
        var needsState: Bool
    }

    let key: LiveFeedKey
    let configuration: LiveHubConfiguration
    let makeFetcher: @Sendable () async throws -> any LiveFetching
    let ids: LiveEventIDs
    var fetcher: (any LiveFetching)?
    var viewers: [UUID: Viewer] = [:]
    var statuses: [String: LiveStatus] = [:]
    var pending: Set<String> = []
    var history: [(id: Int, changed: [String: LiveStatus])] = []
    var firstID: Int?
    var lastID: Int?
    var stopped = false
    var woken = false
    var waiter: CheckedContinuation<Void, Never>?
    /// Refreshes made and AWS calls they cost (figures for tests and the benchmark).
    var refreshes = 0
    var calls = 0

    init(
        key: LiveFeedKey, configuration: LiveHubConfiguration, ids: LiveEventIDs,
        makeFetcher: @escaping @Sendable () async throws -> any LiveFetching
    ) {
        self.key = key
        self.configuration = configuration
        self.ids = ids
        self.makeFetcher = makeFetcher
    }

    var viewerCount: Int { viewers.count }

    /// Adds a viewer; false when the poller already stopped (the hub then makes a new one).
    func add(
        _ id: UUID, arns: Set<String>, focus: String?, lastEventID: Int?,
        continuation: AsyncStream<LiveEvent>.Continuation
    ) -> Bool {
        guard !stopped else { return false }
        var watched = arns
        if let focus { watched.insert(focus) }
        var viewer = Viewer(arns: watched, focus: focus, continuation: continuation, needsState: true)
        let missing = watched.filter { statuses[$0] == nil }
        if missing.isEmpty {
            if let lastEventID, let resumed = resume(after: lastEventID, arns: watched) {
                if !resumed.isEmpty {
                    continuation.yield(LiveEvent(id: lastID, kind: .change, statuses: resumed))
                }
                viewer.needsState = false
            } else {
                continuation.yield(
                    LiveEvent(id: lastID, kind: .state, statuses: statuses.filter { watched.contains($0.key) }))
                viewer.needsState = false
            }
        } else {
            pending.formUnion(missing)
            wake()
        }
        viewers[id] = viewer
        return true
    }

    /// Removes a viewer; the poller stops with the last one. Returns true when it stopped.
    func remove(_ id: UUID) -> Bool {
        viewers.removeValue(forKey: id)?.continuation.finish()
        if viewers.isEmpty, !stopped {
            stopped = true
            wake()
        }
        return stopped
    }

    /// The changes after `lastEventID` for `arns`, or nil when the history does not reach back that far.
    private func resume(after lastEventID: Int, arns: Set<String>) -> [String: LiveStatus]? {
        guard let firstID, lastEventID >= firstID, let oldest = history.first?.id, lastEventID >= oldest - 1,
            lastEventID <= (lastID ?? 0)
        else { return nil }
        var changed: [String: LiveStatus] = [:]
        for entry in history where entry.id > lastEventID {
            for (arn, status) in entry.changed where arns.contains(arn) { changed[arn] = status }
        }
        return changed
    }

    /// The loop: full refreshes on the cadence (stretched while throttled), new ARNs at once, the focused
    /// ARNs on their faster cadence. Ends when the last viewer leaves or the task is cancelled.
    func run() async {
        let clock = ContinuousClock()
        var nextFull = clock.now
        var nextFocus = clock.now
        var backoff = 0
        var lastBeat = clock.now
        while !stopped, !Task.isCancelled {
            let now = clock.now
            if now >= lastBeat + configuration.keepAlive {
                for viewer in viewers.values { viewer.continuation.yield(LiveEvent(id: nil, kind: .keepAlive)) }
                lastBeat = now
            }
            let focus = Set(viewers.values.compactMap(\.focus))
            if now >= nextFull {
                let throttled = await refresh(Set(viewers.values.flatMap(\.arns)).union(pending), backoff: backoff)
                backoff = throttled ? backoff + 1 : 0
                nextFull = clock.now + delay(backoff)
                for viewer in viewers.values where !viewer.needsState {
                    viewer.continuation.yield(LiveEvent(id: nil, kind: .heartbeat))
                }
                lastBeat = clock.now
                nextFocus = clock.now + configuration.focusInterval
            } else if !pending.isEmpty {
                _ = await refresh(pending, backoff: backoff)
            } else if !focus.isEmpty, now >= nextFocus, backoff == 0 {
                _ = await refresh(focus, backoff: backoff)
                nextFocus = clock.now + configuration.focusInterval
            } else {
                let until = focus.isEmpty || backoff > 0 ? nextFull : min(nextFull, nextFocus)
                await nap(now.duration(to: min(until, lastBeat + configuration.keepAlive)))
            }
        }
        stopped = true
        for viewer in viewers.values { viewer.continuation.finish() }
        viewers.removeAll()
        statuses.removeAll()
        history.removeAll()
    }

    /// The wait before the next full refresh after `backoff` throttled refreshes in a row.
    func delay(_ backoff: Int) -> Duration {
        guard backoff > 0 else { return configuration.interval }
        let stretched = configuration.interval * (1 << min(backoff, 16))
        return min(stretched, configuration.maxBackoff)
    }

    /// Sleeps for `duration` or until `wake()`.
    func nap(_ duration: Duration) async {
        guard duration > .zero else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.waitForWake() }
            await group.next()
            group.cancelAll()
            wake()
        }
        woken = false
    }

    private func waitForWake() async {
        if woken {
            woken = false
            return
        }
        await withCheckedContinuation { continuation in
            if woken {
                woken = false
                continuation.resume()
            } else {
                waiter = continuation
            }
        }
    }

    /// Ends the current nap (new ARNs, last viewer gone).
    func wake() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            woken = true
        }
    }
}

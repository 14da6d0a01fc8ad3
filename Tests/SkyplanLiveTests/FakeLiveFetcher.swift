import Foundation
import Synchronization

@testable import SkyplanLive

/// A fetcher answering from memory: counts refreshes, can be told to throttle.
final class FakeLiveFetcher: LiveFetching {
    private struct State {
        var statuses: [String: LiveStatus] = [:]
        var throttle = false
        var fetches = 0
        var arnsFetched: [[String]] = []
    }

    private let state = Mutex(State())

    init(_ statuses: [String: LiveStatus] = [:]) {
        state.withLock { $0.statuses = statuses }
    }

    func set(_ arn: String, _ status: LiveStatus) { state.withLock { $0.statuses[arn] = status } }
    func throttle(_ on: Bool) { state.withLock { $0.throttle = on } }
    var fetches: Int { state.withLock { $0.fetches } }
    var arnsFetched: [[String]] { state.withLock { $0.arnsFetched } }

    func fetch(_ arns: [String]) async -> LiveSnapshot {
        state.withLock { state in
            state.fetches += 1
            state.arnsFetched.append(arns)
            if state.throttle {
                return LiveSnapshot(
                    failures: [LiveFailure(family: "ec2", code: "Throttling", message: "slow down", throttled: true)],
                    staleARNs: Set(arns), calls: 1)
            }
            var snapshot = LiveSnapshot(calls: 1)
            for arn in arns { snapshot.statuses[arn] = state.statuses[arn] ?? .unknown("absent") }
            return snapshot
        }
    }
}

/// Reads events with a deadline so a broken feed fails the test instead of hanging it.
struct EventReader {
    let events: AsyncStream<LiveEvent>

    init(_ events: AsyncStream<LiveEvent>) { self.events = events }

    func next(within seconds: Double = 5) async throws -> LiveEvent {
        let events = self.events
        let event = try await withThrowingTaskGroup(of: LiveEvent?.self) { group in
            group.addTask {
                var iterator = events.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw EventTimeout()
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let event else { throw EventTimeout() }
        return event
    }

    /// The next event of `kind`, skipping others.
    func next(_ kind: LiveEvent.Kind, within seconds: Double = 5) async throws -> LiveEvent {
        while true {
            let event = try await next(within: seconds)
            if event.kind == kind { return event }
        }
    }
}

struct EventTimeout: Error {}

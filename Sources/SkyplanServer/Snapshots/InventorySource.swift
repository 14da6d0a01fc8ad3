import Foundation
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore
import Synchronization

/// Finds what is in an account: AWS discovery in production, fixed inventories in tests.
public protocol InventorySource: Sendable {
    /// Assumes the account's role and scans `regions`. Throws `RoleAssumptionError` when the role cannot be
    /// assumed; any other failure is a diagnostic inside the inventory.
    func inventory(
        for account: AccountRecord, regions: [String], progress: @escaping @Sendable (ScanProgress) -> Void
    ) async throws -> Inventory
}

/// Progress of the scans running on this replica, for `GET /aws/account/{id}/{region}/events`.
/// Memory only: a browser watching a scan on another replica sees it finish, not its steps.
final class ScanProgressHub: Sendable {
    private struct State {
        var latest: [String: ScanProgress] = [:]
        var watchers: [String: [UUID: AsyncStream<ScanProgress>.Continuation]] = [:]
    }
    private let state = Mutex(State())

    static func key(account: UUID, region: String) -> String { "\(account.apiString)|\(region)" }

    /// Sends `progress` to everyone watching `key`; a finished scan ends their streams.
    func publish(_ progress: ScanProgress, key: String) {
        let finished: Bool
        if case .finished = progress.event { finished = true } else { finished = false }
        let continuations = state.withLock { state in
            let current = Array(state.watchers[key, default: [:]].values)
            if finished {
                state.watchers[key] = nil
                state.latest[key] = nil
            } else {
                state.latest[key] = progress
            }
            return current
        }
        for continuation in continuations {
            continuation.yield(progress)
            if finished { continuation.finish() }
        }
    }

    /// The latest progress (if a scan runs) followed by every later event until the scan finishes.
    func watch(key: String) -> AsyncStream<ScanProgress> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ScanProgress.self, bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        let current = state.withLock { state in
            state.watchers[key, default: [:]][id] = continuation
            return state.latest[key]
        }
        if let current { continuation.yield(current) }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in _ = state.watchers[key]?.removeValue(forKey: id) }
        }
        return stream
    }
}

/// The inventory source of a server that cannot scan (tests that do not need AWS).
public struct NoInventorySource: InventorySource {
    public init() {}

    public func inventory(
        for account: AccountRecord, regions: [String], progress: @escaping @Sendable (ScanProgress) -> Void
    ) async throws -> Inventory {
        throw APIError.serviceUnavailable("this server has no AWS discovery configured")
    }
}

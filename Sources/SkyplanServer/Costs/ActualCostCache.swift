import Foundation
import SkyplanBudget
import Synchronization

/// Actual costs read recently, in memory only (never stored: DESIGN.md §2), so that a budget panel opened
/// again does not call Cost Explorer again (AWS bills each request). Entries expire after `lifetime`; at most
/// `capacity` are kept, the oldest dropped first. A refusal (an `APIError`: Cost Explorer denied, role revoked) is
/// kept as long, so a budget panel of an account without `ce:GetCostAndUsage` does not ask again at every view.
final class ActualCostCache: Sendable {
    private struct Entry {
        var costs: Result<ActualCosts, APIError>
        var fetchedAt: Date
    }
    private let entries = Mutex([String: Entry]())
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval = 600, capacity: Int = 256) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached figures of `key` fetched less than `lifetime` before `now`, else `fetch()`'s (then kept).
    func costs(key: String, now: Date, fetch: () async throws -> ActualCosts) async throws -> ActualCosts {
        let lifetime = self.lifetime
        if let hit = entries.withLock({ entries -> Result<ActualCosts, APIError>? in
            guard let entry = entries[key] else { return nil }
            if now.timeIntervalSince(entry.fetchedAt) < lifetime { return entry.costs }
            entries[key] = nil
            return nil
        }) {
            return try hit.get()
        }
        let costs: Result<ActualCosts, APIError>
        do {
            costs = .success(try await fetch())
        } catch let error as APIError where error.status == .badRequest {
            costs = .failure(error)
        }
        let capacity = self.capacity
        entries.withLock { entries in
            entries[key] = Entry(costs: costs, fetchedAt: now)
            while entries.count > capacity, let oldest = entries.min(by: { $0.value.fetchedAt < $1.value.fetchedAt }) {
                entries[oldest.key] = nil
            }
        }
        return try costs.get()
    }
}

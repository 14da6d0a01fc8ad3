import Foundation
import SkyplanBudget
import Synchronization

/// Actual costs read recently, in memory only (never stored: DESIGN.md §2), so that a budget panel opened
/// again does not call Cost Explorer again (AWS bills each request). Entries expire after `lifetime`; at most
/// `capacity` are kept, the oldest dropped first.
final class ActualCostCache: Sendable {
    private struct Entry {
        var costs: ActualCosts
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
        if let hit = entries.withLock({ entries -> ActualCosts? in
            guard let entry = entries[key] else { return nil }
            if now.timeIntervalSince(entry.fetchedAt) < lifetime { return entry.costs }
            entries[key] = nil
            return nil
        }) {
            return hit
        }
        let costs = try await fetch()
        let capacity = self.capacity
        entries.withLock { entries in
            entries[key] = Entry(costs: costs, fetchedAt: now)
            while entries.count > capacity, let oldest = entries.min(by: { $0.value.fetchedAt < $1.value.fetchedAt }) {
                entries[oldest.key] = nil
            }
        }
        return costs
    }
}

import Foundation
import SkyplanModel

/// Recent inventories in memory, so the SVG, JSON and PNG of one diagram (asked for together by the
/// browser) come from one scan; concurrent requests for the same scan share it while it runs.
/// Only a cache: memory, short-lived, never persisted.
actor InventoryCache {
    private struct Entry {
        let task: Task<Inventory, any Error>
        let started: Date
    }

    private var entries: [String: Entry] = [:]
    let timeToLive: TimeInterval

    init(timeToLive: TimeInterval = 60) {
        self.timeToLive = timeToLive
    }

    func inventory(
        key: String, now: Date, make: @escaping @Sendable () async throws -> Inventory
    ) async throws -> Inventory {
        entries = entries.filter { now.timeIntervalSince($0.value.started) < timeToLive }
        if let entry = entries[key] { return try await entry.task.value }
        let task = Task { try await make() }
        entries[key] = Entry(task: task, started: now)
        do {
            return try await task.value
        } catch {
            entries[key] = nil  // a failure is not cached: the next request tries again
            throw error
        }
    }
}

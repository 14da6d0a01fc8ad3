import Foundation
import SkyplanStore
import Synchronization

/// `GET /blueprint/{id}`'s body by blueprint and current version, so a blueprint read again is not decoded and
/// re-encoded again (it was a tenth of the server's CPU under a read-heavy load).
///
/// Sound because a version never changes: every save, also of the name, tags or sharing, makes a new current
/// version id. One body per blueprint: a newer version's body takes the place of the older one (which no read asks
/// for again), so a blueprint saved all day keeps one entry, not one per save. Bounded by bytes; the blueprints kept
/// longest go first.
final class BlueprintBodies: Sendable {
    private struct Entry {
        let version: UUID
        let body: [UInt8]
    }

    private struct State {
        var entries: [UUID: Entry] = [:]
        /// The kept blueprint ids, each once, in the order they were first kept.
        var order: [UUID] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let limit: Int

    init(limit: Int = 64 << 20) { self.limit = limit }

    /// The body of `record` as kept, else `make()`'s, kept when it is small enough.
    func body(for record: BlueprintRecord, make: () async throws -> [UInt8]) async rethrows -> [UInt8] {
        let id = record.id
        let version = record.currentVersionID
        if let kept = state.withLock({ $0.entries[id] }), kept.version == version { return kept.body }
        let body = try await make()
        guard body.count <= limit / 8 else { return body }
        state.withLock { state in
            if let replaced = state.entries.updateValue(Entry(version: version, body: body), forKey: id) {
                state.bytes -= replaced.body.count
            } else {
                state.order.append(id)
            }
            state.bytes += body.count
            var evicted = 0
            while state.bytes > limit, evicted < state.order.count {
                let oldest = state.order[evicted]
                evicted += 1
                state.bytes -= state.entries.removeValue(forKey: oldest)?.body.count ?? 0
            }
            if evicted > 0 { state.order.removeFirst(evicted) }
        }
        return body
    }

    /// Drops what is kept for a deleted blueprint.
    func forget(_ id: UUID) {
        state.withLock { state in
            guard let dropped = state.entries.removeValue(forKey: id) else { return }
            state.bytes -= dropped.body.count
            state.order.removeAll { $0 == id }
        }
    }

    /// How many bodies are kept (for tests).
    var count: Int { state.withLock { $0.entries.count } }

    /// How many bytes the kept bodies hold (for tests).
    var bytes: Int { state.withLock { $0.bytes } }
}

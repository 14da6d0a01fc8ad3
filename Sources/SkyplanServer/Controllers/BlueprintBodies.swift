import Foundation
import SkyplanStore
import Synchronization

/// `GET /blueprint/{id}`'s body by blueprint and current version, so a blueprint read again is not decoded and
/// re-encoded again (it was a tenth of the server's CPU under a read-heavy load).
///
/// Sound because a version never changes: every save, also of the name, tags or sharing, makes a new current
/// version id. Bounded by bytes; the oldest entries go first.
final class BlueprintBodies: Sendable {
    struct Key: Hashable {
        let id: UUID
        let version: UUID
    }

    private struct State {
        var bodies: [Key: [UInt8]] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let limit: Int

    init(limit: Int = 64 << 20) { self.limit = limit }

    /// The body of `record` as kept, else `make()`'s, kept when it is small enough.
    func body(for record: BlueprintRecord, make: () async throws -> [UInt8]) async rethrows -> [UInt8] {
        let key = Key(id: record.id, version: record.currentVersionID)
        if let kept = state.withLock({ $0.bodies[key] }) { return kept }
        let body = try await make()
        guard body.count <= limit / 8 else { return body }
        state.withLock { state in
            guard state.bodies.updateValue(body, forKey: key) == nil else { return }
            state.order.append(key)
            state.bytes += body.count
            var evicted = 0
            while state.bytes > limit, evicted < state.order.count {
                let oldest = state.order[evicted]
                evicted += 1
                state.bytes -= state.bodies.removeValue(forKey: oldest)?.count ?? 0
            }
            if evicted > 0 { state.order.removeFirst(evicted) }
        }
        return body
    }

    /// How many bodies are kept (for tests).
    var count: Int { state.withLock { $0.bodies.count } }
}

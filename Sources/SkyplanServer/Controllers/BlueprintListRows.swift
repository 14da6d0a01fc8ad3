import Foundation
import SkyplanStore
import Synchronization

/// `GET /blueprint`'s body from each blueprint's JSON object as last written, re-encoding only blueprints
/// whose current version changed since.
///
/// The store gives every save a new current version id (also for a change of name, tags or sharing), so
/// the id and the current version id together name one row's bytes.
final class BlueprintListRows: Sendable {
    private struct Row {
        let version: UUID
        let bytes: [UInt8]
    }

    private let rows = Mutex<[UUID: Row]>([:])

    /// The same bytes as ``BlueprintListJSON/bytes(_:)``.
    func body(_ records: [BlueprintRecord]) -> [UInt8] {
        let known = rows.withLock { $0 }
        var fresh: [(UUID, Row)] = []
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 400 + 20)
        out += Array(#"{"blueprints":["#.utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let row = known[record.id], row.version == record.currentVersionID {
                out += row.bytes
            } else {
                var bytes: [UInt8] = []
                BlueprintListJSON.object(&bytes, record)
                out += bytes
                fresh.append((record.id, Row(version: record.currentVersionID, bytes: bytes)))
            }
        }
        out += Array("]}".utf8)
        if !fresh.isEmpty {
            rows.withLock { rows in
                for (id, row) in fresh { rows[id] = row }
                // Deleted blueprints' rows go once the map is well past the size of a list.
                if rows.count > max(1024, records.count * 2) {
                    let listed = Set(records.map(\.id))
                    rows = rows.filter { listed.contains($0.key) }
                }
            }
        }
        return out
    }
}

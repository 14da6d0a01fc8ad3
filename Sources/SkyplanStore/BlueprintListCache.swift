import Foundation
import SkyplanModel

/// The blueprint list (records without data) as of one value of the store's blueprint change counter, so a
/// list request that finds the counter unchanged reads one row instead of every blueprint.
///
/// Every blueprint write, from any process on the database (server replicas, the CLI), increments the counter
/// in its own transaction (`skyplan_changes`). A reader reads the counter *before* the rows, so the rows it
/// stores are at least as new as the number it stores them under. A write of this process applies its own
/// change when the cache held the number just before it — nothing else changed in between — and otherwise
/// leaves the cache to be read again; applying a change the rows already hold is harmless (by id).
struct BlueprintListCache: Sendable {
    enum Change: Sendable {
        case upsert(BlueprintRecord)
        case delete(UUID)
    }

    /// The counter value the records are current for; nil: nothing cached.
    private(set) var change: Int64?
    /// Sorted by ``order(_:_:)``, without data.
    private(set) var records: [BlueprintRecord] = []

    /// The cached records if they are current for counter value `change`.
    func records(at change: Int64) -> [BlueprintRecord]? {
        self.change == change ? records : nil
    }

    /// Keeps `fresh`, read after the counter read `change`, unless something newer is kept already.
    mutating func store(_ fresh: [BlueprintRecord], at change: Int64) {
        if let kept = self.change, kept >= change { return }
        self.change = change
        records = fresh.map(Self.withoutData).sorted(by: Self.order)
    }

    /// This process's write committed as counter value `change`.
    mutating func apply(_ write: Change, at change: Int64) {
        guard let kept = self.change, kept < change else { return }
        guard kept == change - 1 else {
            self.change = nil
            records = []
            return
        }
        switch write {
        case .upsert(let record):
            records.removeAll { $0.id == record.id }
            let entry = Self.withoutData(record)
            let index = records.firstIndex { Self.order(entry, $0) } ?? records.endIndex
            records.insert(entry, at: index)
        case .delete(let id):
            records.removeAll { $0.id == id }
        }
        self.change = change
    }

    /// The API's list order: most recently updated first, then by id, descending.
    static func order(_ a: BlueprintRecord, _ b: BlueprintRecord) -> Bool {
        a.updatedAt != b.updatedAt ? a.updatedAt > b.updatedAt : UUID.textOrder(b.id, a.id)
    }

    private static func withoutData(_ record: BlueprintRecord) -> BlueprintRecord {
        var record = record
        record.data = Data()
        return record
    }
}

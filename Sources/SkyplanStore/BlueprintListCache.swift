import Foundation
import SkyplanModel

/// The blueprint list (records without data) as of one value of the store's blueprint change counter, so a
/// request that finds the counter unchanged reads no blueprint, and one that finds it moved reads only the
/// blueprints changed or deleted since (``merge(_:deleted:since:at:)``).
///
/// Every blueprint write, from any process on the database (server replicas, the CLI), increments the counter
/// in its own transaction (`skyplan_changes`). A reader reads the counter *before* the rows, so the rows it
/// stores are at least as new as the number it stores them under. A write of this process applies its own
/// change when the cache held the number just before it — nothing else changed in between. Concurrent writes
/// of this process report their commits in any order: a change that comes before the one just below it waits
/// (bounded, ``pendingLimit``) and is applied once the gap is filled; a gap that another process's write
/// holds is never filled, and the next reader merges what changed since. Applying a change the rows already
/// hold is harmless (by id).
struct BlueprintListCache: Sendable {
    enum Change: Sendable {
        case upsert(BlueprintRecord)
        case delete(UUID)
    }

    /// The counter value the records are current for; nil: nothing cached.
    private(set) var change: Int64?
    /// Sorted by ``order(_:_:)``, without data.
    private(set) var records: [BlueprintRecord] = []
    /// This process's changes above ``change`` + 1, by counter value, waiting for the ones below them.
    private(set) var pending: [Int64: Change] = [:]

    /// How many changes may wait for a gap to fill; past it they are dropped (the list is read again).
    static let pendingLimit = 256

    /// The cached records if they are current for a reader that read counter value `change`: kept at that
    /// value or a later one (which holds every change up to `change`).
    func records(current change: Int64) -> [BlueprintRecord]? {
        guard let kept = self.change, kept >= change else { return nil }
        return records
    }

    /// Keeps `fresh`, read after the counter read `change`, unless something newer is kept already.
    mutating func store(_ fresh: [BlueprintRecord], at change: Int64) {
        if let kept = self.change, kept >= change { return }
        self.change = change
        records = fresh.map(Self.withoutData).sorted(by: Self.order)
        pending = pending.filter { $0.key > change }
        applyPending()
    }

    /// Brings the records up to counter value `change` with the blueprints changed (`changed`) and deleted
    /// since `since`, read after a counter read of `change`; the cache must be at `since` or later (anything
    /// it applied since is among them). They may hold later changes too (applying a change twice is
    /// harmless); a blueprint is never created again after its deletion, so a deletion wins.
    mutating func merge(_ changed: [BlueprintRecord], deleted: [UUID], since: Int64, at change: Int64) {
        guard let kept = self.change, kept >= since, kept < change else { return }
        let deleted = Set(deleted)
        let replaced = deleted.union(changed.map(\.id))
        records =
            (records.filter { !replaced.contains($0.id) }
            + changed.filter { !deleted.contains($0.id) }.map(Self.withoutData)).sorted(by: Self.order)
        self.change = change
        pending = pending.filter { $0.key > change }
        applyPending()
    }

    /// This process's write committed as counter value `change`.
    mutating func apply(_ write: Change, at change: Int64) {
        guard let kept = self.change, kept < change else { return }
        guard kept == change - 1 else {
            if pending.count < Self.pendingLimit { pending[change] = write }
            return
        }
        applyNext(write)
        applyPending()
    }

    /// Applies the waiting changes that now follow ``change`` without a gap.
    private mutating func applyPending() {
        while let current = change, let next = pending.removeValue(forKey: current + 1) { applyNext(next) }
    }

    /// Applies the change numbered ``change`` + 1.
    private mutating func applyNext(_ write: Change) {
        switch write {
        case .upsert(let record):
            records.removeAll { $0.id == record.id }
            let entry = Self.withoutData(record)
            let index = records.firstIndex { Self.order(entry, $0) } ?? records.endIndex
            records.insert(entry, at: index)
        case .delete(let id):
            records.removeAll { $0.id == id }
        }
        change = change.map { $0 + 1 }
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

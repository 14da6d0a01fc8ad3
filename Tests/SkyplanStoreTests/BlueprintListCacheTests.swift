import Foundation
import Testing

@testable import SkyplanStore

@Suite("Blueprint list cache")
struct BlueprintListCacheTests {
    /// A record whose update time follows its name: "a" was updated last, "e" first.
    static func record(_ name: String, data: String = "{}") -> BlueprintRecord {
        let age = Double(name.unicodeScalars.first.map { $0.value } ?? 0)
        return BlueprintRecord(
            id: UUID(), name: name, creatorID: UUID(), lastUserID: UUID(), currentVersionID: UUID(),
            data: Data(data.utf8), createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 1000 - age))
    }

    @Test func servesOnlyTheCounterValueItWasReadAt() {
        var cache = BlueprintListCache()
        #expect(cache.records(at: 0) == nil)
        let b = Self.record("b")
        let a = Self.record("a")
        cache.store([b, a], at: 3)
        #expect(cache.records(at: 3)?.map(\.name) == ["a", "b"])
        #expect(cache.records(at: 3)?.allSatisfy(\.data.isEmpty) == true)
        #expect(cache.records(at: 4) == nil)
        // An older read never replaces a newer one.
        cache.store([a], at: 2)
        #expect(cache.records(at: 3)?.count == 2)
    }

    @Test func appliesThisProcessesWriteOnlyWhenNothingElseChangedInBetween() {
        var cache = BlueprintListCache()
        let a = Self.record("a")
        let c = Self.record("c")
        cache.store([a, c], at: 10)
        var b = Self.record("b")
        cache.apply(.upsert(b), at: 11)
        #expect(cache.records(at: 11)?.map(\.name) == ["a", "b", "c"])
        b.name = "d"
        b.updatedAt = Date(timeIntervalSince1970: 1000 - 100)
        cache.apply(.upsert(b), at: 12)
        #expect(cache.records(at: 12)?.map(\.name) == ["a", "c", "d"])
        cache.apply(.delete(a.id), at: 13)
        #expect(cache.records(at: 13)?.map(\.name) == ["c", "d"])
        // A change already in the rows (read after it) is ignored.
        cache.apply(.delete(c.id), at: 13)
        #expect(cache.records(at: 13)?.map(\.name) == ["c", "d"])
        // Counter 14 was another process's write: this process's 15 cannot be applied on top of 13.
        cache.apply(.upsert(Self.record("e")), at: 15)
        #expect(cache.records(at: 15) == nil)
        #expect(cache.records(at: 13) == nil)
    }

    @Test func sortsMostRecentlyUpdatedFirstThenByIDDescending() {
        let x = Self.record("same")
        let y = Self.record("same")
        var cache = BlueprintListCache()
        cache.store([x, y], at: 1)
        let expected = [x, y].sorted { UUID.textOrder($1.id, $0.id) }.map(\.id)
        #expect(cache.records(at: 1)?.map(\.id) == expected)
    }
}

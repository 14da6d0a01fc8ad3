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

    @Test func servesReadersOfItsCounterValueOrAnEarlierOne() {
        var cache = BlueprintListCache()
        #expect(cache.records(current: 0) == nil)
        let b = Self.record("b")
        let a = Self.record("a")
        cache.store([b, a], at: 3)
        #expect(cache.records(current: 3)?.map(\.name) == ["a", "b"])
        #expect(cache.records(current: 3)?.allSatisfy(\.data.isEmpty) == true)
        // A reader that read 2 must see the changes up to 2; the rows at 3 hold them.
        #expect(cache.records(current: 2)?.map(\.name) == ["a", "b"])
        // A reader that read 4 must see a change the rows do not hold.
        #expect(cache.records(current: 4) == nil)
        // An older read never replaces a newer one.
        cache.store([a], at: 2)
        #expect(cache.records(current: 3)?.count == 2)
    }

    @Test func appliesThisProcessesWriteOnlyWhenNothingElseChangedInBetween() {
        var cache = BlueprintListCache()
        let a = Self.record("a")
        let c = Self.record("c")
        cache.store([a, c], at: 10)
        var b = Self.record("b")
        cache.apply(.upsert(b), at: 11)
        #expect(cache.records(current: 11)?.map(\.name) == ["a", "b", "c"])
        b.name = "d"
        b.updatedAt = Date(timeIntervalSince1970: 1000 - 100)
        cache.apply(.upsert(b), at: 12)
        #expect(cache.records(current: 12)?.map(\.name) == ["a", "c", "d"])
        cache.apply(.delete(a.id), at: 13)
        #expect(cache.records(current: 13)?.map(\.name) == ["c", "d"])
        // A change already in the rows (read after it) is ignored.
        cache.apply(.delete(c.id), at: 13)
        #expect(cache.records(current: 13)?.map(\.name) == ["c", "d"])
        // Counter 14 was another process's write: this process's 15 cannot be applied on top of 13; it waits.
        cache.apply(.upsert(Self.record("e")), at: 15)
        #expect(cache.records(current: 15) == nil)
        #expect(cache.records(current: 13)?.map(\.name) == ["c", "d"])
        // A list reads the rows at 14 (the other process's "f" in them): this process's 15 follows.
        cache.store([Self.record("f"), c, b], at: 14)
        #expect(cache.records(current: 15)?.map(\.name) == ["c", "d", "e", "f"])
        #expect(cache.pending.isEmpty)
    }

    @Test func appliesThisProcessesConcurrentWritesInCounterOrderWhateverOrderTheyReport() {
        var cache = BlueprintListCache()
        var a = Self.record("a")
        cache.store([a], at: 20)
        let b = Self.record("b")
        let c = Self.record("c")
        // Committed as 21 (b added), 22 (a renamed), 23 (c added), 24 (c deleted); reported 23, 22, 24, 21.
        a.name = "z"
        cache.apply(.upsert(c), at: 23)
        cache.apply(.upsert(a), at: 22)
        #expect(cache.records(current: 20)?.map(\.name) == ["a"])
        cache.apply(.delete(c.id), at: 24)
        cache.apply(.upsert(b), at: 21)
        #expect(cache.records(current: 24)?.map(\.name) == ["z", "b"])
        #expect(cache.pending.isEmpty)
    }

    @Test func dropsWaitingChangesARowReadAlreadyHoldsAndBoundsTheRest() {
        var cache = BlueprintListCache()
        cache.store([], at: 1)
        let late = Self.record("a")
        cache.apply(.upsert(late), at: 3)
        cache.apply(.upsert(Self.record("b")), at: 5)
        // Rows read at 4 hold change 3 (and 2, 4 from other processes); 5 follows them.
        cache.store([late], at: 4)
        #expect(cache.records(current: 5)?.map(\.name) == ["a", "b"])
        // A gap that never fills keeps at most the limit of changes waiting.
        for value in 0..<(BlueprintListCache.pendingLimit + 10) {
            cache.apply(.delete(UUID()), at: 7 + Int64(value))
        }
        #expect(cache.pending.count == BlueprintListCache.pendingLimit)
        #expect(cache.records(current: 5)?.count == 2)
        // Rows read past every waiting change replace them all.
        cache.store([], at: 1000)
        #expect(cache.pending.isEmpty && cache.records(current: 1000)?.isEmpty == true)
    }

    @Test func sortsMostRecentlyUpdatedFirstThenByIDDescending() {
        let x = Self.record("same")
        let y = Self.record("same")
        var cache = BlueprintListCache()
        cache.store([x, y], at: 1)
        let expected = [x, y].sorted { UUID.textOrder($1.id, $0.id) }.map(\.id)
        #expect(cache.records(current: 1)?.map(\.id) == expected)
    }

    @Test func mergesWhatChangedSinceItsCounterValue() {
        var cache = BlueprintListCache()
        let a = Self.record("a")
        var b = Self.record("b")
        let c = Self.record("c")
        cache.store([a, b, c], at: 20)
        b.name = "e"
        b.updatedAt = Date(timeIntervalSince1970: 1000 - 101)
        let d = Self.record("d", data: "{\"big\":true}")
        cache.merge([b, d], deleted: [a.id], since: 20, at: 23)
        #expect(cache.records(current: 23)?.map(\.name) == ["c", "d", "e"])
        #expect(cache.records(current: 23)?.allSatisfy(\.data.isEmpty) == true)
        // A merge read from an older place than the cache is now at changes nothing.
        cache.merge([Self.record("f")], deleted: [], since: 21, at: 22)
        #expect(cache.records(current: 23)?.map(\.name) == ["c", "d", "e"])
    }

    @Test func aDeletionWinsOverTheSameBlueprintReadBeforeIt() {
        var cache = BlueprintListCache()
        let a = Self.record("a")
        let b = Self.record("b")
        cache.store([a], at: 5)
        // b was created and deleted after the counter read; the changed rows were read before the deletion.
        cache.merge([b], deleted: [b.id], since: 5, at: 6)
        #expect(cache.records(current: 6)?.map(\.name) == ["a"])
    }

    @Test func mergesOnTopOfThisProcesssWritesMadeSinceTheReadStarted() {
        var cache = BlueprintListCache()
        let a = Self.record("a")
        cache.store([a], at: 5)
        // Read from 5 while this process's own write (b, at 6) moved the cache on: b is among the rows read.
        let b = Self.record("b")
        cache.apply(.upsert(b), at: 6)
        let c = Self.record("c")
        cache.merge([b, c], deleted: [], since: 5, at: 8)
        #expect(cache.records(current: 8)?.map(\.name) == ["a", "b", "c"])
    }
}

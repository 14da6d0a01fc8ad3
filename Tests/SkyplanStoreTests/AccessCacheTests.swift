import Foundation
import Testing

@testable import SkyplanStore

@Suite("Access cache")
struct AccessCacheTests {
    static let start = ContinuousClock.now

    static func entry(_ name: String, access: Int64) -> AccessCache<String>.Entry {
        .init(grant: name, user: Support.user(), teamIDs: [], access: access, keptAt: start)
    }

    @Test func answersReadersOfItsCounterValueOrAnEarlierOne() {
        var cache = AccessCache<String>()
        cache.keep(Self.entry("key", access: 5), for: "h")
        #expect(cache.entry("h", current: 5, now: Self.start)?.grant == "key")
        #expect(cache.entry("h", current: 4, now: Self.start)?.grant == "key")
        // Something changed since it was read: a revoked key, a removed member.
        #expect(cache.entry("h", current: 6, now: Self.start) == nil)
        #expect(cache.entry("other", current: 5, now: Self.start) == nil)
        // However current, an entry ends after its lifetime (a write an older replica did not count).
        #expect(cache.entry("h", current: 5, now: Self.start + AccessCache<String>.lifetime) == nil)
    }

    @Test func neverReplacesANewerEntryWithAnOlderOne() {
        var cache = AccessCache<String>()
        cache.keep(Self.entry("revoked", access: 7), for: "h")
        cache.keep(Self.entry("valid", access: 6), for: "h")
        #expect(cache.entry("h", current: 7, now: Self.start)?.grant == "revoked")
        cache.keep(Self.entry("again", access: 8), for: "h")
        #expect(cache.entry("h", current: 8, now: Self.start)?.grant == "again")
    }

    @Test func updatesMatchingGrantsAndStaysBounded() {
        var cache = AccessCache<String>()
        for index in 0..<AccessCache<String>.limit { cache.keep(Self.entry("k\(index)", access: 1), for: "h\(index)") }
        cache.update(where: { $0 == "k3" }) { $0 = "k3 used" }
        #expect(cache.entry("h3", current: 1, now: Self.start)?.grant == "k3 used")
        #expect(cache.entries.count == AccessCache<String>.limit)
        cache.keep(Self.entry("one more", access: 1), for: "new")
        #expect(cache.entries.count == 1)
        #expect(cache.entry("new", current: 1, now: Self.start)?.grant == "one more")
    }
}

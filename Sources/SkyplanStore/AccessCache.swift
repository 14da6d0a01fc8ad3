import Foundation

/// What an API key or a session token resolves to — the key or session, its user and the user's teams — by
/// the token's hash, each kept under the `access` change counter read before it was queried.
///
/// An entry answers a reader whose counters are not newer than the entry's: every change to users, teams,
/// memberships, keys and sessions increments the counter, so nothing the entry depends on changed between the
/// reader's counter read and the entry's query. An entry also ends after ``lifetime``, so a write that did not
/// count (an older Skyplan replica during an upgrade) is seen within it. Unknown tokens are not kept (they cost
/// a query each). Bounded: past ``limit`` entries it starts again empty.
struct AccessCache<Grant: Sendable>: Sendable {
    struct Entry: Sendable {
        var grant: Grant
        var user: UserRecord
        var teamIDs: [UUID]
        var access: Int64
        var keptAt: ContinuousClock.Instant
    }

    private(set) var entries: [String: Entry] = [:]

    static var limit: Int { 4096 }
    static var lifetime: Duration { .seconds(30) }

    /// The entry for `hash` if it is current for counter value `access` and younger than ``lifetime`` at `now`.
    func entry(_ hash: String, current access: Int64, now: ContinuousClock.Instant) -> Entry? {
        guard let entry = entries[hash], entry.access >= access, entry.keptAt.duration(to: now) < Self.lifetime
        else { return nil }
        return entry
    }

    /// Keeps `entry` unless a newer one is kept already.
    mutating func keep(_ entry: Entry, for hash: String) {
        if let kept = entries[hash], kept.access > entry.access { return }
        if entries[hash] == nil, entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
        entries[hash] = entry
    }

    /// Changes the grants `matching` with `change`: a write that does not count as an access change (a key's
    /// last use) keeps the entries right.
    mutating func update(where matching: (Grant) -> Bool, _ change: (inout Grant) -> Void) {
        for (hash, var entry) in entries where matching(entry.grant) {
            change(&entry.grant)
            entries[hash] = entry
        }
    }
}

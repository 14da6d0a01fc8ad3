import Foundation

/// Slows password guessing: after a few failures for an email (or from a client address), each
/// further attempt must wait, doubling up to a cap. In memory: a replica restart forgets it, which
/// only resets the delay.
actor LoginThrottle {
    private struct Record {
        var failures: Int
        var lastFailure: Date
    }
    private var records: [String: Record] = [:]
    let freeAttempts: Int
    let maxDelay: TimeInterval

    init(freeAttempts: Int = 5, maxDelay: TimeInterval = 900) {
        self.freeAttempts = freeAttempts
        self.maxDelay = maxDelay
    }

    /// Seconds the caller must still wait before another attempt for these keys, 0 if none: after the free
    /// attempts, 30 s, then doubling with every further failure up to `maxDelay`.
    func waitTime(keys: [String], now: Date) -> TimeInterval {
        keys.compactMap { records[$0] }.map { record in
            guard record.failures >= freeAttempts else { return 0 }
            let delay = min(maxDelay, 30 * pow(2, Double(record.failures - freeAttempts)))
            return max(0, record.lastFailure.addingTimeInterval(delay).timeIntervalSince(now))
        }.max() ?? 0
    }

    func recordFailure(keys: [String], now: Date) {
        for key in keys {
            var record = records[key] ?? Record(failures: 0, lastFailure: now)
            record.failures += 1
            record.lastFailure = now
            records[key] = record
        }
        if records.count > 100_000 {
            records = records.filter { now.timeIntervalSince($0.value.lastFailure) < maxDelay }
        }
    }

    func recordSuccess(keys: [String]) {
        for key in keys { records[key] = nil }
    }
}

import SkyplanAWS
import SkyplanModel

/// Client-side pacing of a scan's calls: a token bucket per operation (and region when `perRegion`, the way AWS
/// scopes its limits), whose rate adapts: cut to `decrease` of itself when AWS throttles the operation, grown back
/// a little with each answer that was not throttled, never above the configured rate. A scan installs it as its client's
/// `RequestGate`, so every attempt — list pages, per-item calls and retries alike — passes through it.
///
/// The learnt rate is per operation, shared by its regions (AWS's limits are the same in every region), so one
/// region's throttle spares the others the same lesson. A burst of throttles from calls already in flight
/// cuts the rate once (`cooldown`), not once per call. The cut is deep (to a quarter) and the recovery slow, so
/// that an operation is throttled about once before it settles under its limit, not over and over.
///
/// Each bucket starts with a probe: its first `burst` + 1 calls go at once and at the rate, then it waits until
/// they are all answered. Whether the call past the burst was throttled is what tells the limit; calls sent before
/// that answer arrives would be throttled too.
public actor RequestPacer: RequestGate {
    /// The starting and highest rate, calls per second per bucket.
    public let rate: Double
    /// Burst.
    public let burst: Double
    /// Per region.
    public let perRegion: Bool
    /// The lowest rate throttling can push an operation to.
    public let floor: Double
    /// What a throttle leaves of the rate.
    public let decrease: Double
    /// Rate added per answer that was not throttled.
    public let recovery: Double
    /// Throttles within this long of a decrease do not decrease again (they were sent before it).
    public let cooldown: Duration
    private var buckets: [String: Bucket] = [:]
    private var rates: [String: (rate: Double, decreasedAt: ContinuousClock.Instant?)] = [:]
    private(set) var throttles = 0
    /// The time source (injected by tests, which must not depend on how fast a busy machine wakes them).
    private let now: @Sendable () -> ContinuousClock.Instant

    /// `rate` calls per second per operation, `burst` at once.
    public init(
        rate: Double, burst: Double? = nil, perRegion: Bool = false, floor: Double = 0.5, decrease: Double = 0.25,
        recovery: Double = 0.002, cooldown: Duration = .seconds(1),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.now = now
        self.decrease = min(max(0.05, decrease), 1)
        self.rate = max(0.1, rate)
        self.burst = max(1, burst ?? rate)
        self.perRegion = perRegion
        self.floor = min(max(0.05, floor), self.rate)
        self.recovery = max(0, recovery)
        self.cooldown = cooldown
    }

    /// The current rate of `operation` (`service:Operation`).
    public func currentRate(_ operation: String) -> Double { rates[operation]?.rate ?? rate }

    /// Takes a token for one call of `operation` in `region` and returns zero, or, when there is none, takes
    /// nothing and returns how long until there is one. Waiters take no token in advance, so a throttle that
    /// cuts the rate slows the calls already waiting too.
    func reserve(_ operation: String, region: String) -> Duration {
        let key = perRegion ? "\(region) \(operation)" : operation
        let rate = currentRate(operation)
        let now = self.now()
        var bucket = buckets[key] ?? Bucket(tokens: burst, last: now)
        bucket.tokens = min(burst, bucket.tokens + Self.seconds(now - bucket.last) * rate)
        bucket.last = now
        defer { buckets[key] = bucket }
        if !bucket.settled && Double(bucket.admitted) > burst {
            // The probe's answers are not all in yet; a call that never answers does not hold the bucket long.
            if now - (bucket.probeSentAt ?? now) < Self.probeTimeout { return .milliseconds(10) }
            bucket.settled = true
        }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            bucket.admitted += 1
            if !bucket.settled && Double(bucket.admitted) > burst { bucket.probeSentAt = now }
            return .zero
        }
        return .milliseconds(max(1, Int(saturating: ((1 - bucket.tokens) / rate) * 1000)))
    }

    /// Records an answer to `operation` in `region`: a throttle cuts the operation's rate (once per `cooldown`)
    /// and empties the region's bucket; any other answer grows the rate back by `recovery`.
    func note(_ operation: String, region: String, throttled: Bool) {
        var state = rates[operation] ?? (rate, nil)
        let now = self.now()
        let key = perRegion ? "\(region) \(operation)" : operation
        if var bucket = buckets[key] {
            bucket.answered += 1
            bucket.settled = bucket.settled || throttled || Double(bucket.answered) > burst
            if throttled { bucket.tokens = min(bucket.tokens, 0) }
            buckets[key] = bucket
        }
        if throttled {
            throttles += 1
            if let last = state.decreasedAt, now - last < cooldown { return }
            state = (max(floor, state.rate * decrease), now)
        } else {
            state.rate = min(rate, state.rate + recovery)
        }
        rates[operation] = state
    }

    /// Waits for a turn to call `operation` in `region`.
    public func wait(_ operation: String, region: String) async throws {
        while true {
            let delay = reserve(operation, region: region)
            if delay == .zero { return }
            try await Task.sleep(for: delay)
        }
    }

    public func admit(service: String, operation: String, region: String) async throws {
        try await wait("\(service):\(operation)", region: region)
    }

    public func record(service: String, operation: String, region: String, throttled: Bool) {
        note("\(service):\(operation)", region: region, throttled: throttled)
    }

    /// How long a probe waits for its answers at most.
    static let probeTimeout = Duration.seconds(3)

    /// One bucket's tokens, and its probe: calls admitted and answered until it is settled.
    private struct Bucket {
        var tokens: Double
        var last: ContinuousClock.Instant
        var admitted = 0
        var answered = 0
        var settled = false
        var probeSentAt: ContinuousClock.Instant?
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

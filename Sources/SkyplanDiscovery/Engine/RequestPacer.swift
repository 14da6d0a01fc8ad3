/// Client-side pacing of per-item calls: a token bucket per operation, so that a scan's bursts of
/// `DescribeTable`/`GetBucketLocation` stay under AWS's per-API rate limits instead of being throttled,
/// retried (more calls) and, past the retry budget, lost.
///
/// A bucket is keyed by `service:Operation` (and the region when `perRegion`, the way AWS scopes most limits).
public actor RequestPacer {
    /// Rate.
    public let rate: Double
    /// Burst.
    public let burst: Double
    /// Per region.
    public let perRegion: Bool
    private var buckets: [String: (tokens: Double, last: ContinuousClock.Instant)] = [:]
    private let clock = ContinuousClock()

    /// `rate` calls per second per operation, `burst` at once.
    public init(rate: Double, burst: Double? = nil, perRegion: Bool = false) {
        self.rate = max(0.1, rate)
        self.burst = max(1, burst ?? rate)
        self.perRegion = perRegion
    }

    /// Reserves one call of `operation` and returns how long to wait before making it.
    func reserve(_ operation: String, region: String) -> Duration {
        let key = perRegion ? "\(region) \(operation)" : operation
        let now = clock.now
        var bucket = buckets[key] ?? (burst, now)
        let elapsed = now - bucket.last
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(burst, bucket.tokens + seconds * rate) - 1
        bucket.last = now
        buckets[key] = bucket
        return bucket.tokens >= 0 ? .zero : .milliseconds(Int((-bucket.tokens / rate) * 1000))
    }

    /// Waits for a turn to call `operation` in `region`.
    public func wait(_ operation: String, region: String) async throws {
        let delay = reserve(operation, region: region)
        if delay > .zero { try await Task.sleep(for: delay) }
    }
}

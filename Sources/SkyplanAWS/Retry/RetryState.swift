import Foundation

/// Shared retry bookkeeping of one client: the standard mode's retry quota, and in adaptive mode a
/// client-side rate limiter per service that slows down after throttles and recovers on success.
///
/// See https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
actor RetryState {
    private var tokens: Int
    private let capacity: Int
    private var limiters: [String: RateLimiter] = [:]

    init(quota: Int) {
        self.tokens = quota
        self.capacity = quota
    }

    /// Takes `cost` tokens for a retry; false when the quota is spent (then the call fails now).
    func acquireRetry(cost: Int) -> Bool {
        guard tokens >= cost else { return false }
        tokens -= cost
        return true
    }

    /// Returns tokens after a success (`cost` when the success followed a retry, else 1).
    func releaseAfterSuccess(retried cost: Int?) {
        tokens = min(capacity, tokens + (cost ?? 1))
    }

    /// The quota left (for tests).
    var remainingQuota: Int { tokens }

    /// Adaptive mode: how long to wait before sending to `service` at time `now` (seconds, monotonic).
    func delayBeforeSend(service: String, now: Double) -> Double {
        guard var limiter = limiters[service] else { return 0 }
        let delay = limiter.acquire(now: now)
        limiters[service] = limiter
        return delay
    }

    /// Adaptive mode: records an answer from `service`.
    func record(service: String, throttled: Bool, now: Double) {
        var limiter = limiters[service] ?? RateLimiter()
        limiter.record(throttled: throttled, now: now)
        if limiter.isUnlimited { limiters[service] = nil } else { limiters[service] = limiter }
    }

    /// The current send rate limit of `service` (requests/s), nil when unlimited.
    func rateLimit(service: String) -> Double? { limiters[service]?.rate }
}

/// A token bucket whose rate drops multiplicatively on throttles and grows back on successes.
struct RateLimiter: Sendable {
    /// Requests per second; nil until the first throttle.
    var rate: Double?
    private var tokens: Double = 1
    private var lastRefill: Double?
    private var sentInWindow = 0
    private var windowStart: Double?
    private var measuredRate: Double = 10

    static let minimumRate = 0.5
    static let decrease = 0.7
    static let increase = 1.1
    static let ceiling = 1_000.0

    var isUnlimited: Bool { rate == nil }

    /// Consumes one token; returns seconds to wait first.
    mutating func acquire(now: Double) -> Double {
        guard let rate else { return 0 }
        if let lastRefill { tokens = min(max(1, rate), tokens + (now - lastRefill) * rate) }
        lastRefill = now
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / rate
    }

    mutating func record(throttled: Bool, now: Double) {
        if let start = windowStart, now - start < 1 {
            sentInWindow += 1
        } else {
            if let start = windowStart, now > start { measuredRate = max(1, Double(sentInWindow) / (now - start)) }
            windowStart = now
            sentInWindow = 1
        }
        if throttled {
            rate = max(Self.minimumRate, min(rate ?? measuredRate, measuredRate) * Self.decrease)
            tokens = min(tokens, 0)
            lastRefill = now
        } else if let current = rate {
            let next = current * Self.increase
            rate = next >= Self.ceiling ? nil : next
        }
    }
}

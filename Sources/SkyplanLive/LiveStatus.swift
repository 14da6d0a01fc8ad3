import Foundation

/// How a component is doing, as the diagram colours it.
public enum LiveHealth: String, Sendable, Hashable, Codable, CaseIterable {
    /// Running and healthy.
    case ok
    /// Degraded, transitioning, or some targets/alarms need attention.
    case warning
    /// Failed, impaired, or no healthy capacity.
    case error
    /// Deliberately not running (stopped, disabled, scaled to zero).
    case stopped
    /// Not known (no answer yet, not found, or a family Skyplan does not watch).
    case unknown

    /// Rank used to combine two healths: the worse one wins.
    var rank: Int {
        switch self {
        case .unknown: 0
        case .ok: 1
        case .stopped: 2
        case .warning: 3
        case .error: 4
        }
    }

    /// The worse of two healths (`error` beats `warning` beats `stopped` beats `ok` beats `unknown`).
    public func worst(_ other: LiveHealth) -> LiveHealth { other.rank > rank ? other : self }
}

/// The live state of one component: what the browser shows on it and in its details panel.
///
/// Held in memory only and streamed; never stored (DESIGN.md §2).
public struct LiveStatus: Sendable, Hashable, Codable {
    /// Overall health (state, checks, targets and alarms combined).
    public var health: LiveHealth
    /// How many CloudWatch alarms on the component are in `ALARM`.
    public var alarms: Int
    /// Current values by name (`state`, `cpu`, `healthyTargets`, ...), already formatted for display.
    public var values: [String: String]
    /// True when the last refresh failed (throttling, access denied) and these values are older.
    public var stale: Bool

    /// Creates a status.
    public init(health: LiveHealth, alarms: Int = 0, values: [String: String] = [:], stale: Bool = false) {
        self.health = health
        self.alarms = alarms
        self.values = values
        self.stale = stale
    }

    /// A status for a component whose state is not known.
    public static func unknown(_ reason: String) -> LiveStatus {
        LiveStatus(health: .unknown, values: ["reason": reason])
    }
}

/// A failure of one family's refresh: the data of its components is stale, the rest is fresh.
public struct LiveFailure: Sendable, Hashable, Codable {
    /// The family whose call failed (`ec2`, `cloudwatch`, ...).
    public var family: String
    /// The AWS error code (`Throttling`, `AccessDenied`, ...).
    public var code: String
    /// A sentence a person can act on.
    public var message: String
    /// True when AWS asked us to slow down.
    public var throttled: Bool

    /// Creates a failure.
    public init(family: String, code: String, message: String, throttled: Bool) {
        self.family = family
        self.code = code
        self.message = message
        self.throttled = throttled
    }
}

/// What one refresh produced: a status per ARN that could be read, and the failures.
public struct LiveSnapshot: Sendable, Hashable {
    /// Statuses by ARN (as written in the blueprint).
    public var statuses: [String: LiveStatus]
    /// Families that could not be refreshed; their ARNs are absent from `statuses`.
    public var failures: [LiveFailure]
    /// The ARNs whose family failed (kept stale by the caller).
    public var staleARNs: Set<String>
    /// How many AWS calls the refresh made.
    public var calls: Int

    /// Creates a snapshot.
    public init(
        statuses: [String: LiveStatus] = [:], failures: [LiveFailure] = [], staleARNs: Set<String> = [], calls: Int = 0
    ) {
        self.statuses = statuses
        self.failures = failures
        self.staleARNs = staleARNs
        self.calls = calls
    }

    /// True when at least one failure was throttling.
    public var throttled: Bool { failures.contains { $0.throttled } }
}

/// The store's change counters (`skyplan_changes`) as read at one moment. Every write, from any process on the
/// database, increments its counter in its own transaction: `blueprints` for blueprints and their versions,
/// `access` for users, teams, memberships, API keys and sessions. A cache kept under a counter value is
/// current while the counter has not moved past it.
public struct ChangeCounters: Sendable, Equatable {
    public var blueprints: Int64
    public var access: Int64

    public init(blueprints: Int64, access: Int64) {
        self.blueprints = blueprints
        self.access = access
    }

    /// The counters a request read from one store when it arrived (``Store/withChangeCounters(_:)``): its
    /// reads of that store need not see changes committed after that, so they share one read instead of each
    /// making its own.
    @TaskLocal static var ofRequest:
        (store: ObjectIdentifier, counters: ChangeCounters, readAt: ContinuousClock.Instant)?

    /// How long a request's counters serve its reads; a longer request (a stream) reads them again.
    static let requestLifetime = Duration.seconds(1)
}

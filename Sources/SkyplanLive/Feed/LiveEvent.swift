import Foundation

/// One server-sent event of the live feed.
public struct LiveEvent: Sendable, Hashable {
    /// What the event carries.
    public enum Kind: String, Sendable, Hashable {
        /// The full state of the viewer's ARNs (first event, or after a resume that cannot be served).
        case state
        /// The ARNs whose status changed since the previous event.
        case change
        /// A refresh failed (throttling, access denied): the listed ARNs keep older values.
        case stale
        /// Nothing to say: sent after each full refresh so that a dead connection is noticed (an SSE comment).
        case heartbeat
        /// Nothing to say, but the connection is idle: sent while a throttled feed backs off, so that proxies and
        /// load balancers (which drop connections idle for about a minute) keep the stream open (an SSE comment).
        case keepAlive
    }

    /// The event id (`id:`), increasing; nil for `stale`, which a resume does not need to replay.
    public var id: Int?
    /// The kind (`event:`).
    public var kind: Kind
    /// Statuses by ARN (`state`, `change`).
    public var statuses: [String: LiveStatus]
    /// The failures (`stale`).
    public var failures: [LiveFailure]
    /// The ARNs whose values are stale (`stale`).
    public var staleARNs: [String]
    /// Seconds until the next attempt (`stale`, after backing off).
    public var retryInSeconds: Int?

    /// Creates an event.
    public init(
        id: Int?, kind: Kind, statuses: [String: LiveStatus] = [:], failures: [LiveFailure] = [],
        staleARNs: [String] = [], retryInSeconds: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.statuses = statuses
        self.failures = failures
        self.staleARNs = staleARNs
        self.retryInSeconds = retryInSeconds
    }

    private struct Payload: Encodable {
        var statuses: [String: LiveStatus]?
        var failures: [LiveFailure]?
        var stale: [String]?
        var retryInSeconds: Int?
    }

    /// The JSON `data:` line's content (sorted keys: the same state gives the same bytes).
    public var json: String {
        let payload =
            kind == .stale
            ? Payload(failures: failures, stale: staleARNs.sorted(), retryInSeconds: retryInSeconds)
            : Payload(statuses: statuses)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(payload)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The event in `text/event-stream` framing.
    /// See https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
    public var serverSentEvent: String {
        if kind == .heartbeat { return ": heartbeat\n\n" }
        if kind == .keepAlive { return ": keepalive\n\n" }
        var text = ""
        if let id { text += "id: \(id)\n" }
        text += "event: \(kind.rawValue)\ndata: \(json)\n\n"
        return text
    }
}

/// Which feed: one per (account, region), shared by every viewer.
public struct LiveFeedKey: Sendable, Hashable, CustomStringConvertible {
    /// The account (Skyplan's account id, or the AWS account id in the CLI).
    public var account: String
    /// The region.
    public var region: String

    /// Creates a key.
    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    /// `account/region`.
    public var description: String { "\(account)/\(region)" }
}

/// How often the feed refreshes and how it backs off.
public struct LiveHubConfiguration: Sendable {
    /// Refresh cadence of every watched ARN.
    public var interval: Duration
    /// Refresh cadence of a focused (selected) ARN.
    public var focusInterval: Duration
    /// The longest wait after repeated throttling.
    public var maxBackoff: Duration
    /// Change events kept per feed for `Last-Event-ID` resume.
    public var history: Int
    /// Events buffered per viewer; a viewer that falls further behind gets a full state instead.
    public var viewerBuffer: Int
    /// The longest a viewer's stream stays silent (a `keepAlive` then), whatever the back-off.
    public var keepAlive: Duration

    /// Creates a configuration (defaults: 30 s, focus 5 s, back off up to 5 min, keep-alive every 15 s).
    public init(
        interval: Duration = .seconds(30), focusInterval: Duration = .seconds(5), maxBackoff: Duration = .seconds(300),
        history: Int = 256, viewerBuffer: Int = 64, keepAlive: Duration = .seconds(15)
    ) {
        self.keepAlive = max(.milliseconds(10), keepAlive)
        self.interval = interval
        self.focusInterval = focusInterval
        self.maxBackoff = maxBackoff
        self.history = max(1, history)
        self.viewerBuffer = max(1, viewerBuffer)
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel

/// How a scan runs. Plain values with defaults; only the edges read the environment.
public struct ScanConfiguration: Sendable {
    /// How many collectors run at once, over every account and region (each makes its calls in turn). Collectors
    /// mostly wait on the network and the pacer bounds each operation's rate, so this only has to be large enough
    /// that no region's list calls queue behind another region's long per-item runs: one account's four regions
    /// are about 70 collector runs.
    public var concurrency: Int
    /// The clock stamped on `Inventory.startedAt` / `finishedAt` (injected so tests are deterministic).
    public var now: @Sendable () -> Date
    /// How many per-item calls (one `DescribeTable` per table) one collector makes at once. The pacer sets their
    /// rate; this only has to cover the latency (at 19 calls/s and up to a second per answer from a busy API,
    /// about 20 in flight per operation), so a collector with two per-item operations keeps both busy.
    public var perItemConcurrency: Int
    /// Per-item calls per second per operation (AWS's read APIs allow about 20/s sustained); nil: unpaced.
    /// Slightly under the limit, with a smaller burst, so that network jitter does not turn into throttles.
    public var perOperationRate: Double?
    /// How many per-item calls of one operation may go at once before pacing starts.
    public var perOperationBurst: Double
    /// Pace per region and operation (AWS scopes rate limits per account and region) instead of per operation.
    public var pacePerRegion: Bool
    /// The fewest attempts a scan's call gets (its client's own setting when higher): a throttled call is
    /// retried, paced, rather than lost.
    public var minimumAttempts: Int

    public init(
        concurrency: Int = 96, perItemConcurrency: Int = 32, perOperationRate: Double? = 19,
        perOperationBurst: Double = 5,
        pacePerRegion: Bool = true, minimumAttempts: Int = 8,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.minimumAttempts = max(1, minimumAttempts)
        self.concurrency = max(1, concurrency)
        self.perItemConcurrency = max(1, perItemConcurrency)
        self.perOperationRate = perOperationRate
        self.perOperationBurst = max(1, perOperationBurst)
        self.pacePerRegion = pacePerRegion
        self.now = now
    }
}

extension ScanConfiguration {
    /// A fresh pacer for one account's calls (AWS's limits are per account), nil when unpaced.
    public func makePacer() -> RequestPacer? {
        perOperationRate.map { RequestPacer(rate: $0, burst: perOperationBurst, perRegion: pacePerRegion) }
    }

    /// `client` as a scan uses it: every attempt paced by `pacer`, at least `minimumAttempts` attempts per call.
    public func scanClient(_ client: AWSClient, pacer: RequestPacer?) -> AWSClient {
        var scanning = client.with(gate: pacer)
        scanning.configuration.retry.maxAttempts = max(scanning.configuration.retry.maxAttempts, minimumAttempts)
        return scanning
    }
}

/// What one scan is asked to cover.
public struct ScanRequest: Sendable, Hashable {
    /// Account ID.
    public var accountID: String
    /// The regions to scan; empty means every region enabled in the account (`DescribeRegions`).
    public var regions: [String]
    /// Service names to scan (`ec2`, `rds`, ...); nil means every collector.
    public var services: Set<String>?

    public init(accountID: String, regions: [String] = [], services: Set<String>? = nil) {
        self.accountID = accountID
        self.regions = regions
        self.services = services
    }
}

/// A progress event, for a progress bar in the UI and on the terminal.
public struct ScanProgress: Sendable, Hashable {
    public enum Event: Sendable, Hashable {
        /// The scan planned `total` collector runs.
        case started
        /// One collector finished in one account and region.
        case collected(accountID: String, region: String, service: String, resources: Int, diagnostics: Int)
        /// Everything is done (or the scan was cancelled).
        case finished
    }

    /// Event.
    public var event: Event
    /// Collector runs done so far.
    public var completed: Int
    /// Collector runs planned.
    public var total: Int
    /// Resources found so far.
    public var resourcesFound: Int

    public init(event: Event, completed: Int, total: Int, resourcesFound: Int) {
        self.event = event
        self.completed = completed
        self.total = total
        self.resourcesFound = resourcesFound
    }

    /// Runs still to do.
    public var remaining: Int { total - completed }

    /// A stream and its continuation, to turn the progress callback into an `AsyncStream` for a UI.
    public static func makeStream() -> (
        stream: AsyncStream<ScanProgress>, continuation: AsyncStream<ScanProgress>.Continuation
    ) {
        AsyncStream.makeStream(of: ScanProgress.self, bufferingPolicy: .bufferingNewest(1024))
    }
}

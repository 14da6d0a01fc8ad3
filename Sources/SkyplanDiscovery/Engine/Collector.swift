import SkyplanModel

/// Where a collector runs: once per region, or once per account (global services).
public enum CollectorScope: String, Sendable, Hashable {
    /// Run in every scanned region (EC2, RDS, Lambda, ...).
    case regional
    /// Run once per account, in the partition's default region (CloudFront, Route 53, S3 listing).
    case global
}

/// What one collector is asked to look at: an account and a region.
public struct CollectorContext: Sendable {
    /// Account ID.
    public var accountID: String
    /// The region to call. For a `.global` collector, the partition's default region.
    public var region: String
    /// Partition.
    public var partition: Partition
    /// Every region the scan covers (a global collector keeps only what lives in them, e.g. S3 buckets).
    public var scanRegions: [String]
    /// The scan's pacer for this account (its client's `RequestGate` already paces every call); nil: no pacing.
    public var pacer: RequestPacer?

    public init(
        accountID: String, region: String, partition: Partition? = nil, scanRegions: [String]? = nil,
        pacer: RequestPacer? = nil
    ) {
        self.pacer = pacer
        self.accountID = accountID
        self.region = region
        self.partition = partition ?? Partition.of(region: region)
        self.scanRegions = scanRegions ?? [region]
    }

    /// Builds the ARN of a resource AWS gives no ARN for (a subnet, a route table): the documented shape
    /// `arn:<partition>:<service>:<region>:<account>:<type>/<id>`.
    public func arn(_ service: String, _ type: String, _ id: String, region: String? = nil) -> String {
        "arn:\(partition.rawValue):\(service):\(region ?? self.region):\(accountID):\(type)/\(id)"
    }
}

/// What a collector found: resources, relationships (with their evidence), and what it could not see.
public struct CollectorOutput: Sendable, Hashable {
    /// Resources.
    public var resources: [Resource]
    /// Relationships.
    public var relationships: [Relationship]
    /// Diagnostics.
    public var diagnostics: [Diagnostic]

    public init(resources: [Resource] = [], relationships: [Relationship] = [], diagnostics: [Diagnostic] = []) {
        self.resources = resources
        self.relationships = relationships
        self.diagnostics = diagnostics
    }

    /// Appends another output to this one.
    public mutating func merge(_ other: CollectorOutput) {
        resources += other.resources
        relationships += other.relationships
        diagnostics += other.diagnostics
    }

    /// Adds a relationship with its evidence.
    public mutating func relate(
        _ from: String, _ to: String, _ kind: Relationship.Kind, _ evidence: String
    ) {
        relationships.append(Relationship(from: from, to: to, kind: kind, evidence: evidence))
    }
}

/// Discovers the resources of one service (or one family of services) in one account and region.
///
/// A collector should record a failing *operation* as a diagnostic and carry on with the others
/// (see `CollectorRecorder`); the engine turns anything it still throws into a diagnostic for the
/// whole collector, so one failing collector never fails the scan.
public protocol Collector: Sendable {
    /// A short service name used in `services` filters, progress and diagnostics (`ec2`, `rds`, `s3`).
    var service: String { get }
    var scope: CollectorScope { get }
    /// It makes calls per item after its list (one `DescribeTable` per table): the engine starts these first in
    /// every region, so that their paced calls overlap the other collectors' lists instead of following them.
    var fansOut: Bool { get }
    /// Collects everything this collector knows about in `context`.
    func collect(_ context: CollectorContext) async throws -> CollectorOutput
}

extension Collector {
    /// Most services are regional; global ones (CloudFront, Route 53, S3 listing) say so.
    public var scope: CollectorScope { .regional }
    /// Most collectors make a few list calls only.
    public var fansOut: Bool { false }
}

import Foundation

/// What a scan found: resources, how they relate, and what it could not see. Held in memory only.
public struct Inventory: Hashable, Sendable, Codable {
    public var resources: [Resource]
    public var relationships: [Relationship]
    public var diagnostics: [Diagnostic]
    public var accountIDs: [String]
    public var regions: [String]
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        resources: [Resource] = [], relationships: [Relationship] = [], diagnostics: [Diagnostic] = [],
        accountIDs: [String] = [], regions: [String] = [], startedAt: Date? = nil, finishedAt: Date? = nil
    ) {
        self.resources = resources
        self.relationships = relationships
        self.diagnostics = diagnostics
        self.accountIDs = accountIDs
        self.regions = regions
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// The same inventory in a canonical order (resources by ARN, relationships by endpoints),
    /// duplicates removed, so every later stage is deterministic whatever order the APIs answered in.
    public func normalized() -> Inventory {
        var copy = self
        copy.normalize()
        return copy
    }

    /// Normalises in place (see `normalized()`): one buffer per array, sorted, equal neighbours dropped (the first
    /// resource of an ARN kept).
    public mutating func normalize() {
        resources.sort { $0.arn < $1.arn }
        resources.removeAdjacentDuplicates { $0.arn == $1.arn }
        relationships.sort {
            ($0.from, $0.to, $0.kind.rawValue, $0.evidence) < ($1.from, $1.to, $1.kind.rawValue, $1.evidence)
        }
        relationships.removeAdjacentDuplicates(by: ==)
        diagnostics = Array(Set(diagnostics)).sorted { $0.description < $1.description }
        accountIDs = Array(Set(accountIDs)).sorted()
        regions = Array(Set(regions)).sorted()
    }

    /// Resources by ARN.
    public func index() -> [String: Resource] {
        Dictionary(resources.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

import Foundation

/// One account's actual cost for one month, from Cost Explorer (`ce:GetCostAndUsage`), in USD: per service and
/// region, and per `Name` tag value when the account has that cost allocation tag activated. Live data: the
/// server keeps it in memory only, briefly (DESIGN.md §2).
public struct ActualCosts: Hashable, Sendable, Codable {
    /// The AWS account id.
    public var accountID: String
    public var month: CostMonth
    /// Always `USD` (Cost Explorer's unit for the unblended cost).
    public var currency: String
    /// True when AWS says the month's figures may still change.
    public var estimated: Bool
    /// Sum of `services`.
    public var total: Double
    /// Per Cost Explorer service name and region (`global` for global services), sorted.
    public var services: [ServiceCost]
    /// Per `Name` tag value (`""` for untagged cost); nil when the tag is not activated for cost allocation.
    public var names: [NamedCost]?

    /// A service's cost in one region.
    public struct ServiceCost: Hashable, Sendable, Codable {
        public var service: String
        public var region: String
        public var amount: Double

        public init(service: String, region: String, amount: Double) {
            self.service = service
            self.region = region
            self.amount = amount
        }
    }

    /// The cost of resources tagged `Name` = `name`.
    public struct NamedCost: Hashable, Sendable, Codable {
        public var name: String
        public var amount: Double

        public init(name: String, amount: Double) {
            self.name = name
            self.amount = amount
        }
    }

    /// Builds the month's figures from Cost Explorer groups: `serviceRegion` keyed `[service, region]`,
    /// `nameTag` keyed `["Name$value"]`. A `Name` grouping whose only key is `Name$` (everything untagged) means
    /// the tag is not activated, so `names` is nil.
    public init(
        accountID: String, month: CostMonth, serviceRegion: [(keys: [String], amount: Double)],
        nameTag: [(keys: [String], amount: Double)]?, estimated: Bool
    ) {
        self.accountID = accountID
        self.month = month
        currency = "USD"
        self.estimated = estimated
        var byKey: [ServiceKey: Double] = [:]
        for group in serviceRegion {
            let service = group.keys.first ?? ""
            let region = group.keys.count > 1 ? group.keys[1] : ""
            byKey[ServiceKey(service: service, region: region.isEmpty ? "global" : region), default: 0] +=
                group.amount
        }
        services = byKey.map { ServiceCost(service: $0.key.service, region: $0.key.region, amount: $0.value) }
            .sorted { ($0.service, $0.region) < ($1.service, $1.region) }
        total = services.reduce(0) { $0 + $1.amount }
        var byName: [String: Double] = [:]
        for group in nameTag ?? [] {
            let key = group.keys.first ?? ""
            let name = key.hasPrefix("Name$") ? String(key.dropFirst(5)) : key
            byName[name, default: 0] += group.amount
        }
        let tagged = byName.keys.contains { !$0.isEmpty }
        names =
            tagged
            ? byName.map { NamedCost(name: $0.key, amount: $0.value) }.sorted { $0.name < $1.name } : nil
    }

    private struct ServiceKey: Hashable {
        var service: String
        var region: String
    }
}

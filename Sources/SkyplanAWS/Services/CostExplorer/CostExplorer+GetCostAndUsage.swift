import Foundation
import SkyplanModel

/// What `GetCostAndUsage` groups by: a dimension (`SERVICE`, `REGION`) or a cost allocation tag key (`Name`).
public enum CostGrouping: Sendable, Hashable {
    case dimension(String)
    case tag(String)

    var json: JSONValue {
        switch self {
        case .dimension(let key): .object(["Type": "DIMENSION", "Key": .string(key)])
        case .tag(let key): .object(["Type": "TAG", "Key": .string(key)])
        }
    }
}

/// One group of a `GetCostAndUsage` answer: its keys (one per grouping, tags as `Name$value`) and its amount.
public struct CostAndUsageGroup: Sendable, Hashable {
    /// The group's keys, in the order of the request's groupings.
    public var keys: [String]
    /// The metric's amount.
    public var amount: Double
    /// The metric's unit (`USD`).
    public var unit: String
    /// True when AWS says the period's figures may still change.
    public var estimated: Bool

    /// Creates a group.
    public init(keys: [String], amount: Double, unit: String, estimated: Bool = false) {
        self.keys = keys
        self.amount = amount
        self.unit = unit
        self.estimated = estimated
    }
}

extension AWSClient {
    /// Cost Explorer `GetCostAndUsage` for `[start, end)` (`yyyy-MM-dd`), monthly, one metric (`UnblendedCost`),
    /// grouped by at most two `groupBy`, page by page (`NextPageToken`). Read-only; billed by AWS per request.
    /// See https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html
    public func getCostAndUsagePages(
        start: String, end: String, groupBy: [CostGrouping], metric: String = "UnblendedCost"
    ) -> Paginated<[CostAndUsageGroup]> {
        let client = self
        return Paginated { token in
            var body: [String: JSONValue] = [
                "TimePeriod": .object(["Start": .string(start), "End": .string(end)]), "Granularity": "MONTHLY",
                "Metrics": .array([.string(metric)]), "GroupBy": .array(groupBy.map(\.json)),
            ]
            if let token { body["NextPageToken"] = .string(token) }
            let answer = try await client.json(AWSOperation.CostExplorer.getCostAndUsage, .object(body))
            var groups: [CostAndUsageGroup] = []
            for period in answer["ResultsByTime"]?.arrayValue ?? [] {
                let estimated = period["Estimated"]?.boolValue ?? false
                for group in period["Groups"]?.arrayValue ?? [] {
                    guard let value = group["Metrics"]?[metric] else { continue }
                    groups.append(
                        CostAndUsageGroup(
                            keys: group["Keys"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                            amount: value["Amount"]?.stringValue.flatMap(Double.init) ?? value["Amount"]?.doubleValue
                                ?? 0,
                            unit: value["Unit"]?.stringValue ?? "USD", estimated: estimated))
                }
            }
            let next = answer["NextPageToken"]?.stringValue
            return (groups, next?.isEmpty == false ? next : nil)
        }
    }

    /// Cost Explorer `GetCostAndUsage`, every page.
    public func getCostAndUsage(start: String, end: String, groupBy: [CostGrouping], metric: String = "UnblendedCost")
        async throws -> [CostAndUsageGroup]
    {
        try await getCostAndUsagePages(start: start, end: end, groupBy: groupBy, metric: metric).all()
    }
}

import Foundation

/// One metric to fetch with `GetMetricData`.
public struct MetricQuery: Sendable, Hashable {
    /// Query id: lower-case letter first (`cpu0`).
    public var id: String
    public var namespace: String
    public var metricName: String
    public var dimensions: [String: String]
    /// Seconds (60, 300, ...).
    public var period: Int
    /// `Average`, `Sum`, `Maximum`, ...
    public var stat: String

    /// Creates a query.
    public init(
        id: String, namespace: String, metricName: String, dimensions: [String: String], period: Int = 300,
        stat: String = "Average"
    ) {
        self.id = id
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.period = period
        self.stat = stat
    }
}

/// The datapoints of one query.
public struct MetricResult: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Newest first, as CloudWatch returns them (ISO 8601 timestamps).
    public var timestamps: [String]
    public var values: [Double]
    public var statusCode: String
}

/// A CloudWatch alarm.
public struct MetricAlarm: Sendable, Hashable {
    public var name: String
    public var arn: String
    /// `OK`, `ALARM`, `INSUFFICIENT_DATA`.
    public var state: String
    public var namespace: String?
    public var metricName: String?
    public var dimensions: [String: String]
}

extension AWSClient {
    /// `GetMetricData` for `queries` between `start` and `end`, all pages merged per query id.
    /// See https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
    public func getMetricData(_ queries: [MetricQuery], start: Date, end: Date, region: String? = nil) async throws
        -> [MetricResult]
    {
        let formatter = ISO8601DateFormatter()
        var base = ["StartTime": formatter.string(from: start), "EndTime": formatter.string(from: end)]
        for (index, query) in queries.enumerated() {
            let prefix = "MetricDataQueries.member.\(index + 1)"
            base["\(prefix).Id"] = query.id
            base["\(prefix).MetricStat.Metric.Namespace"] = query.namespace
            base["\(prefix).MetricStat.Metric.MetricName"] = query.metricName
            for (dimensionIndex, name) in query.dimensions.keys.sorted().enumerated() {
                let dimension = "\(prefix).MetricStat.Metric.Dimensions.member.\(dimensionIndex + 1)"
                base["\(dimension).Name"] = name
                base["\(dimension).Value"] = query.dimensions[name]
            }
            base["\(prefix).MetricStat.Period"] = String(query.period)
            base["\(prefix).MetricStat.Stat"] = query.stat
        }
        let client = self
        let fixed = base
        let pages = Paginated<[MetricResult]> { token in
            var parameters = fixed
            if let token { parameters["NextToken"] = token }
            let result = try await client.query(AWSOperation.CloudWatch.getMetricData, parameters, region: region)
            let items = result.list("MetricDataResults").map { item in
                MetricResult(
                    id: item.string("Id") ?? "", label: item.string("Label") ?? "",
                    timestamps: item.list("Timestamps").map(\.text),
                    values: item.list("Values").compactMap { Double($0.text) },
                    statusCode: item.string("StatusCode") ?? "")
            }
            return (items, result.string("NextToken"))
        }
        var merged: [String: MetricResult] = [:]
        var order: [String] = []
        for try await page in pages {
            for item in page {
                if var existing = merged[item.id] {
                    existing.timestamps += item.timestamps
                    existing.values += item.values
                    merged[item.id] = existing
                } else {
                    merged[item.id] = item
                    order.append(item.id)
                }
            }
        }
        return order.compactMap { merged[$0] }
    }

    /// `DescribeAlarms` (metric alarms), all items.
    public func describeAlarms(region: String? = nil) async throws -> [MetricAlarm] {
        let client = self
        return try await Paginated<[MetricAlarm]> { token in
            var parameters = ["MaxRecords": "100"]
            if let token { parameters["NextToken"] = token }
            let result = try await client.query(AWSOperation.CloudWatch.describeAlarms, parameters, region: region)
            let alarms = result.list("MetricAlarms").compactMap { item -> MetricAlarm? in
                guard let name = item.string("AlarmName") else { return nil }
                var dimensions: [String: String] = [:]
                for dimension in item.list("Dimensions") {
                    if let key = dimension.string("Name") { dimensions[key] = dimension.string("Value") ?? "" }
                }
                return MetricAlarm(
                    name: name, arn: item.string("AlarmArn") ?? "", state: item.string("StateValue") ?? "",
                    namespace: item.string("Namespace"), metricName: item.string("MetricName"), dimensions: dimensions)
            }
            return (alarms, result.string("NextToken"))
        }.all()
    }
}

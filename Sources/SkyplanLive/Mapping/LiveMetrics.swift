import Foundation
import SkyplanAWS

/// The CloudWatch metrics shown per family, as `GetMetricData` queries, and how their datapoints become values.
///
/// One window (the last hour, 5-minute periods) for every query so that up to 500 queries share one call.
/// See https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
public enum LiveMetrics {
    /// How the datapoints of a window become one value.
    public enum Aggregate: Sendable, Hashable {
        /// The newest datapoint (CPU now).
        case latest
        /// The sum over the window (invocations in the last hour).
        case sum
    }

    /// One metric of one target.
    public struct Query: Sendable, Hashable {
        /// The ARN the value belongs to.
        public var arn: String
        /// The value's name in `LiveStatus.values`.
        public var key: String
        /// CloudWatch namespace (`AWS/EC2`).
        public var namespace: String
        /// Metric name (`CPUUtilization`).
        public var metric: String
        /// Dimensions naming the resource.
        public var dimensions: [String: String]
        /// `Average`, `Sum`, `Maximum`.
        public var stat: String
        public var aggregate: Aggregate
    }

    /// Maximum queries per `GetMetricData` call.
    public static let batchSize = 500
    /// Period of every query, seconds.
    public static let period = 300
    /// Window of every query, seconds.
    public static let window: TimeInterval = 3600

    /// The queries for `target` (none for families without metrics).
    public static func queries(for target: LiveTarget) -> [Query] {
        func query(
            _ key: String, _ namespace: String, _ metric: String, _ dimensions: [String: String],
            _ stat: String = "Average", _ aggregate: Aggregate = .latest
        ) -> Query {
            Query(
                arn: target.arn, key: key, namespace: namespace, metric: metric, dimensions: dimensions,
                stat: stat, aggregate: aggregate)
        }
        switch target.family {
        case .ec2:
            return [query("cpu", "AWS/EC2", "CPUUtilization", ["InstanceId": target.id])]
        case .rdsInstance:
            let dimensions = ["DBInstanceIdentifier": target.id]
            return [
                query("cpu", "AWS/RDS", "CPUUtilization", dimensions),
                query("connections", "AWS/RDS", "DatabaseConnections", dimensions),
            ]
        case .rdsCluster:
            let dimensions = ["DBClusterIdentifier": target.id]
            return [
                query("cpu", "AWS/RDS", "CPUUtilization", dimensions),
                query("connections", "AWS/RDS", "DatabaseConnections", dimensions),
            ]
        case .lambda:
            let dimensions = ["FunctionName": target.id]
            return ["Invocations", "Errors", "Throttles"].map {
                query($0.lowercased() + "LastHour", "AWS/Lambda", $0, dimensions, "Sum", .sum)
            }
        case .dynamoDB:
            let dimensions = ["TableName": target.id]
            return [
                query("readThrottlesLastHour", "AWS/DynamoDB", "ReadThrottleEvents", dimensions, "Sum", .sum),
                query("writeThrottlesLastHour", "AWS/DynamoDB", "WriteThrottleEvents", dimensions, "Sum", .sum),
            ]
        case .sqs:
            return [
                query(
                    "oldestMessageAge", "AWS/SQS", "ApproximateAgeOfOldestMessage",
                    ["QueueName": target.id], "Maximum")
            ]
        default:
            return []
        }
    }

    /// The `GetMetricData` parameters of one batch (query ids `m<index>`), window ending at `end`.
    public static func parameters(_ batch: [Query], end: Date) -> [String: String] {
        let formatter = ISO8601DateFormatter()
        var parameters = [
            "StartTime": formatter.string(from: end.addingTimeInterval(-window)),
            "EndTime": formatter.string(from: end), "ScanBy": "TimestampDescending",
        ]
        for (index, query) in batch.enumerated() {
            let prefix = "MetricDataQueries.member.\(index + 1)"
            parameters["\(prefix).Id"] = "m\(index)"
            parameters["\(prefix).MetricStat.Metric.Namespace"] = query.namespace
            parameters["\(prefix).MetricStat.Metric.MetricName"] = query.metric
            for (number, name) in query.dimensions.keys.sorted().enumerated() {
                let dimension = "\(prefix).MetricStat.Metric.Dimensions.member.\(number + 1)"
                parameters["\(dimension).Name"] = name
                parameters["\(dimension).Value"] = query.dimensions[name]
            }
            parameters["\(prefix).MetricStat.Period"] = String(period)
            parameters["\(prefix).MetricStat.Stat"] = query.stat
        }
        return parameters
    }

    /// Datapoints per query id (`m3` → values, newest first) of one `GetMetricData` result page.
    /// Sorted by timestamp here, whatever order the service used.
    public static func datapoints(_ result: XMLTree) -> [String: [Double]] {
        var values: [String: [(String, Double)]] = [:]
        for item in result.list("MetricDataResults") {
            guard let id = item.string("Id") else { continue }
            let stamps = item.list("Timestamps").map(\.text)
            for (index, value) in item.list("Values").enumerated() {
                guard let number = Double(value.text) else { continue }
                values[id, default: []].append((index < stamps.count ? stamps[index] : "", number))
            }
        }
        return values.mapValues { points in points.sorted { $0.0 > $1.0 }.map(\.1) }
    }

    /// The display value of `query` from its datapoints (nil when there are none and it is not a sum).
    public static func value(_ query: Query, _ points: [Double]) -> String? {
        switch query.aggregate {
        case .latest:
            guard let first = points.first else { return nil }
            return format(first)
        case .sum:
            return format(points.reduce(0, +))
        }
    }

    /// Numbers as the panel shows them: integers plainly, others with one decimal.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.1f", value)
    }

    /// Health implied by metric values: CPU at or above 90 %, Lambda errors/throttles, DynamoDB throttles.
    public static func health(_ values: [String: String]) -> LiveHealth {
        var health = LiveHealth.unknown
        if let cpu = values["cpu"].flatMap(Double.init), cpu >= 90 { health = .warning }
        for key in ["errorsLastHour", "throttlesLastHour", "readThrottlesLastHour", "writeThrottlesLastHour"] {
            if let count = values[key].flatMap(Double.init), count > 0 { health = .warning }
        }
        return health
    }
}

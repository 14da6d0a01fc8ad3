import Foundation
import SkyplanAWS
import SkyplanModel

/// Reads the live state of a set of ARNs in one account. The hub calls it once per refresh, whatever
/// the number of viewers; tests and benchmarks pass a fake.
public protocol LiveFetching: Sendable {
    /// One refresh of `arns`. Never throws: failures are data (`LiveSnapshot.failures`).
    func fetch(_ arns: [String]) async -> LiveSnapshot
}

/// The production fetcher: batched read-only calls per family through an `AWSClient` acting as the
/// account's role, then CloudWatch alarms and metrics for everything that answered.
public struct AWSLiveFetcher: LiveFetching {
    /// The client (assumed-role credentials; renewed transparently by its credential provider).
    public var client: AWSClient
    /// The clock ending the metrics window.
    public var now: @Sendable () -> Date
    /// Concurrent per-resource calls (Lambda, DynamoDB, SQS, EKS, target health).
    public var concurrency: Int

    /// Creates a fetcher.
    public init(client: AWSClient, concurrency: Int = 8, now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.concurrency = max(1, concurrency)
        self.now = now
    }

    /// One refresh: families in parallel, then alarms and metrics.
    public func fetch(_ arns: [String]) async -> LiveSnapshot {
        let counter = CallCounter()
        let calls = LiveCalls(client: client, counter: counter)
        var snapshot = LiveSnapshot()
        var targets: [LiveTarget] = []
        for arn in Set(arns).sorted() {
            if let target = LiveTarget(arn: arn) {
                targets.append(target)
            } else {
                snapshot.statuses[arn] = .unknown("no live status for this kind of resource")
            }
        }
        let groups = Dictionary(grouping: targets) { GroupKey(family: $0.family, region: $0.parsed.region) }
        let limit = concurrency
        let outcomes = await withTaskGroup(of: GroupOutcome.self) { group in
            for (key, members) in groups {
                group.addTask {
                    // The outcome is awaited into a local before it is paired with its key: see `capture`.
                    let region = key.region.isEmpty ? nil : key.region
                    let result = await capture { try await Self.fetch(key.family, members, calls, region, limit) }
                    return GroupOutcome(key: key, result: result)
                }
            }
            var all: [GroupOutcome] = []
            for await outcome in group { all.append(outcome) }
            return all.sorted { ($0.key.family, $0.key.region) < ($1.key.family, $1.key.region) }
        }
        for outcome in outcomes {
            switch outcome.result {
            case .success(let statuses): snapshot.statuses.merge(statuses) { $1 }
            case .failure(let error):
                snapshot.failures.append(Self.failure(outcome.key.family.rawValue, error))
                snapshot.staleARNs.formUnion(groups[outcome.key]?.map(\.arn) ?? [])
            }
        }
        let answered = targets.filter { snapshot.statuses[$0.arn] != nil }
        await addCloudWatch(answered, calls, into: &snapshot)
        snapshot.calls = counter.value
        return snapshot
    }

    struct GroupKey: Hashable, Sendable {
        var family: LiveFamily
        var region: String
    }

    /// What one family × region of a refresh answered.
    struct GroupOutcome: Sendable {
        var key: GroupKey
        var result: Result<[String: LiveStatus], any Error>
    }

    /// A failure as the feed reports it.
    static func failure(_ family: String, _ error: any Error) -> LiveFailure {
        if let error = error as? AWSError {
            let message =
                error.isAccessDenied
                ? "the role may not call \(error.service):\(error.operation) (\(error.code)); values are stale"
                : error.isThrottling
                    ? "AWS is throttling \(error.service):\(error.operation); values are stale"
                    : "\(error.service):\(error.operation) failed: \(error.code); values are stale"
            return LiveFailure(family: family, code: error.code, message: message, throttled: error.isThrottling)
        }
        return LiveFailure(family: family, code: "Error", message: "\(error)", throttled: false)
    }

    /// Alarms (one paged `DescribeAlarms` per region) and metrics (`GetMetricData`, ≤ 500 queries a call).
    func addCloudWatch(_ targets: [LiveTarget], _ calls: LiveCalls, into snapshot: inout LiveSnapshot) async {
        let byRegion = Dictionary(grouping: targets) { $0.parsed.region }
        for region in byRegion.keys.sorted() {
            let members = byRegion[region] ?? []
            let awsRegion: String? = region.isEmpty ? "us-east-1" : region
            do {
                let items = try await calls.queryPages(
                    AWSOperation.CloudWatch.describeAlarms, ["MaxRecords": "100"], region: awsRegion,
                    list: "MetricAlarms")
                let matched = LiveAlarms.match(items.compactMap(LiveAlarms.Alarm.init), to: members)
                for (arn, alarms) in matched {
                    if var status = snapshot.statuses[arn] {
                        LiveAlarms.apply(alarms, to: &status)
                        snapshot.statuses[arn] = status
                    }
                }
            } catch {
                snapshot.failures.append(Self.failure("alarms", error))
            }
            let queries = members.flatMap(LiveMetrics.queries(for:))
            for batch in queries.batches(of: LiveMetrics.batchSize) {
                do {
                    let points = try await metricPoints(batch, calls, region: awsRegion)
                    for (index, query) in batch.enumerated() {
                        guard var status = snapshot.statuses[query.arn],
                            let value = LiveMetrics.value(query, points["m\(index)"] ?? [])
                        else { continue }
                        status.values[query.key] = value
                        if status.health == .ok {
                            status.health = status.health.worst(LiveMetrics.health(status.values))
                        }
                        snapshot.statuses[query.arn] = status
                    }
                } catch {
                    snapshot.failures.append(Self.failure("metrics", error))
                }
            }
        }
    }

    private func metricPoints(_ batch: [LiveMetrics.Query], _ calls: LiveCalls, region: String?) async throws
        -> [String: [Double]]
    {
        let parameters = LiveMetrics.parameters(batch, end: now())
        var points: [String: [Double]] = [:]
        var token: String?
        repeat {
            var page = parameters
            if let token { page["NextToken"] = token }
            let result = try await calls.query(AWSOperation.CloudWatch.getMetricData, page, region: region)
            points.merge(LiveMetrics.datapoints(result)) { $0 + $1 }
            token = result.string("NextToken").flatMap { $0.isEmpty || $0 == token ? nil : $0 }
        } while token != nil
        return points
    }
}

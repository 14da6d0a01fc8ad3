import Foundation
import SkyplanAWS
import SkyplanLive
import Synchronization

/// Live feed figures: one account-region with `--components` live components (default 2,000) watched by
/// `--viewers` viewers (default 50), against a fake AWS transport answering every call after `--latency-ms`.
/// Prints AWS calls per refresh for 1 viewer and for N viewers, peak memory, and event latency (fetch done →
/// event received by each viewer).
enum LiveBenchmark {
    static func run(_ args: [String]) async throws {
        var options: [String: String] = [:]
        var index = 0
        while index + 1 < args.count {
            options[args[index].trimmingCharacters(in: CharacterSet(charactersIn: "-"))] = args[index + 1]
            index += 2
        }
        let components = options["components"].flatMap(Int.init) ?? 2000
        let viewers = options["viewers"].flatMap(Int.init) ?? 50
        let refreshes = options["refreshes"].flatMap(Int.init) ?? 5
        let latency = options["latency-ms"].flatMap(Int.init) ?? 10
        let arns = LiveBenchmarkAWS.arns(components)
        print("live: \(arns.count) components, refresh every 1 s, fake AWS answering in \(latency) ms")
        let rssBefore = residentMB("VmRSS")
        for count in Array(Set([1, viewers])).sorted() {
            let figures = try await session(arns: arns, viewers: count, refreshes: refreshes, latency: latency)
            print(figures)
        }
        print(
            String(format: "memory: RSS %.1f MB before, peak %.1f MB (whole process)", rssBefore, residentMB("VmHWM")))
    }

    /// One hub, `viewers` viewers of the same feed, `refreshes` refreshes in which 5 % of the instances change.
    static func session(arns: [String], viewers: Int, refreshes: Int, latency: Int) async throws -> String {
        let aws = LiveBenchmarkAWS(latency: .milliseconds(latency))
        let transport = FakeHTTPTransport { request, _ in try await aws.answer(request) }
        let retry = RetryConfiguration(maxAttempts: 1)
        let client = AWSClient(
            transport: transport, credentials: StaticCredentialProvider(accessKeyID: "AKID", secretAccessKey: "secret"),
            configuration: AWSConfiguration(
                region: "eu-west-1", endpointURL: URL(string: "http://127.0.0.1:1"), retry: retry))
        let fetcher = TimedFetcher(inner: AWSLiveFetcher(client: client, concurrency: 16))
        let hub = LiveHub(configuration: LiveHubConfiguration(interval: .seconds(1), history: 64, viewerBuffer: 256))
        let key = LiveFeedKey(account: "111122223333", region: "eu-west-1")
        let latencies = LatencyLog()
        let clock = ContinuousClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await hub.run() }
            var subscriptions: [LiveHub.Subscription] = []
            for _ in 0..<viewers { subscriptions.append(await hub.subscribe(key, arns: arns) { fetcher }) }
            try await withThrowingTaskGroup(of: Void.self) { readers in
                for subscription in subscriptions {
                    readers.addTask {
                        var changes = 0
                        for await event in subscription.events where event.kind == .change || event.kind == .state {
                            if let done = fetcher.lastDone { latencies.add(clock.now - done) }
                            if event.kind == .change { changes += 1 }
                            if changes >= refreshes - 1 { break }
                        }
                    }
                }
                while fetcher.count < refreshes {
                    aws.generation.withLock { $0 = fetcher.count }
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await readers.waitForAll()
            }
            for subscription in subscriptions { await hub.unsubscribe(subscription) }
            group.cancelAll()
        }
        let calls = transport.requests.count
        let sorted = latencies.all.sorted()
        func percentile(_ p: Double) -> String {
            guard !sorted.isEmpty else { return "-" }
            let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            return String(
                format: "%.2f ms", Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000
            )
        }
        return "viewers \(viewers): \(fetcher.count) refreshes, \(calls) AWS calls, "
            + String(format: "%.1f", Double(calls) / Double(max(1, fetcher.count))) + " calls per refresh; "
            + "event latency p50 \(percentile(0.5)), p99 \(percentile(0.99)), max \(percentile(1.0)) over \(sorted.count) events"
    }

    /// `VmRSS` or `VmHWM` of this process, MB (Linux).
    static func residentMB(_ field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let number = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return number / 1024
        }
        return 0
    }
}

/// Event latencies, appended by every viewer's task.
final class LatencyLog: Sendable {
    private let values = Mutex<[Duration]>([])
    func add(_ value: Duration) { values.withLock { $0.append(value) } }
    var all: [Duration] { values.withLock { $0 } }
}

/// Counts refreshes and remembers when the last one finished (the start of event latency).
final class TimedFetcher: LiveFetching {
    let inner: AWSLiveFetcher
    private let state = Mutex<(count: Int, done: ContinuousClock.Instant?)>((0, nil))

    init(inner: AWSLiveFetcher) { self.inner = inner }

    var count: Int { state.withLock { $0.count } }
    var lastDone: ContinuousClock.Instant? { state.withLock { $0.done } }

    func fetch(_ arns: [String]) async -> LiveSnapshot {
        let snapshot = await inner.fetch(arns)
        state.withLock { $0 = ($0.count + 1, ContinuousClock.now) }
        return snapshot
    }
}

/// A fake AWS for the live benchmark: answers every live-status call for synthetic resources, after a delay.
/// 5 % of the instances change state whenever `generation` changes.
final class LiveBenchmarkAWS: Sendable {
    static let account = "111122223333"
    static let prefix = "arn:aws:ec2:eu-west-1:111122223333:"
    let latency: Duration
    let generation = Mutex(0)
    private let rdsCount = Mutex(0)

    init(latency: Duration) { self.latency = latency }

    /// `count` ARNs in a realistic mix of families.
    static func arns(_ count: Int) -> [String] {
        let region = "eu-west-1:\(account)"
        let mix: [(Double, (Int) -> String)] = [
            (0.50, { "arn:aws:ec2:\(region):instance/i-\(String(format: "%08d", $0))" }),
            (0.10, { "arn:aws:ec2:\(region):volume/vol-\($0)" }),
            (0.05, { "arn:aws:ec2:\(region):natgateway/nat-\($0)" }),
            (0.025, { "arn:aws:autoscaling:\(region):autoScalingGroup:u:autoScalingGroupName/asg-\($0)" }),
            (0.0125, { "arn:aws:elasticloadbalancing:\(region):loadbalancer/app/lb-\($0)/\($0)" }),
            (0.0125, { "arn:aws:elasticloadbalancing:\(region):targetgroup/tg-\($0)/\($0)" }),
            (0.05, { "arn:aws:rds:\(region):db:db-\($0)" }),
            (0.05, { "arn:aws:lambda:\(region):function:fn-\($0)" }),
            (0.05, { "arn:aws:dynamodb:\(region):table/table-\($0)" }),
            (0.05, { "arn:aws:sqs:\(region):queue-\($0)" }),
            (0.05, { "arn:aws:ecs:\(region):service/prod/svc-\($0)" }),
        ]
        var arns: [String] = []
        for (share, make) in mix { arns += (0..<Int(Double(count) * share)).map(make) }
        var index = 0
        while arns.count < count {
            arns.append(mix[0].1(1_000_000 + index))
            index += 1
        }
        return arns
    }

    func answer(_ request: HTTPRequest) async throws -> FakeHTTPTransport.Answer {
        try await Task.sleep(for: latency)
        if let target = request.headers["x-amz-target"] { return json(target, request.body) }
        if request.url.path.contains("/functions/") {
            return ok(#"{"Configuration":{"State":"Active","LastUpdateStatus":"Successful"}}"#)
        }
        var form: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            form[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let values = { (prefix: String) in
            form.keys.filter { $0.hasPrefix(prefix) }.sorted().compactMap { form[$0] }
        }
        let turn = generation.withLock { $0 }
        switch form["Action"] ?? "" {
        case "DescribeInstances":
            let items = values("Filter.1.Value.").map { id -> String in
                let number = Int(id.dropFirst(2)) ?? 0
                let state = (number + turn) % 20 == 0 ? "stopped" : "running"
                return "<item><instanceId>\(id)</instanceId><instanceState><name>\(state)</name></instanceState>"
                    + "<privateIpAddress>10.0.0.1</privateIpAddress></item>"
            }
            return ok(
                "<R><reservationSet><item><instancesSet>\(items.joined())</instancesSet></item></reservationSet></R>")
        case "DescribeInstanceStatus":
            let items = values("InstanceId.").map {
                "<item><instanceId>\($0)</instanceId><systemStatus><status>ok</status></systemStatus>"
                    + "<instanceStatus><status>ok</status></instanceStatus></item>"
            }
            return ok("<R><instanceStatusSet>\(items.joined())</instanceStatusSet></R>")
        case "DescribeVolumes":
            return ok(
                "<R><volumeSet>"
                    + values("Filter.1.Value.").map {
                        "<item><volumeId>\($0)</volumeId><status>in-use</status></item>"
                    }.joined() + "</volumeSet></R>")
        case "DescribeNatGateways":
            return ok(
                "<R><natGatewaySet>"
                    + values("Filter.1.Value.").map {
                        "<item><natGatewayId>\($0)</natGatewayId><state>available</state></item>"
                    }.joined() + "</natGatewaySet></R>")
        case "DescribeAutoScalingGroups":
            let member =
                "<member><LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus></member>"
            return query(
                "DescribeAutoScalingGroups",
                "<AutoScalingGroups>"
                    + values("AutoScalingGroupNames.member.").map {
                        "<member><AutoScalingGroupName>\($0)</AutoScalingGroupName><DesiredCapacity>2</DesiredCapacity>"
                            + "<Instances>\(member)\(member)</Instances></member>"
                    }.joined() + "</AutoScalingGroups>")
        case "DescribeLoadBalancers":
            return query(
                "DescribeLoadBalancers",
                "<LoadBalancers>"
                    + values("LoadBalancerArns.member.").map {
                        "<member><LoadBalancerArn>\($0)</LoadBalancerArn><State><Code>active</Code></State></member>"
                    }
                    .joined() + "</LoadBalancers>")
        case "DescribeTargetGroups":
            let groups = Self.arns(2000).filter { $0.contains(":loadbalancer/app/") }.map { lb in
                "<member><TargetGroupArn>\(lb.replacingOccurrences(of: "loadbalancer/app/lb", with: "targetgroup/tg"))"
                    + "</TargetGroupArn><TargetGroupName>tg</TargetGroupName><LoadBalancerArns><member>\(lb)</member>"
                    + "</LoadBalancerArns></member>"
            }
            return query("DescribeTargetGroups", "<TargetGroups>\(groups.joined())</TargetGroups>")
        case "DescribeTargetHealth":
            let healthy = "<member><TargetHealth><State>healthy</State></TargetHealth></member>"
            return query(
                "DescribeTargetHealth", "<TargetHealthDescriptions>\(healthy)\(healthy)</TargetHealthDescriptions>")
        case "DescribeDBInstances":
            let items = (0..<200).map {
                "<DBInstance><DBInstanceIdentifier>db-\($0)</DBInstanceIdentifier><DBInstanceStatus>available"
                    + "</DBInstanceStatus></DBInstance>"
            }
            return query("DescribeDBInstances", "<DBInstances>\(items.joined())</DBInstances>")
        case "GetQueueAttributes":
            return query(
                "GetQueueAttributes", "<Attribute><Name>ApproximateNumberOfMessages</Name><Value>3</Value></Attribute>")
        case "DescribeAlarms":
            return query(
                "DescribeAlarms",
                "<MetricAlarms><member><AlarmName>cpu</AlarmName><StateValue>ALARM</StateValue>"
                    + "<Dimensions><member><Name>InstanceId</Name><Value>i-00000007</Value></member></Dimensions></member></MetricAlarms>"
            )
        case "GetMetricData":
            let ids = form.keys.filter { $0.hasSuffix(".Id") }.compactMap { form[$0] }
            return query(
                "GetMetricData",
                "<MetricDataResults>"
                    + ids.map {
                        "<member><Id>\($0)</Id><Values><member>\(turn)</member></Values></member>"
                    }.joined() + "</MetricDataResults>")
        default:
            return ok("<R/>")
        }
    }

    private func json(_ target: String, _ body: Data) -> FakeHTTPTransport.Answer {
        if target.hasSuffix("DescribeTable") { return ok(#"{"Table":{"TableStatus":"ACTIVE","ItemCount":5}}"#) }
        let request = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let services = (request?["services"] as? [String]) ?? []
        let items = services.map {
            #"{"serviceArn":"\#($0)","status":"ACTIVE","runningCount":2,"desiredCount":2,"pendingCount":0}"#
        }
        return ok(#"{"services":[\#(items.joined(separator: ","))],"failures":[]}"#)
    }

    private func query(_ action: String, _ inner: String) -> FakeHTTPTransport.Answer {
        ok("<\(action)Response><\(action)Result>\(inner)</\(action)Result></\(action)Response>")
    }

    private func ok(_ body: String) -> FakeHTTPTransport.Answer {
        .response(HTTPResponse(status: 200, body: Data(body.utf8)))
    }
}

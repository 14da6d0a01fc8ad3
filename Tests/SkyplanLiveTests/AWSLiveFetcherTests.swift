import Foundation
import SkyplanAWS
import Testing

@testable import SkyplanLive

@Suite struct AWSLiveFetcherTests {
    static let account = "111122223333"

    static func client(_ transport: FakeHTTPTransport) -> AWSClient {
        let retry = RetryConfiguration(maxAttempts: 1, random: { 0.5 }, sleep: { _ in })
        let configuration = AWSConfiguration(
            region: "eu-west-1", endpointURL: URL(string: "http://127.0.0.1:1"), retry: retry)
        return AWSClient(
            transport: transport, credentials: StaticCredentialProvider(accessKeyID: "AKID", secretAccessKey: "secret"),
            configuration: configuration, now: { Date(timeIntervalSince1970: 1_700_000_000) })
    }

    static func action(_ request: HTTPRequest) -> String {
        let body = String(decoding: request.body, as: UTF8.self)
        return body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? ""
    }

    static let answers: [String: String] = [
        "DescribeInstances": """
        <DescribeInstancesResponse><reservationSet><item><instancesSet>
        <item><instanceId>i-1</instanceId><instanceState><name>running</name></instanceState></item>
        <item><instanceId>i-2</instanceId><instanceState><name>stopped</name></instanceState></item>
        <item><instanceId>i-3</instanceId><instanceState><name>running</name></instanceState></item>
        </instancesSet></item></reservationSet></DescribeInstancesResponse>
        """,
        "DescribeInstanceStatus": """
        <DescribeInstanceStatusResponse><instanceStatusSet>
        <item><instanceId>i-1</instanceId><systemStatus><status>ok</status></systemStatus>
        <instanceStatus><status>ok</status></instanceStatus></item>
        <item><instanceId>i-3</instanceId><systemStatus><status>impaired</status></systemStatus>
        <instanceStatus><status>ok</status></instanceStatus></item>
        </instanceStatusSet></DescribeInstanceStatusResponse>
        """,
        "DescribeAlarms":
            "<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>",
        "GetMetricData": """
        <GetMetricDataResponse><GetMetricDataResult><MetricDataResults>
        <member><Id>m0</Id><Values><member>12.5</member><member>3</member></Values></member>
        </MetricDataResults></GetMetricDataResult></GetMetricDataResponse>
        """,
    ]

    @Test func readsManyInstancesInOneCallAndMarksDeniedFamiliesStale() async throws {
        let transport = FakeHTTPTransport { request, _ in
            let action = Self.action(request)
            if action == "DescribeVolumes" {
                let denied =
                    "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message>"
                    + "</Error></Errors><RequestID>r</RequestID></Response>"
                return .response(HTTPResponse(status: 403, body: Data(denied.utf8)))
            }
            return .response(HTTPResponse(status: 200, body: Data((Self.answers[action] ?? "<Empty/>").utf8)))
        }
        let fetcher = AWSLiveFetcher(client: Self.client(transport), concurrency: 2)
        let arn = { (id: String) in "arn:aws:ec2:eu-west-1:\(Self.account):instance/\(id)" }
        let volume = "arn:aws:ec2:eu-west-1:\(Self.account):volume/vol-1"
        let bucket = "arn:aws:s3:::my-bucket"
        let snapshot = await fetcher.fetch([arn("i-1"), arn("i-2"), arn("i-3"), volume, bucket])
        #expect(snapshot.statuses[arn("i-1")]?.health == .ok)
        #expect(snapshot.statuses[arn("i-1")]?.values["cpu"] == "12.5")
        #expect(snapshot.statuses[arn("i-2")]?.health == .stopped)
        #expect(snapshot.statuses[arn("i-3")]?.health == .error)
        #expect(snapshot.statuses[bucket]?.health == .unknown)
        #expect(snapshot.statuses[volume] == nil)
        #expect(snapshot.staleARNs == [volume])
        #expect(snapshot.failures.map(\.code) == ["UnauthorizedOperation"])
        #expect(snapshot.throttled == false)
        let actions = transport.requests.map(Self.action).sorted()
        #expect(
            actions == [
                "DescribeAlarms", "DescribeInstanceStatus", "DescribeInstances", "DescribeVolumes", "GetMetricData",
            ])
        #expect(snapshot.calls == 5)
    }

    @Test func throttlingIsReportedAsThrottled() async throws {
        let transport = FakeHTTPTransport { request, _ in
            let body =
                "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>"
            return .response(HTTPResponse(status: 400, body: Data(body.utf8)))
        }
        let fetcher = AWSLiveFetcher(client: Self.client(transport))
        let asg = "arn:aws:autoscaling:eu-west-1:\(Self.account):autoScalingGroup:u:autoScalingGroupName/web"
        let snapshot = await fetcher.fetch([asg])
        #expect(snapshot.throttled)
        #expect(snapshot.staleARNs == [asg])
    }

    @Test func metricQueriesAreBatchedByFiveHundred() {
        let targets = (0..<1200).compactMap {
            LiveTarget(arn: "arn:aws:ec2:eu-west-1:\(Self.account):instance/i-\($0)")
        }
        let batches = targets.flatMap(LiveMetrics.queries(for:)).batches(of: LiveMetrics.batchSize)
        #expect(batches.map(\.count) == [500, 500, 200])
    }
}

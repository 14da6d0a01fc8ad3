import Testing

@testable import SkyplanDiscovery

@Suite struct RequestPacerTests {
    @Test func aThrottleCutsTheOperationsRateOnceAndForEveryRegion() async {
        let pacer = RequestPacer(rate: 10, burst: 2, perRegion: true)
        await pacer.note("dynamodb:DescribeTable", region: "eu-west-1", throttled: true)
        #expect(await pacer.currentRate("dynamodb:DescribeTable") == 2.5)
        // Throttles of calls already in flight do not cut again.
        await pacer.note("dynamodb:DescribeTable", region: "us-east-1", throttled: true)
        #expect(await pacer.currentRate("dynamodb:DescribeTable") == 2.5)
        #expect(await pacer.currentRate("s3:GetBucketNotificationConfiguration") == 10)
        await pacer.note("dynamodb:DescribeTable", region: "eu-west-1", throttled: false)
        #expect(await pacer.currentRate("dynamodb:DescribeTable") > 2.5)
    }

    @Test func afterTheBurstAndOneProbeCallsWaitForTheProbesAnswers() async {
        let pacer = RequestPacer(rate: 1000, burst: 1)
        #expect(await pacer.reserve("sqs:ListDeadLetterSourceQueues", region: "r") == .zero)
        try? await Task.sleep(for: .milliseconds(5))
        #expect(await pacer.reserve("sqs:ListDeadLetterSourceQueues", region: "r") == .zero)  // the probe
        try? await Task.sleep(for: .milliseconds(5))
        #expect(await pacer.reserve("sqs:ListDeadLetterSourceQueues", region: "r") == .milliseconds(10))
        await pacer.note("sqs:ListDeadLetterSourceQueues", region: "r", throttled: false)
        await pacer.note("sqs:ListDeadLetterSourceQueues", region: "r", throttled: false)
        try? await Task.sleep(for: .milliseconds(5))
        #expect(await pacer.reserve("sqs:ListDeadLetterSourceQueues", region: "r") == .zero)
    }
}

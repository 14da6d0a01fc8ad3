import Synchronization
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
        let time = ManualTime()
        let pacer = RequestPacer(rate: 1000, burst: 1, now: time.now)
        let operation = "sqs:ListDeadLetterSourceQueues"
        #expect(await pacer.reserve(operation, region: "r") == .zero)
        time.advance(.milliseconds(5))
        #expect(await pacer.reserve(operation, region: "r") == .zero)  // the probe
        time.advance(.milliseconds(5))
        #expect(await pacer.reserve(operation, region: "r") == .milliseconds(10))
        await pacer.note(operation, region: "r", throttled: false)
        await pacer.note(operation, region: "r", throttled: false)
        time.advance(.milliseconds(5))
        #expect(await pacer.reserve(operation, region: "r") == .zero)
    }

    @Test func aProbeThatNeverAnswersHoldsTheBucketForThreeSecondsOnly() async {
        let time = ManualTime()
        let pacer = RequestPacer(rate: 1000, burst: 1, now: time.now)
        let operation = "dynamodb:DescribeTable"
        _ = await pacer.reserve(operation, region: "r")
        time.advance(.milliseconds(5))
        _ = await pacer.reserve(operation, region: "r")  // the probe, never answered
        time.advance(.milliseconds(2_900))
        #expect(await pacer.reserve(operation, region: "r") == .milliseconds(10))
        time.advance(.milliseconds(200))
        #expect(await pacer.reserve(operation, region: "r") == .zero)
    }
}

/// A clock the test moves by hand.
private final class ManualTime: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    var now: @Sendable () -> ContinuousClock.Instant { { self.instant.withLock { $0 } } }
    func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
}

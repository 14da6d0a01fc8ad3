import Foundation
import Synchronization
import Testing

@testable import SkyplanAWS

/// Retries, throttling and timeouts, proven with the fake transport (no real sleeping).
@Suite struct RetryTests {
    static let ok = "<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcId></item></vpcSet></DescribeVpcsResponse>"
    static let throttle =
        "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message>"
        + "</Error></Errors><RequestID>t-1</RequestID></Response>"

    @Test func retriesThrottlingThenSucceeds() async throws {
        let sleeps = SleepLog()
        let fake = FakeHTTPTransport { _, count in
            count < 3 ? TestSupport.response(503, Self.throttle) : TestSupport.response(200, Self.ok)
        }
        let vpcs = try await TestSupport.client(fake, sleeps: sleeps).describeVpcs()
        #expect(vpcs.map(\.vpcID) == ["vpc-1"])
        #expect(fake.requests.count == 3)
        // Full jitter with random() = 0.5: 0.5 × 100 ms, then 0.5 × 200 ms.
        #expect(sleeps.all == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func doesNotRetryAccessDeniedValidationOrNotFound() async throws {
        for (status, code) in [(403, "AccessDenied"), (400, "ValidationError"), (400, "InvalidVpcID.NotFound")] {
            let fake = FakeHTTPTransport { _, _ in
                TestSupport.response(
                    status, "<Response><Errors><Error><Code>\(code)</Code></Error></Errors></Response>")
            }
            let error = await TestSupport.awsError { _ = try await TestSupport.client(fake).describeVpcs() }
            #expect(error?.code == code)
            #expect(fake.requests.count == 1)
        }
    }

    @Test func retriesResetsAndTimeoutsAndNamesTheCallWhenItGivesUp() async throws {
        let fake = FakeHTTPTransport { _, count in
            if count % 2 == 1 { throw TransportError(.connection, "reset by peer") }
            return .slow(.seconds(60), HTTPResponse(status: 200, body: Data(Self.ok.utf8)))
        }
        let error = await TestSupport.awsError {
            _ = try await TestSupport.client(fake, maxAttempts: 4).describeVpcs(region: "ap-south-1")
        }
        #expect(fake.requests.count == 4)
        let final = try #require(error)
        #expect(final.kind == .timeout)
        #expect(final.attempts == 4)
        #expect(final.description.hasPrefix("ec2:DescribeVpcs in ap-south-1 failed: RequestTimeout"))
    }

    @Test func retryQuotaBoundsRetriesAcrossCalls() async throws {
        let fake = FakeHTTPTransport { _, _ in
            TestSupport.response(
                500,
                "<Response><Errors><Error><Code>InternalError"
                    + "</Code></Error></Errors></Response>")
        }
        let client = TestSupport.client(fake, maxAttempts: 5, quota: 12)
        for _ in 0..<3 { _ = await TestSupport.awsError { _ = try await client.describeVpcs() } }
        // 12 tokens at 5 per retry: two retries in the whole client, then every call fails at once.
        #expect(fake.requests.count == 3 + 2)
        #expect(await client.remainingRetryQuota == 2)
    }

    @Test func faultInjectionAtAFixedRateStaysWithinBudget() async throws {
        // Every 4th request throttled, every 10th a 500, every 13th a reset, every 17th slow past the timeout (41%).
        let fake = FakeHTTPTransport { _, count in
            if count % 13 == 0 { throw TransportError(.connection, "reset") }
            if count % 17 == 0 { return .slow(.seconds(99), HTTPResponse(status: 200)) }
            if count % 4 == 0 { return TestSupport.response(400, Self.throttle) }
            if count % 10 == 0 {
                return TestSupport.response(
                    500,
                    "<Response><Errors><Error><Code>InternalError</Code>"
                        + "</Error></Errors></Response>")
            }
            return TestSupport.response(200, Self.ok)
        }
        let client = TestSupport.client(fake, maxAttempts: 4)
        var successes = 0
        for _ in 0..<100 where (try? await client.describeVpcs()) != nil { successes += 1 }
        #expect(successes == 100)
        // Bounded: at most 4 attempts a call; this fixed pattern needs exactly 163 requests.
        #expect(fake.requests.count == 163)
    }

    @Test func adaptiveModeSlowsDownAfterThrottles() async throws {
        let fake = FakeHTTPTransport { _, count in
            count <= 2 ? TestSupport.response(400, Self.throttle) : TestSupport.response(200, Self.ok)
        }
        let client = TestSupport.client(fake, maxAttempts: 3, mode: .adaptive)
        _ = try await client.describeVpcs()
        let limit = await client.retryState.rateLimit(service: "ec2")
        #expect(limit != nil)
    }

    @Test func cancellationStopsTheCall() async throws {
        let fake = FakeHTTPTransport { _, _ in
            try await Task.sleep(for: .seconds(30))
            return TestSupport.response(200, Self.ok)
        }
        let client = TestSupport.client(fake)
        let task = Task { try await client.describeVpcs() }
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("expected cancellation")
            return
        }
        #expect((error as? AWSError)?.kind == .cancelled)
    }
}

import Foundation
import Logging
import Testing

@testable import SkyplanAWS

/// Trace-level logs of real calls contain no secret, signature or token.
@Suite struct SecretLoggingTests {
    @Test func traceLogsHoldNoSecrets() async throws {
        let box = LogBox()
        let fake = FakeHTTPTransport { _, count in
            count == 1
                ? TestSupport.response(
                    503, "<Response><Errors><Error><Code>Unavailable</Code></Error></Errors></Response>")
                : TestSupport.response(200, "<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>")
        }
        var client = TestSupport.client(fake)
        client.logger = Logger(label: "test") { _ in CapturingLogHandler(box: box) }
        client.logger.logLevel = .trace
        _ = try await client.describeVpcs()
        let signature = try #require(
            fake.requests.last?.headers["authorization"]?.components(separatedBy: "Signature=").last)
        let text = box.text
        #expect(text.contains("DescribeVpcs"))
        for secret in ["wJalrXUtnFEMI", "TOKENSECRET", signature, "Signature=", "authorization"] {
            #expect(!text.contains(secret), "log contains \(secret)")
        }
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

@Suite struct ErrorClassifierTests {
    @Test(arguments: [
        "SignatureDoesNotMatch", "InvalidClientTokenId", "ExpiredToken", "UnrecognizedClientException",
        "InvalidAccessKeyId",
    ])
    func credentialFailuresAreTheCallersNotTheRegions(code: String) {
        #expect(ErrorClassifier.cause(code: code, message: "") == .authentication)
        let context = CollectorContext(accountID: "111122223333", region: "eu-west-1")
        let diagnostic = ErrorClassifier.diagnostic(
            for: FakeAWSError(errorCode: code, errorMessage: "nope", httpStatus: 403), context: context,
            service: "ec2", operation: "DescribeVpcs")
        #expect(diagnostic.cause == .authentication && diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("authentication failed (\(code)): "))
        #expect(diagnostic.message.hasSuffix("AWS said: nope"))
    }

    @Test func accessDeniedFromSTSIsAboutTheCallerElsewhereAboutThePolicy() {
        #expect(ErrorClassifier.cause(code: "AccessDenied", message: "", service: "sts") == .authentication)
        #expect(ErrorClassifier.cause(code: "AccessDenied", message: "", service: "rds") == .notPermitted)
    }

    /// A scan whose credentials AWS refuses says so, with what to check, and never "region unavailable".
    @Test func scanWithABadSignatureSaysWhatToCheck() async {
        let fake = FakeHTTPTransport { _, _ in
            let body =
                "<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request "
                + "signature we calculated does not match</Message></Error></ErrorResponse>"
            return .response(HTTPResponse(status: 403, headers: [:], body: Data(body.utf8)))
        }
        let client = AWSClient(
            transport: fake, credentials: StaticCredentialProvider(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "x"),
            configuration: AWSConfiguration(region: "us-east-1", endpointURL: URL(string: "http://127.0.0.1:1")))
        let inventory = await Scanner(client: client).scan(ScanRequest(accountID: "", regions: ["eu-west-1"]))
        let diagnostic = inventory.diagnostics.first
        #expect(inventory.diagnostics.count == 1)
        #expect(diagnostic?.cause == .authentication && diagnostic?.operation == "GetCallerIdentity")
        #expect(diagnostic?.message.contains("clock") == true)
        #expect(!inventory.diagnostics.contains { $0.cause == .regionUnavailable })
    }
}

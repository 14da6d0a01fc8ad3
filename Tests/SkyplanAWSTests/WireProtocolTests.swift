import AWSSigV4
import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS

/// Request encoding and answer decoding of each wire protocol, through the fake transport.
@Suite struct WireProtocolTests {
    @Test func queryProtocolPostsFormAndReturnsResult() async throws {
        let fake = FakeHTTPTransport { _, _ in
            TestSupport.response(
                200,
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::123456789012:user/a</Arn><UserId>AIDA</UserId><Account>123456789012</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
        }
        let identity = try await TestSupport.client(fake).getCallerIdentity()
        #expect(identity.account == "123456789012")
        let request = try #require(fake.requests.first)
        #expect(request.method == "POST")
        #expect(TestSupport.form(request) == ["Action": "GetCallerIdentity", "Version": "2011-06-15"])
        #expect(request.headers["authorization"]?.contains("/eu-west-1/sts/aws4_request") == true)
        #expect(request.headers["x-amz-security-token"] == "TOKENSECRET")
        #expect(request.url.absoluteString == "http://127.0.0.1:1/")
    }

    @Test func jsonProtocolSendsTarget() async throws {
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, #"{"TableNames":["a","b"]}"#) }
        let answer = try await TestSupport.client(fake).json(AWSOperation.DynamoDB.listTables, .object(["Limit": 10]))
        #expect(answer["TableNames"]?.arrayValue?.count == 2)
        let request = try #require(fake.requests.first)
        #expect(request.headers["x-amz-target"] == "DynamoDB_20120810.ListTables")
        #expect(request.headers["content-type"] == "application/x-amz-json-1.0")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"Limit":10}"#)
    }

    @Test func restJSONFillsURITemplate() async throws {
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, #"{"cluster":{"name":"a b"}}"#) }
        let client = TestSupport.client(fake)
        let answer = try await client.restJSON(AWSOperation.EKS.describeCluster, path: ["name": "a b"])
        #expect(answer["cluster"]?["name"]?.stringValue == "a b")
        let request = try #require(fake.requests.first)
        #expect(request.method == "GET")
        #expect(request.url.path == "/clusters/a b" || request.url.absoluteString.hasSuffix("/clusters/a%20b"))
        let missing = await TestSupport.awsError { _ = try await client.restJSON(AWSOperation.EKS.describeCluster) }
        #expect(missing?.code == "MissingParameter")
    }

    @Test func restXMLAddsSubresourceQueryAndContentHash() async throws {
        let fake = FakeHTTPTransport { _, _ in
            TestSupport.response(200, "<LocationConstraint>eu-west-1</LocationConstraint>")
        }
        let tree = try await TestSupport.client(fake).restXML(AWSOperation.S3.getBucketLocation, path: ["Bucket": "bk"])
        #expect(tree.text == "eu-west-1")
        let request = try #require(fake.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:1/bk?location=")
        #expect(request.headers["x-amz-content-sha256"] == SigV4Canonical.emptyPayloadHash)
    }

    @Test(arguments: [
        (
            AWSProtocol.query, 403,
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                + "<Message>no</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", [String: String](),
            "AccessDenied", "r-1"
        ),
        (
            .ec2, 400,
            "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>no</Message></Error>"
                + "</Errors><RequestID>r-2</RequestID></Response>", [:], "InvalidVpcID.NotFound", "r-2"
        ),
        (
            .json11, 400, #"{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"no"}"#,
            ["x-amzn-RequestId": "r-3"], "ClusterNotFoundException", "r-3"
        ),
        (
            .restJSON, 404, #"{"Message":"no"}"#,
            ["x-amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/", "x-amzn-RequestId": "r-4"],
            "ResourceNotFoundException", "r-4"
        ),
        (
            .restXML, 404, "<Error><Code>NoSuchBucket</Code><Message>no</Message><RequestId>r-5</RequestId></Error>",
            [:], "NoSuchBucket", "r-5"
        ),
    ])
    func decodesErrorsPerProtocol(
        wire: AWSProtocol, status: Int, body: String, headers: [String: String], code: String, requestID: String
    ) {
        let error = AWSErrorDecoder.decode(
            HTTPResponse(status: status, headers: headers, body: Data(body.utf8)), protocol: wire)
        #expect(error.code == code)
        #expect(error.message == "no")
        #expect(error.requestID == requestID)
        #expect(error.status == status)
        #expect(error.isAccessDenied == (code == "AccessDenied"))
        #expect(error.isNotFound == (code != "AccessDenied"))
        #expect(!error.isRetryable)
    }

    @Test func refusesOperationsOutsideTheCatalog() async throws {
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, "<ok/>") }
        let client = TestSupport.client(fake)
        let mutating = AWSOperation(.ec2, "TerminateInstances")
        let notInCatalog = AWSOperation(.ec2, "DescribeImages")
        for operation in [mutating, notInCatalog] {
            let error = await TestSupport.awsError { _ = try await client.ec2Query(operation) }
            #expect(error?.kind == .refused)
        }
        #expect(fake.requests.isEmpty)
    }

    @Test func errorDescriptionNamesServiceOperationRegionAndCode() async throws {
        let fake = FakeHTTPTransport { _, _ in
            TestSupport.response(
                403,
                "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>denied"
                    + "</Message></Error></Errors><RequestID>req-9</RequestID></Response>")
        }
        do {
            _ = try await TestSupport.client(fake).ec2Query(AWSOperation.EC2.describeVpcs)
            Issue.record("expected an error")
        } catch let error as AWSError {
            #expect(error.isAccessDenied)
            #expect(
                error.description
                    == "ec2:DescribeVpcs in eu-west-1 failed: UnauthorizedOperation (HTTP 403): denied [request req-9]")
        }
        #expect(fake.requests.count == 1)
    }
}

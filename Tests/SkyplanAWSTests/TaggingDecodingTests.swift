import AWSSigV4
import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS

/// `tag:GetResources` through the fake transport: the JSON 1.1 request, pagination and the decoded tags.
@Suite struct TaggingDecodingTests {
    static let firstPage = """
        {"PaginationToken": "page-2", "ResourceTagMappingList": [
          {"ResourceARN": "arn:aws:lambda:eu-west-1:123456789012:function:worker",
           "Tags": [{"Key": "team", "Value": "orders"}, {"Key": "env", "Value": "prod"}]},
          {"ResourceARN": "arn:aws:s3:::shop-assets", "Tags": [{"Key": "env", "Value": ""}]}]}
        """
    static let lastPage = """
        {"PaginationToken": "", "ResourceTagMappingList": [
          {"ResourceARN": "arn:aws:sqs:eu-west-1:123456789012:orders.fifo", "Tags": [{"Key": "app", "Value": "shop"}]},
          {"Tags": [{"Key": "orphan", "Value": "no arn"}]}]}
        """

    @Test func getResourcesWalksEveryPageAndDecodesTags() async throws {
        let fake = FakeHTTPTransport { _, count in
            TestSupport.response(200, count == 1 ? Self.firstPage : Self.lastPage)
        }
        let client = TestSupport.client(fake)
        let tagged = try await client.getResources(resourceTypes: ["lambda:function", "s3", "sqs"])
        #expect(
            tagged == [
                TaggedResource(
                    arn: "arn:aws:lambda:eu-west-1:123456789012:function:worker",
                    tags: ["team": "orders", "env": "prod"]),
                TaggedResource(arn: "arn:aws:s3:::shop-assets", tags: ["env": ""]),
                TaggedResource(arn: "arn:aws:sqs:eu-west-1:123456789012:orders.fifo", tags: ["app": "shop"]),
            ])
        #expect(fake.requests.count == 2)
        let first = try #require(fake.requests.first)
        #expect(first.headers["x-amz-target"] == "ResourceGroupsTaggingAPI_20170126.GetResources")
        #expect(first.headers["content-type"] == "application/x-amz-json-1.1")
        #expect(first.headers["authorization"]?.contains("/eu-west-1/tagging/aws4_request") == true)
        let body = try JSONDecoder().decode(JSONValue.self, from: first.body)
        #expect(body["ResourcesPerPage"]?.doubleValue == 100)
        #expect(body["ResourceTypeFilters"]?.arrayValue?.compactMap(\.stringValue) == ["lambda:function", "s3", "sqs"])
        #expect(body["PaginationToken"] == nil)
        let second = try JSONDecoder().decode(JSONValue.self, from: fake.requests[1].body)
        #expect(second["PaginationToken"]?.stringValue == "page-2")
    }

    @Test func getResourcesPagesAreFetchedOnlyWhenAsked() async throws {
        let fake = FakeHTTPTransport { _, count in
            TestSupport.response(200, count == 1 ? Self.firstPage : Self.lastPage)
        }
        var pages = 0
        for try await page in TestSupport.client(fake).getResourcesPages(resourceTypes: [], region: "us-east-1") {
            pages += 1
            #expect(!page.isEmpty)
            break
        }
        #expect(pages == 1)
        #expect(fake.requests.count == 1)
        let body = try JSONDecoder().decode(JSONValue.self, from: try #require(fake.requests.first).body)
        #expect(body["ResourceTypeFilters"] == nil)
    }

    @Test func minimalPolicyGrantsTheBulkTagRead() {
        #expect(MinimalPolicy.actions().contains("tag:GetResources"))
        #expect(MinimalPolicy.actions(services: ["tagging"]) == ["tag:GetResources"])
    }

    @Test func getResourcesDeniedIsAnAccessDeniedAWSError() async throws {
        let fake = FakeHTTPTransport(
            status: 400,
            body: #"{"__type":"AccessDeniedException","Message":"not authorized to perform: tag:GetResources"}"#)
        let error = await TestSupport.awsError {
            _ = try await TestSupport.client(fake, maxAttempts: 1).getResources(resourceTypes: ["sns"])
        }
        let denied = try #require(error)
        #expect(denied.isAccessDenied)
        #expect(denied.code == "AccessDeniedException")
        #expect(denied.operation == "GetResources")
    }
}

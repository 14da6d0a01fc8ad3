import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ce:GetCostAndUsage`: the JSON 1.1 request, pagination, decoded groups; against moto's set results too.
@Suite struct CostExplorerTests {
    static let firstPage = """
        {"NextPageToken": "p2", "ResultsByTime": [{"TimePeriod": {"Start": "2026-11-01", "End": "2026-12-01"},
          "Estimated": false, "Total": {}, "Groups": [
            {"Keys": ["Amazon Elastic Compute Cloud - Compute", "us-east-1"],
             "Metrics": {"UnblendedCost": {"Amount": "123.4500000001", "Unit": "USD"}}},
            {"Keys": ["AWS Lambda", "eu-west-1"], "Metrics": {"BlendedCost": {"Amount": "9", "Unit": "USD"}}}]}]}
        """
    static let lastPage = """
        {"ResultsByTime": [{"TimePeriod": {"Start": "2026-11-01", "End": "2026-12-01"}, "Estimated": true,
          "Groups": [{"Keys": ["Amazon Simple Storage Service", "global"],
                      "Metrics": {"UnblendedCost": {"Amount": "0.5", "Unit": "USD"}}}]}]}
        """

    @Test func getCostAndUsageWalksPagesAndDecodesGroups() async throws {
        let fake = FakeHTTPTransport { _, count in
            TestSupport.response(200, count == 1 ? Self.firstPage : Self.lastPage)
        }
        let groups = try await TestSupport.client(fake).getCostAndUsage(
            start: "2026-11-01", end: "2026-12-01", groupBy: [.dimension("SERVICE"), .dimension("REGION")])
        #expect(
            groups == [
                CostAndUsageGroup(
                    keys: ["Amazon Elastic Compute Cloud - Compute", "us-east-1"], amount: 123.4500000001,
                    unit: "USD"),
                CostAndUsageGroup(
                    keys: ["Amazon Simple Storage Service", "global"], amount: 0.5, unit: "USD",
                    estimated: true),
            ])
        #expect(fake.requests.count == 2)
        let first = try #require(fake.requests.first)
        #expect(first.headers["x-amz-target"] == "AWSInsightsIndexService.GetCostAndUsage")
        #expect(first.headers["content-type"] == "application/x-amz-json-1.1")
        #expect(first.headers["authorization"]?.contains("/us-east-1/ce/aws4_request") == true)
        let body = try JSONDecoder().decode(JSONValue.self, from: first.body)
        #expect(body["TimePeriod"]?["Start"]?.stringValue == "2026-11-01")
        #expect(body["Granularity"]?.stringValue == "MONTHLY")
        #expect(body["Metrics"]?.arrayValue?.compactMap(\.stringValue) == ["UnblendedCost"])
        #expect(body["GroupBy"]?.arrayValue?.compactMap { $0["Key"]?.stringValue } == ["SERVICE", "REGION"])
        #expect(body["NextPageToken"] == nil)
        let second = try JSONDecoder().decode(JSONValue.self, from: fake.requests[1].body)
        #expect(second["NextPageToken"]?.stringValue == "p2")
    }

    @Test func minimalPolicyGrantsTheOneCostExplorerRead() {
        #expect(MinimalPolicy.actions().contains("ce:GetCostAndUsage"))
        #expect(MinimalPolicy.actions(services: ["ce"]) == ["ce:GetCostAndUsage"])
    }

    @Test func deniedIsAnAccessDeniedAWSError() async throws {
        let fake = FakeHTTPTransport { _, _ in
            TestSupport.response(
                400, #"{"__type": "AccessDeniedException", "message": "not authorized to perform ce:GetCostAndUsage"}"#)
        }
        let error = await TestSupport.awsError {
            _ = try await TestSupport.client(fake).getCostAndUsage(
                start: "2026-11-01", end: "2026-12-01", groupBy: [.tag("Name")])
        }
        #expect(error?.isAccessDenied == true)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"] != nil))
    func motoAnswersTheResultsSetThroughItsAPI() async throws {
        let url = try #require(MotoIntegrationTests.sharedMoto)
        let account = "313131313131"
        var set = URLRequest(url: url.appendingPathComponent("moto-api/static/ce/cost-and-usage-results"))
        set.httpMethod = "POST"
        set.setValue("application/json", forHTTPHeaderField: "Content-Type")
        set.httpBody = Data(
            """
            {"account_id": "\(account)", "results": [{"ResultsByTime": [{"TimePeriod": {"Start": "2026-10-01",
              "End": "2026-11-01"}, "Estimated": false, "Total": {}, "Groups": [{"Keys": ["Amazon DynamoDB", "eu-west-1"],
              "Metrics": {"UnblendedCost": {"Amount": "42.25", "Unit": "USD"}}}]}]}]}
            """.utf8)
        _ = try await URLSession.shared.data(for: set)
        let base = MotoIntegrationTests.client(
            url, StaticCredentialProvider(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x"))
        let client = await AssumedRoleCache(stsClient: base).client(
            roleARN: "arn:aws:iam::\(account):role/skyplan", externalID: "e-1")
        let groups = try await client.getCostAndUsage(
            start: "2026-10-01", end: "2026-11-01", groupBy: [.dimension("SERVICE"), .dimension("REGION")])
        #expect(groups == [CostAndUsageGroup(keys: ["Amazon DynamoDB", "eu-west-1"], amount: 42.25, unit: "USD")])
    }
}

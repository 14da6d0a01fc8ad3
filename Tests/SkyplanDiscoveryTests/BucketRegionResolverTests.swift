import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

@Suite struct BucketRegionResolverTests {
    @Test func bucketRegionInTheListingNeedsNothingMore() {
        let all = [S3Bucket(name: "a", region: "eu-west-1"), S3Bucket(name: "b", region: "us-east-1")]
        let resolution = BucketRegionResolver.resolve(all: all, filtered: [:])
        #expect(resolution.regions == ["a": "eu-west-1", "b": "us-east-1"])
        #expect(resolution.unresolved.isEmpty)
    }

    @Test func filteredListingsPlaceEachBucketAndDropOthers() {
        let all = ["a", "b", "c"].map { S3Bucket(name: $0, region: nil) }
        let filtered: [String: [S3Bucket]?] = [
            "eu-west-1": [S3Bucket(name: "a", region: nil)], "us-east-1": [S3Bucket(name: "b", region: nil)],
        ]
        let resolution = BucketRegionResolver.resolve(all: all, filtered: filtered)
        #expect(resolution.regions == ["a": "eu-west-1", "b": "us-east-1"])
        #expect(resolution.unresolved.isEmpty)  // c lives in a region the scan does not cover
    }

    @Test func aServerIgnoringTheFilterLeavesEveryBucketToAsk() {
        let all = ["a", "b"].map { S3Bucket(name: $0, region: nil) }
        let resolution = BucketRegionResolver.resolve(
            all: all, filtered: ["eu-west-1": all, "us-east-1": all])
        #expect(resolution.regions.isEmpty)
        #expect(resolution.unresolved == ["a", "b"])
    }

    @Test func aFailedFilteredListingLeavesTheUnnamedInDoubt() {
        let all = ["a", "b"].map { S3Bucket(name: $0, region: nil) }
        let resolution = BucketRegionResolver.resolve(
            all: all, filtered: ["eu-west-1": [S3Bucket(name: "a", region: nil)], "us-east-1": nil])
        #expect(resolution.regions == ["a": "eu-west-1"])
        #expect(resolution.unresolved == ["b"])
    }

    @Test func oneScannedRegionIsListedBesideAnother() {
        #expect(
            BucketRegionResolver.filterRegions(scanned: ["eu-west-1"], home: "us-east-1", spare: "us-west-2")
                == ["eu-west-1", "us-east-1"])
        #expect(
            BucketRegionResolver.filterRegions(scanned: ["us-east-1"], home: "us-east-1", spare: "us-west-2")
                == ["us-east-1", "us-west-2"])
        #expect(
            BucketRegionResolver.filterRegions(scanned: ["b", "a", "b"], home: "us-east-1", spare: "us-west-2")
                == ["a", "b"])
    }

    /// The collector against a fake S3 that names no `BucketRegion` but honours the filter: no `GetBucketLocation`,
    /// each bucket's notifications signed for and sent to its own region.
    @Test func collectorMakesNoLocationCallsAndAsksEachBucketsRegion() async throws {
        let placement = ["logs-eu": "eu-west-1", "assets-us": "us-east-1", "far-away": "ap-south-1"]
        let fake = FakeHTTPTransport { request, _ in
            let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            if request.url.path == "/" || request.url.path.isEmpty {
                let wanted = query.first { $0.name == "bucket-region" }?.value
                let names = placement.filter { wanted == nil || $0.value == wanted }.keys.sorted()
                let items = names.map { "<Bucket><Name>\($0)</Name></Bucket>" }.joined()
                return .response(
                    HTTPResponse(
                        status: 200, headers: [:],
                        body: Data("<ListAllMyBucketsResult><Buckets>\(items)</Buckets></ListAllMyBucketsResult>".utf8))
                )
            }
            let body =
                request.url.path.contains("logs-eu")
                ? "<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:eu-west-1:111122223333:q</Queue>"
                    + "<Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>"
                : "<NotificationConfiguration/>"
            return .response(HTTPResponse(status: 200, headers: [:], body: Data(body.utf8)))
        }
        let client = AWSClient(
            transport: fake,
            credentials: StaticCredentialProvider(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            configuration: AWSConfiguration(region: "us-east-1", endpointURL: URL(string: "http://127.0.0.1:1")))
        let context = CollectorContext(
            accountID: "111122223333", region: "us-east-1", scanRegions: ["eu-west-1", "us-east-1"])
        let output = try await S3Collector(client: client).collect(context)
        #expect(output.diagnostics.isEmpty)
        #expect(
            output.resources.map { "\($0.resourceID)@\($0.region)" }.sorted() == [
                "assets-us@us-east-1", "logs-eu@eu-west-1",
            ])
        #expect(output.relationships.map(\.to) == ["arn:aws:sqs:eu-west-1:111122223333:q"])
        let requests = fake.requests
        #expect(!requests.contains { $0.url.query?.contains("location") == true })
        #expect(requests.count == 3 + 2)  // one listing, one filtered per region, one notification call per bucket
        for request in requests where request.url.path.contains("logs-eu") {
            #expect(request.headers["authorization"]?.contains("/eu-west-1/s3/aws4_request") == true)
        }
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel
import Synchronization
import Testing

@testable import SkyplanDiscovery

/// An annotating collector that tags the `FakeCollector` resource of its service in each region.
struct FakeTagCollector: AnnotatingCollector {
    var tags: [String: String]
    var service: String { "tagging" }

    func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        await Task.yield()
        let arn = context.arn("sqs", "thing", "sqs-\(context.region)")
        return CollectorOutput(resources: [
            Resource(
                arn: arn, type: TagCollector.annotationType, resourceID: arn, accountID: context.accountID,
                region: context.region, tags: tags)
        ])
    }
}

/// The bulk tag step: the pure merge, its wiring in the engine and which scans run it.
@Suite struct TagMergerTests {
    static func resource(_ arn: String, tags: [String: String] = [:]) -> Resource {
        Resource(arn: arn, type: .sqs, resourceID: arn, accountID: "111122223333", region: "eu-west-1", tags: tags)
    }

    static func annotation(_ arn: String, region: String = "eu-west-1", _ tags: [String: String]) -> Resource {
        Resource(
            arn: arn, type: TagCollector.annotationType, resourceID: arn, accountID: "111122223333", region: region,
            tags: tags)
    }

    @Test func mergeAddsTagsByExactARNWithoutOverwritingCollectedOnes() {
        let resources = [
            Self.resource("arn:aws:sqs:eu-west-1:111122223333:q", tags: ["env": "collected"]),
            Self.resource("arn:aws:s3:::bucket"), Self.resource("arn:aws:s3:::bucket-2"),
        ]
        let merged = TagMerger.merge(
            [
                Self.annotation("arn:aws:sqs:eu-west-1:111122223333:q", ["env": "bulk", "team": "orders"]),
                Self.annotation("arn:aws:s3:::bucket", ["app": "shop"]),
                Self.annotation("arn:aws:s3:::not-scanned", ["app": "other"]),
            ], into: resources)
        #expect(merged.map(\.arn) == resources.map(\.arn))
        #expect(merged[0].tags == ["env": "collected", "team": "orders"])
        #expect(merged[1].tags == ["app": "shop"])
        #expect(merged[2].tags.isEmpty)
        #expect(merged[1].name == resources[1].name)
    }

    @Test func mergeIsTheSameWhateverOrderTheRegionsAnswerIn() {
        let bucket = "arn:aws:s3:::bucket"
        let east = Self.annotation(bucket, region: "us-east-1", ["env": "east"])
        let west = Self.annotation(bucket, region: "eu-west-1", ["env": "west", "team": "t"])
        let one = TagMerger.merge([east, west], into: [Self.resource(bucket)])
        let other = TagMerger.merge([west, east], into: [Self.resource(bucket)])
        #expect(one == other)
        #expect(one.first?.tags == ["env": "west", "team": "t"])
        #expect(TagMerger.merge([], into: [Self.resource(bucket)]) == [Self.resource(bucket)])
    }

    @Test func engineMergesAnnotationsInsteadOfAddingThemAndCountsTheirRuns() async {
        let job = ScanJob(
            accountID: "111122223333", regions: ["us-east-1", "eu-west-1"],
            collectors: [FakeCollector(service: "sqs"), FakeTagCollector(tags: ["team": "orders"])])
        let totals = Totals()
        let inventory = await ScanEngine(configuration: ScanConfiguration(concurrency: 2)).run([job]) {
            totals.record($0.total)
        }
        #expect(inventory.resources.count == 2)
        #expect(inventory.resources.allSatisfy { $0.type == ComponentType("sqs") && $0.tags == ["team": "orders"] })
        #expect(totals.all == [4])
    }

    @Test func tagCollectorRunsOnlyForTheServicesItTags() throws {
        let client = AWSClient(
            transport: FakeHTTPTransport(body: "{}"),
            credentials: StaticCredentialProvider(accessKeyID: "a", secretAccessKey: "b"),
            configuration: AWSConfiguration(region: "eu-west-1"))
        let all = try #require(TagCollector(client: client, services: nil))
        #expect(
            all.resourceTypes == ["dynamodb:table", "ec2:network-interface", "lambda:function", "s3", "sns", "sqs"])
        #expect(all.missingFamilies == "Lambda/SQS/SNS/DynamoDB/S3/instance ENIs")
        #expect(TagCollector(client: client, services: ["vpc", "rds"]) == nil)
        #expect(TagCollector(client: client, services: ["vpc", "ec2"])?.resourceTypes == ["ec2:network-interface"])
        let some = try #require(TagCollector(client: client, services: ["sqs", "s3", "vpc"]))
        #expect(some.resourceTypes == ["s3", "sqs"])
        #expect(some.missingFamilies == "SQS/S3")
        let services = { (asked: Set<String>?) in
            Scanner.collectors(client: client, services: asked).map(\.service)
        }
        #expect(services(["rds"]) == ["rds"])
        #expect(services(["ec2"]) == ["ec2", "tagging"])
        #expect(services(["lambda"]) == ["lambda", "tagging"])
        #expect(services(nil).filter { $0 == "tagging" }.count == 1)
    }

    @Test func deniedTagReadIsADiagnosticNamingWhatIsMissing() async throws {
        let transport = FakeHTTPTransport(
            status: 400, body: #"{"__type":"AccessDeniedException","Message":"not authorized: tag:GetResources"}"#)
        let client = AWSClient(
            transport: transport, credentials: StaticCredentialProvider(accessKeyID: "a", secretAccessKey: "b"),
            configuration: AWSConfiguration(region: "eu-west-1"))
        let collector = try #require(TagCollector(client: client, services: ["lambda", "sns"]))
        let output = try await collector.collect(CollectorContext(accountID: "111122223333", region: "eu-west-1"))
        #expect(output.resources.isEmpty)
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.service == "tagging" && diagnostic.operation == "GetResources")
        #expect(diagnostic.cause == .notPermitted)
        #expect(diagnostic.message.hasPrefix("tags of Lambda/SNS are missing: "))
    }
}

/// Progress totals seen by a scan.
final class Totals: Sendable {
    private let state = Mutex<Set<Int>>([])
    func record(_ total: Int) { _ = state.withLock { $0.insert(total) } }
    var all: [Int] { state.withLock { $0.sorted() } }
}

import Foundation
import SkyplanAWS
import SkyplanModel
import Synchronization
import Testing

@testable import SkyplanDiscovery

/// Tags read in bulk (`tag:GetResources`) against moto: a tagged Lambda, queue, topic, table and bucket, each in
/// a fresh account of its own, show their tags after a scan; a denied tag read leaves a diagnostic and the scan.
@Suite(.enabled(if: MotoEnvironment.enabled))
struct TagsIntegrationTests {
    /// One of each family whose list call has no tags, every one tagged `team` (the seeder adds `Name`).
    static func environment(account: String) -> String {
        """
        {"version": 1, "accounts": [{"id": "\(account)", "role": "skyplan", "region": "eu-west-1",
          "tags": {"cost-center": "42"}, "resources": [
          {"type": "iam_role", "name": "exec", "service": "lambda.amazonaws.com"},
          {"type": "lambda_function", "name": "worker", "role": "exec", "tags": {"team": "lambda-team"}},
          {"type": "sqs_queue", "name": "jobs", "tags": {"team": "sqs-team"}},
          {"type": "sns_topic", "name": "events", "tags": {"team": "sns-team"}},
          {"type": "dynamodb_table", "name": "orders", "tags": {"team": "dynamodb-team"}},
          {"type": "s3_bucket", "name": "assets", "bucket": "skyplan-tags-\(account)", "tags": {"team": "s3-team"}}
        ]}]}
        """
    }

    static let families: [(name: String, type: ComponentType, team: String)] = [
        ("worker", .lambda, "lambda-team"), ("jobs", .sqs, "sqs-team"), ("events", .sns, "sns-team"),
        ("orders", .dynamoDB, "dynamodb-team"), ("assets", .s3, "s3-team"),
    ]

    @Test func scanShowsTheTagsOfLambdaSQSSNSDynamoDBAndS3() async throws {
        let account = MotoEnvironment.freshAccount()
        let summary = try MotoEnvironment.seed(Self.environment(account: account))
        let seeded = try #require(summary[account] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let client = try await MotoEnvironment.client(account: account)
        let inventory = await Scanner(client: client).scan(
            ScanRequest(
                accountID: account, regions: ["eu-west-1"], services: ["lambda", "sqs", "sns", "dynamodb", "s3"]))
        #expect(inventory.diagnostics.isEmpty, "\(inventory.diagnostics)")
        let found = inventory.index()
        for family in Self.families {
            let arn = try #require(seeded[family.name]?["arn"] as? String, "\(family.name) not seeded")
            let resource = try #require(found[arn], "\(family.name) \(arn) not found")
            #expect(resource.type == family.type)
            #expect(
                resource.tags == ["team": family.team, "cost-center": "42", "Name": family.name],
                "\(family.name): \(resource.tags)")
        }
        #expect(!inventory.resources.contains { $0.type == TagCollector.annotationType })
    }

    @Test func scanOfOneServiceAsksOnlyForItsTags() async throws {
        let account = MotoEnvironment.freshAccount()
        let summary = try MotoEnvironment.seed(Self.environment(account: account))
        let seeded = try #require(summary[account] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let recorder = RecordingTransport(inner: AsyncHTTPClientTransport())
        let client = try await MotoEnvironment.client(account: account, transport: recorder)
        let inventory = await Scanner(client: client).scan(
            ScanRequest(accountID: account, regions: ["eu-west-1"], services: ["sqs"]))
        let queue = try #require(inventory.index()[seeded["jobs"]?["arn"] as? String ?? ""])
        #expect(queue.tags["team"] == "sqs-team")
        let bodies = recorder.bodies(target: "ResourceGroupsTaggingAPI_20170126.GetResources")
        #expect(bodies.count == 1)
        #expect(bodies.first?.contains(#""ResourceTypeFilters":["sqs"]"#) == true, "\(bodies)")
    }

    @Test func manyTaggedQueuesArriveOverSeveralPagesOfOneWalk() async throws {
        let account = MotoEnvironment.freshAccount()
        let queues = (0..<130).map { "{\"type\": \"sqs_queue\", \"name\": \"q\($0)\", \"tags\": {\"n\": \"\($0)\"}}" }
        let summary = try MotoEnvironment.seed(
            "{\"version\": 1, \"accounts\": [{\"id\": \"\(account)\", \"region\": \"eu-west-1\", \"resources\": ["
                + queues.joined(separator: ",") + "]}]}")
        let seeded = try #require(summary[account] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let recorder = RecordingTransport(inner: AsyncHTTPClientTransport())
        let client = try await MotoEnvironment.client(account: account, transport: recorder)
        let inventory = await Scanner(client: client).scan(
            ScanRequest(accountID: account, regions: ["eu-west-1"], services: ["sqs"]))
        let found = inventory.index()
        for index in 0..<130 {
            let queue = found[seeded["q\(index)"]?["arn"] as? String ?? ""]
            #expect(queue?.tags["n"] == "\(index)", "q\(index)")
        }
        let bodies = recorder.bodies(target: "ResourceGroupsTaggingAPI_20170126.GetResources")
        #expect(bodies.count >= 2)
        #expect(bodies.dropFirst().allSatisfy { $0.contains("PaginationToken") })
    }

    @Test func demoEnvironmentTagsEveryBulkTaggedResourceInBothAccountsAndRegions() async throws {
        let demo = try MotoEnvironment.demo()
        _ = try MotoEnvironment.seed(demo.text)
        let clientP = try await MotoEnvironment.client(account: demo.production)
        let clientS = try await MotoEnvironment.client(account: demo.staging)
        let regions = ["eu-west-1", "us-east-1"]
        let families: Set<ComponentType> = [.lambda, .sqs, .sns, .dynamoDB, .s3]
        // ecr: api-handler runs an image of the demo's repository, which a scan without ECR reports as not found.
        let inventory = await Scanner(client: clientP).scan([
            (
                clientP,
                ScanRequest(accountID: demo.production, regions: regions, services: ["lambda", "s3", "sqs", "ecr"])
            ),
            (clientS, ScanRequest(accountID: demo.staging, regions: regions, services: ["sns", "dynamodb", "s3"])),
        ])
        #expect(inventory.diagnostics.isEmpty, "\(inventory.diagnostics)")
        let tagged = inventory.resources.filter { families.contains($0.type) }
        #expect(tagged.count >= 5)
        for resource in tagged {
            // `app` is the file's tag for every resource; `env` the account's.
            #expect(resource.tags["app"] == "shop", "\(resource.arn) \(resource.tags)")
            #expect(resource.tags["env"] == (resource.accountID == demo.production ? "prod" : "staging"))
        }
    }

    @Test func deniedTagReadKeepsTheScanWithADiagnosticNamingTheMissingTags() async throws {
        let account = MotoEnvironment.freshAccount()
        let summary = try MotoEnvironment.seed(Self.environment(account: account))
        let seeded = try #require(summary[account] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let client = try await MotoEnvironment.client(
            account: account, transport: DenyingTransport(inner: AsyncHTTPClientTransport(), deniedService: "tagging"))
        let inventory = await Scanner(client: client).scan(
            ScanRequest(accountID: account, regions: ["eu-west-1"], services: ["lambda", "sqs", "s3"]))
        let found = inventory.index()
        for name in ["worker", "jobs", "assets"] {
            let resource = try #require(found[seeded[name]?["arn"] as? String ?? ""], "\(name) not found")
            #expect(resource.tags["team"] == nil)
        }
        #expect(inventory.diagnostics.count == 1)
        let diagnostic = try #require(inventory.diagnostics.first)
        #expect(diagnostic.service == "tagging" && diagnostic.operation == "GetResources")
        #expect(diagnostic.cause == .notPermitted)
        #expect(diagnostic.message.hasPrefix("tags of Lambda/SQS/S3 are missing"), "\(diagnostic.message)")
    }
}

/// A transport that passes every request on and keeps the JSON bodies sent, by `x-amz-target`.
final class RecordingTransport: HTTPTransport {
    let inner: any HTTPTransport
    private let sent = Mutex<[(target: String, body: String)]>([])

    init(inner: any HTTPTransport) { self.inner = inner }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let target = request.headers.first { $0.key.lowercased() == "x-amz-target" }?.value ?? ""
        sent.withLock { $0.append((target, String(decoding: request.body, as: UTF8.self))) }
        return try await inner.send(request, timeout: timeout)
    }

    /// The bodies sent to `target`, in order.
    func bodies(target: String) -> [String] { sent.withLock { $0.filter { $0.target == target }.map(\.body) } }
}

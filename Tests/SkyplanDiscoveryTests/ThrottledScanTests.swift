import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// A scan under harsh throttling (5 calls a second per region and action, as `RPS=5` in the bench) finds the
/// same resources and relationships as an unthrottled one, with few throttled requests: the pacer adapts.
@Suite(.enabled(if: MotoEnvironment.enabled), .serialized)
struct ThrottledScanTests {
    static let regions = ["eu-west-1", "us-east-1"]

    /// 20 DynamoDB tables, 6 buckets and 10 queues (2 dead-letter queues with 2 sources each) per region, in a fresh
    /// account.
    static let seeder = """
        import boto3, json, sys
        url, account = sys.argv[1], sys.argv[2]
        creds = boto3.client("sts", endpoint_url=url, region_name="us-east-1").assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/skyplan", RoleSessionName="seed")["Credentials"]
        def client(service, region):
            return boto3.client(service, endpoint_url=url, region_name=region, aws_access_key_id=creds["AccessKeyId"],
                aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        for region in ["eu-west-1", "us-east-1"]:
            ddb, s3, sqs = client("dynamodb", region), client("s3", region), client("sqs", region)
            for i in range(20):
                ddb.create_table(TableName=f"t{i}", BillingMode="PAY_PER_REQUEST",
                    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
            for i in range(6):
                extra = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
                s3.create_bucket(Bucket=f"b{account}-{region}-{i}", **extra)
            for d in range(2):
                dlq = sqs.create_queue(QueueName=f"orders-{d}-dlq")["QueueUrl"]
                arn = f"arn:aws:sqs:{region}:{account}:orders-{d}-dlq"
                for s in range(2):
                    sqs.create_queue(QueueName=f"orders-{d}-{s}", Attributes={"RedrivePolicy": json.dumps(
                        {"deadLetterTargetArn": arn, "maxReceiveCount": "5"})})
            for i in range(4):
                sqs.create_queue(QueueName=f"plain-{i}")
        """

    @Test func throttledScanLosesNothingAndIsRarelyThrottled() async throws {
        let account = MotoEnvironment.freshAccount()
        _ = try MotoEnvironment.python(["-c", Self.seeder, MotoEnvironment.url ?? "", account], name: "seeder")
        let request = ScanRequest(accountID: account, regions: Self.regions, services: ["dynamodb", "s3", "sqs"])
        let direct = await Scanner(client: try await MotoEnvironment.client(account: account)).scan(request)
        let throttling = ThrottlingTransport(inner: AsyncHTTPClientTransport(), rate: 5, burst: 5)
        let client = try await MotoEnvironment.client(account: account, transport: throttling)
        let throttled = await Scanner(client: client).scan(request)

        #expect(direct.diagnostics.isEmpty && throttled.diagnostics.isEmpty)
        #expect(direct.resources.filter { $0.type == .dynamoDB }.count == 40)
        #expect(direct.resources.filter { $0.type == .sqs }.count == 20)
        let deadLetterEdges = direct.relationships.filter { $0.kind == .uses && $0.to.hasSuffix("-dlq") }
        #expect(deadLetterEdges.count == 8)
        #expect(Set(throttled.resources.map(\.arn)) == Set(direct.resources.map(\.arn)))
        #expect(
            Set(throttled.relationships.map { "\($0.from) \($0.kind) \($0.to)" })
                == Set(direct.relationships.map { "\($0.from) \($0.kind) \($0.to)" }))
        let (requests, throttles) = throttling.counts
        #expect(throttles > 0, "the transport throttled nothing: the test does not test the pacer")
        #expect(Double(throttles) <= 0.1 * Double(requests), "\(throttles) of \(requests) requests throttled")
    }
}

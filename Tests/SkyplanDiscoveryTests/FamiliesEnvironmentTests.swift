import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS
@testable import SkyplanDiscovery

/// Scans moto seeded by `tests/fixtures/seed_families.py` (issue #14: Redshift, OpenSearch, Kinesis streams,
/// Firehose, Elastic IPs, Step Functions, EventBridge; two regions): every seeded resource is found with its type, region, configuration and
/// placement, every seeded relationship is found, each dangling reference is a diagnostic and no edge, and nothing
/// is invented.
@Suite(.enabled(if: MotoEnvironment.enabled))
struct FamiliesEnvironmentTests {
    static let regions = ["us-east-1", "eu-west-1"]

    @Test func issue14FamiliesAreFoundWithTheirRelationshipsAndDanglingReferencesAreReported() async throws {
        let url = try #require(MotoEnvironment.url)
        let account = ExtendedManifest.freshAccount()
        let manifest = try ExtendedManifest.seed(
            url: url, account: account, peer: nil, regions: Self.regions, script: "seed_families.py")
        let client = try await MotoEnvironment.client(account: account)
        let inventory = await Scanner(client: client).scan(ScanRequest(accountID: account, regions: Self.regions))
        let found = inventory.index()

        // An address is live data (DESIGN.md): the inventory, and so a saved blueprint, never carries it.
        for address in inventory.resources where address.type == .elasticIP {
            #expect(address.config.values.allSatisfy { $0.stringValue?.contains(".") != true }, "\(address.config)")
        }
        for entry in manifest.resources {
            let resource = found[entry.arn]
            #expect(resource?.type.rawValue == entry.type, "\(entry.name) \(entry.arn) not found as \(entry.type)")
            guard let resource else { continue }
            #expect(resource.region == entry.region, "\(entry.name) region \(resource.region)")
            #expect(resource.resourceID == entry.id, "\(entry.name) id \(resource.resourceID)")
            for (key, value) in entry.config.sorted(by: { $0.key < $1.key }) {
                #expect(
                    resource.config[key] == value, "\(entry.name) \(key): \(String(describing: resource.config[key]))")
            }
            if let placement = entry.placement {
                let subnets = placement.subnets.compactMap { found[$0]?.resourceID }
                #expect(subnets.count == placement.subnets.count)
                #expect(resource.placement.subnetIDs == subnets.sorted(), "\(entry.name) subnets")
                #expect(resource.placement.securityGroupIDs == placement.securityGroups, "\(entry.name) groups")
            }
        }

        let relations = Set(inventory.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        let missing = manifest.relationships.map { $0.joined(separator: " ") }.filter { !relations.contains($0) }
        #expect(missing.isEmpty, "missing relationships: \(missing)")

        // The dangling reference is reported (what named what, and where it was stated) and not drawn.
        let references = try #require(manifest.dangling)
        #expect(!references.isEmpty)
        for pair in references {
            #expect(!inventory.relationships.contains { $0.from == pair[0] && $0.to == pair[1] })
            let reports = inventory.diagnostics.filter {
                $0.cause == .danglingReference && $0.message.contains(pair[0]) && $0.message.contains(pair[1])
            }
            #expect(reports.count == 1, "\(inventory.diagnostics)")
            #expect(reports.first?.service == pair[2] && reports.first?.operation == pair[3])
        }
        #expect(inventory.diagnostics.count == references.count, "\(inventory.diagnostics)")

        // No relationship points at a resource of the scanned accounts and regions that the scan did not find.
        let dangling = manifest.danglingEnds(in: inventory)
        #expect(dangling.isEmpty, "relationships to nothing: \(dangling)")

        // Nothing invented: what the seed did not make is what AWS (moto) makes by itself.
        let invented = manifest.invented(in: inventory).map { "\($0.type) \($0.arn)" }
        #expect(invented.isEmpty, "invented: \(invented)")
    }
}

/// The pure parts of issue #14's collectors.
@Suite struct FamiliesFixTests {
    let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")

    @Test func aDeliveryStreamNamesItsSourceAndEveryDestinationOnce() throws {
        let answer = try JSONCoding.decode(
            Data(
                """
                {"DeliveryStreamName": "d", "DeliveryStreamARN": "arn:aws:firehose:eu-west-1:1:deliverystream/d",
                 "DeliveryStreamStatus": "ACTIVE", "DeliveryStreamType": "KinesisStreamAsSource",
                 "Source": {"KinesisStreamSourceDescription": {"KinesisStreamARN": "arn:aws:kinesis:eu-west-1:1:stream/s"}},
                 "Destinations": [
                  {"S3DestinationDescription": {"BucketARN": "arn:aws:s3:::lake"},
                   "ExtendedS3DestinationDescription": {"BucketARN": "arn:aws:s3:::lake"}},
                  {"RedshiftDestinationDescription": {
                    "ClusterJDBCURL": "jdbc:redshift://wh.abc123.eu-west-1.redshift.amazonaws.com:5439/dev",
                    "S3DestinationDescription": {"BucketARN": "arn:aws:s3:::stage"}}},
                  {"AmazonopensearchserviceDestinationDescription": {"DomainARN": "arn:aws:es:eu-west-1:1:domain/x",
                    "S3DestinationDescription": {"BucketARN": "arn:aws:s3:::stage"}}}]}
                """.utf8))
        let stream = AWSClient.deliveryStream(answer)
        #expect(stream.sourceARN == "arn:aws:kinesis:eu-west-1:1:stream/s")
        #expect(
            stream.targets.map { "\($0.kind) \($0.reference)" } == [
                "s3 arn:aws:s3:::lake",
                "redshift jdbc:redshift://wh.abc123.eu-west-1.redshift.amazonaws.com:5439/dev",
                "s3-backup arn:aws:s3:::stage", "opensearch arn:aws:es:eu-west-1:1:domain/x",
            ])
        let targets = stream.targets.compactMap { FirehoseCollector.targetARN($0, context: context) }
        #expect(targets[1] == "arn:aws:redshift:eu-west-1:345600000001:cluster:wh")
    }

    @Test(arguments: [
        ("jdbc:redshift://wh.abc123.us-east-1.redshift.amazonaws.com:5439/dev", "us-east-1:345600000001:cluster:wh"),
        ("jdbc:redshift://WH.abc.eu-west-1.redshift.amazonaws.com/db", "eu-west-1:345600000001:cluster:wh"),
        ("jdbc:redshift://wg.1.us-east-1.redshift-serverless.amazonaws.com:5439/dev", nil),
        ("jdbc:redshift://proxy.internal:5439/dev", nil),
        ("jdbc:redshift://wh.abc.xx-nowhere-9.redshift.amazonaws.com:5439/dev", nil),
    ])
    func aJDBCURLReachesItsClusterOrNothing(url: String, expected: String?) {
        #expect(ARNs.redshiftCluster(jdbcURL: url, context: context) == expected.map { "arn:aws:redshift:\($0)" })
    }

    @Test func anElasticIPIsAttachedToItsInstanceElseItsNATGatewayElseItsInterface() {
        func address(instance: String? = nil, interface: String? = nil) -> ElasticIPAddress {
            ElasticIPAddress(
                allocationID: "eipalloc-1", publicIP: "3.3.3.3", instanceID: instance, networkInterfaceID: interface,
                privateIP: nil, domain: "vpc", tags: [:])
        }
        let nat = ["3.3.3.3": "nat-1"]
        let association = NetworkInventoryBuilder.association
        #expect(association(address(instance: "i-1", interface: "eni-1"), nat)?.id == "i-1")
        #expect(association(address(instance: "", interface: "eni-1"), nat)?.type == "natgateway")
        #expect(association(address(interface: "eni-1"), [:])?.type == "network-interface")
        #expect(association(address(), [:]) == nil)
    }

    @Test func aCheckedReferenceToNothingInTheScannedScopeIsADiagnosticAndNoEdge() {
        let stream = "arn:aws:firehose:eu-west-1:345600000001:deliverystream/d"
        let gone = "arn:aws:redshift:eu-west-1:345600000001:cluster:gone"
        let elsewhere = "arn:aws:redshift:eu-west-1:999900000001:cluster:theirs"
        let unchecked = Relationship(from: stream, to: gone, kind: .uses, evidence: "lambda:ListFunctions")
        let inventory = Inventory(
            resources: [
                Resource(
                    arn: stream, type: .kinesisFirehose, resourceID: "d", accountID: "345600000001", region: "eu-west-1"
                )
            ],
            relationships: [
                Relationship(from: stream, to: gone, kind: .uses, evidence: "firehose:DescribeDeliveryStream x"),
                Relationship(from: stream, to: elsewhere, kind: .uses, evidence: "firehose:DescribeDeliveryStream x"),
                Relationship(from: stream, to: "arn:aws:s3:::lake", kind: .uses, evidence: "firehose:Describe x"),
                unchecked,
            ], accountIDs: ["345600000001"], regions: ["eu-west-1"])
        let checked = DanglingReferences.check(inventory)
        #expect(checked.relationships.map(\.to).sorted() == ["arn:aws:s3:::lake", elsewhere, gone].sorted())
        #expect(checked.relationships.filter { $0.to == gone } == [unchecked])
        #expect(checked.diagnostics.count == 1)
        #expect(checked.diagnostics.first?.cause == .danglingReference)
        #expect(checked.diagnostics.first?.operation == "DescribeDeliveryStream")
        #expect(DanglingReferences.check(checked) == checked)
    }

    @Test func aRedshiftClusterSitsInItsZonesSubnetOfItsGroup() {
        let group = RedshiftSubnetGroup(
            name: "g", vpcID: "vpc-1", subnetIDs: ["subnet-b", "subnet-a"],
            subnetZones: ["subnet-a": "eu-west-1a", "subnet-b": "eu-west-1b"])
        #expect(RedshiftCollector.subnets(of: group, zone: "eu-west-1b") == ["subnet-b"])
        #expect(RedshiftCollector.subnets(of: group, zone: nil) == ["subnet-a", "subnet-b"])
        #expect(RedshiftCollector.subnets(of: nil, zone: "eu-west-1a").isEmpty)
    }

    @Test func aStateMachineCallsWhatItsTaskStatesNameStatically() {
        let definition = """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Branches": [
                {"StartAt": "F", "States": {"F": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "price:live"}, "End": true}}},
                {"StartAt": "D", "States": {"D": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName.$": "$.fn"}, "End": true}}}]},
              "Q": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "https://sqs.us-east-2.amazonaws.com/345600000001/jobs"}},
              "M": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
                "Resource": "arn:aws:states:::dynamodb:putItem", "Arguments": {"TableName": "orders"}}}}},
              "L": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:345600000001:function:old:3"},
              "S": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync",
                "Parameters": {"StateMachineArn": "arn:aws:states:eu-west-1:345600000001:stateMachine:sub"}},
              "W": {"Type": "Wait", "Seconds": 5}}}
            """
        let tasks = StateMachineTasks.tasks(in: definition, context: context).map { "\($0.state) \($0.target)" }
        #expect(
            tasks == [
                "L arn:aws:lambda:eu-west-1:345600000001:function:old",
                "T arn:aws:dynamodb:eu-west-1:345600000001:table/orders",
                "F arn:aws:lambda:eu-west-1:345600000001:function:price",
                "Q arn:aws:sqs:us-east-2:345600000001:jobs",
                "S arn:aws:states:eu-west-1:345600000001:stateMachine:sub",
            ])
        #expect(StateMachineTasks.tasks(in: "not json", context: context).isEmpty)
    }

    @Test(arguments: [("docdb", "docdb"), ("neptune", "neptune"), ("aurora-postgresql", nil), ("postgres", nil)])
    func documentAndGraphEnginesAreTheirOwnTypes(engine: String, type: String?) {
        #expect(RDSCollector.engineType(engine)?.rawValue == type)
    }
}

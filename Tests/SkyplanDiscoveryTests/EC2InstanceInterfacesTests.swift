import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// Spot and platform config of instances; ENIs split between the `ec2` collector (instances' interfaces, from
/// DescribeInstances) and the `vpc` collector (requester-managed and detached ones only).
@Suite struct EC2InstanceInterfacesTests {
    static let account = "111122223333"
    let context = CollectorContext(accountID: account, region: "eu-west-1")

    static let instances = """
        <DescribeInstancesResponse><reservationSet><item><instancesSet>
        <item><instanceId>i-spot</instanceId><instanceType>c5.xlarge</instanceType>
        <instanceState><name>running</name></instanceState><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId>
        <placement><availabilityZone>eu-west-1a</availabilityZone></placement>
        <usageOperation>RunInstances:0002</usageOperation><instanceLifecycle>spot</instanceLifecycle>
        <networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId><subnetId>subnet-1</subnetId>
        <vpcId>vpc-1</vpcId><groupSet><item><groupId>sg-2</groupId></item><item><groupId>sg-1</groupId></item>
        </groupSet><interfaceType>interface</interfaceType></item></networkInterfaceSet></item>
        <item><instanceId>i-gone</instanceId><instanceType>t3.micro</instanceType>
        <instanceState><name>terminated</name></instanceState>
        <networkInterfaceSet><item><networkInterfaceId>eni-gone</networkInterfaceId></item></networkInterfaceSet>
        </item></instancesSet></item></reservationSet></DescribeInstancesResponse>
        """

    /// A fake EC2 answering DescribeInstances and the two filtered DescribeNetworkInterfaces; empty for the rest.
    static func fakeEC2() -> FakeHTTPTransport {
        FakeHTTPTransport { request, _ in
            let form = Self.form(request)
            let body: String
            switch (form["Action"], form["Filter.1.Name"]) {
            case ("DescribeInstances", _): body = instances
            case ("DescribeNetworkInterfaces", "requester-managed"):
                body = eniAnswer([
                    ("eni-nat", "nat_gateway", nil, nil), ("eni-spare-managed", "interface", nil, nil),
                    ("eni-ecs", "interface", "i-spot", account), ("eni-ws", "interface", "i-theirs", "999988887777"),
                ])
            case ("DescribeNetworkInterfaces", "status"):
                body = eniAnswer([("eni-spare-managed", "interface", nil, nil), ("eni-spare", "interface", nil, nil)])
            default: body = "<Response/>"
            }
            return .response(HTTPResponse(status: 200, body: Data(body.utf8)))
        }
    }

    static func eniAnswer(_ items: [(id: String, type: String, instance: String?, owner: String?)]) -> String {
        let xml = items.map { item in
            let attachment = item.instance.map {
                "<attachment><instanceId>\($0)</instanceId><instanceOwnerId>\(item.owner ?? "")</instanceOwnerId>"
                    + "</attachment>"
            }
            return "<item><networkInterfaceId>\(item.id)</networkInterfaceId><subnetId>subnet-1</subnetId>"
                + "<vpcId>vpc-1</vpcId><interfaceType>\(item.type)</interfaceType>\(attachment ?? "")</item>"
        }
        return "<R><networkInterfaceSet>\(xml.joined())</networkInterfaceSet></R>"
    }

    static func form(_ request: HTTPRequest) -> [String: String] {
        var out: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            if let key = parts.first { out[key] = parts.count > 1 ? parts[1] : "" }
        }
        return out
    }

    static func client(_ transport: FakeHTTPTransport) -> AWSClient {
        AWSClient(
            transport: transport, credentials: StaticCredentialProvider(accessKeyID: "a", secretAccessKey: "b"),
            configuration: AWSConfiguration(region: "eu-west-1"))
    }

    @Test func spotInstanceIsBilledAsSpotAndUsageOperationGivesThePlatform() async throws {
        let output = try await EC2Collector(client: Self.client(Self.fakeEC2())).collect(context)
        let instance = try #require(output.resources.first { $0.resourceID == "i-spot" })
        #expect(instance.config["platform"] == "mswin" && instance.config["lifecycle"] == "spot")
        #expect(instance.config["billingOptions"] == .object(["type": "si"]))
        #expect(!output.resources.contains { $0.resourceID == "i-gone" || $0.resourceID == "eni-gone" })
    }

    @Test(
        arguments: [
            ("spot", true), ("SPOT", true), ("capacity-block", false), (nil, false),
        ] as [(String?, Bool)])
    func onlySpotLifecycleGetsSpotBilling(lifecycle: String?, spot: Bool) {
        let config = InstanceShape.billing(lifecycle: lifecycle)
        #expect((config["billingOptions"]?.objectValue?["type"] == "si") == spot)
        #expect(config.isEmpty == !spot)
    }

    @Test func instanceInterfacesComeFromDescribeInstancesWithTheirAttachment() async throws {
        let fake = Self.fakeEC2()
        let output = try await EC2Collector(client: Self.client(fake)).collect(context)
        let eni = try #require(output.resources.first { $0.resourceID == "eni-1" })
        #expect(eni.type == .networkInterface && eni.arn == context.arn("ec2", "network-interface", "eni-1"))
        #expect(eni.config == ["interfaceType": "interface"])
        #expect(eni.placement.subnetIDs == ["subnet-1"] && eni.placement.availabilityZones == ["eu-west-1a"])
        #expect(eni.placement.securityGroupIDs == ["sg-1", "sg-2"] && eni.placement.vpcID == "vpc-1")
        let attachment = try #require(output.relationships.first { $0.from == eni.arn })
        #expect(attachment.kind == .attachment && attachment.to == context.arn("ec2", "instance", "i-spot"))
        #expect(attachment.evidence == "ec2:DescribeInstances Attachment i-spot")
        #expect(!fake.requests.map(Self.form).contains { $0["Action"] == "DescribeNetworkInterfaces" })
    }

    @Test func networkCollectorListsOnlyRequesterManagedAndDetachedInterfacesEachOnce() async throws {
        let fake = Self.fakeEC2()
        let output = try await NetworkCollector(client: Self.client(fake)).collect(context)
        let calls = fake.requests.map(Self.form).filter { $0["Action"] == "DescribeNetworkInterfaces" }
        #expect(
            calls.map { "\($0["Filter.1.Name"] ?? "none")=\($0["Filter.1.Value.1"] ?? "")" }.sorted() == [
                "requester-managed=true", "status=available",
            ])
        #expect(calls.allSatisfy { $0["Filter.2.Name"] == nil })
        let enis = output.resources.filter { $0.type == .networkInterface }.map(\.resourceID)
        // eni-ecs is attached to an instance of this account: the ec2 collector reports it.
        #expect(enis == ["eni-nat", "eni-spare-managed", "eni-ws", "eni-spare"])
        #expect(output.resources.first { $0.resourceID == "eni-nat" }?.config["interfaceType"] == "nat_gateway")
        let attachments = output.relationships.filter { $0.kind == .attachment }
        #expect(attachments.map(\.evidence) == ["ec2:DescribeNetworkInterfaces Attachment i-theirs"])
        #expect(output.diagnostics.isEmpty)
    }

    @Test func bothCollectorsTogetherReportEveryInterfaceOnce() async throws {
        let fake = Self.fakeEC2()
        var output = try await NetworkCollector(client: Self.client(fake)).collect(context)
        output.merge(try await EC2Collector(client: Self.client(fake)).collect(context))
        let enis = output.resources.filter { $0.type == .networkInterface }.map(\.resourceID)
        #expect(enis.count == Set(enis).count)
        #expect(Set(enis) == ["eni-1", "eni-nat", "eni-spare-managed", "eni-ws", "eni-spare"])
    }
}

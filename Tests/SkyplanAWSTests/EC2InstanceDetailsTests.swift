import Foundation
import Testing

@testable import SkyplanAWS

/// DescribeInstances' billing fields and network interfaces; DescribeNetworkInterfaces' filters and attachment owner.
@Suite struct EC2InstanceDetailsTests {
    static let spotWindows = """
        <DescribeInstancesResponse><reservationSet><item><instancesSet><item>
        <instanceId>i-spot</instanceId><instanceType>c5.xlarge</instanceType>
        <instanceState><name>running</name></instanceState>
        <placement><availabilityZone>eu-west-1b</availabilityZone><tenancy>default</tenancy></placement>
        <platform>windows</platform><usageOperation>RunInstances:0002</usageOperation>
        <instanceLifecycle>spot</instanceLifecycle><spotInstanceRequestId>sir-1</spotInstanceRequestId>
        <groupSet><item><groupId>sg-instance</groupId></item></groupSet>
        <networkInterfaceSet>
          <item><networkInterfaceId>eni-primary</networkInterfaceId><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId>
            <description>Primary network interface</description><ownerId>111122223333</ownerId><status>in-use</status>
            <privateIpAddress>10.0.1.5</privateIpAddress><association><publicIp>3.3.3.3</publicIp></association>
            <groupSet><item><groupId>sg-b</groupId></item><item><groupId>sg-a</groupId></item></groupSet>
            <attachment><attachmentId>eni-attach-1</attachmentId><deviceIndex>0</deviceIndex></attachment>
            <interfaceType>interface</interfaceType></item>
          <item><networkInterfaceId>eni-efa</networkInterfaceId><subnetId>subnet-2</subnetId><vpcId>vpc-1</vpcId>
            <status>in-use</status><interfaceType>efa</interfaceType></item>
          <item><subnetId>subnet-3</subnetId></item>
        </networkInterfaceSet>
        </item></instancesSet></item></reservationSet></DescribeInstancesResponse>
        """

    @Test func describeInstancesReadsBillingFieldsAndAttachedInterfaces() async throws {
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, Self.spotWindows) }
        let instance = try #require(try await TestSupport.client(fake).describeInstances().first)
        #expect(instance.usageOperation == "RunInstances:0002" && instance.platform == "windows")
        #expect(instance.instanceLifecycle == "spot" && instance.spotInstanceRequestID == "sir-1")
        #expect(instance.securityGroupIDs == ["sg-instance"], "the interfaces' groups are not the instance's")
        #expect(instance.networkInterfaces.map(\.networkInterfaceID) == ["eni-primary", "eni-efa"])
        let primary = try #require(instance.networkInterfaces.first)
        #expect(primary.attachedInstanceID == "i-spot" && primary.availabilityZone == "eu-west-1b")
        #expect(primary.subnetID == "subnet-1" && primary.vpcID == "vpc-1" && primary.privateIP == "10.0.1.5")
        #expect(primary.publicIP == "3.3.3.3" && primary.securityGroupIDs == ["sg-b", "sg-a"])
        #expect(primary.interfaceType == "interface" && primary.status == "in-use" && primary.tags.isEmpty)
        #expect(instance.networkInterfaces.last?.interfaceType == "efa")
    }

    @Test func onDemandInstanceHasNoLifecycle() async throws {
        let body = """
            <DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>i-1</instanceId>
            <instanceState><name>stopped</name></instanceState><instanceType>t3.micro</instanceType></item>
            </instancesSet></item></reservationSet></DescribeInstancesResponse>
            """
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, body) }
        let instance = try #require(try await TestSupport.client(fake).describeInstances().first)
        #expect(instance.instanceLifecycle == nil && instance.usageOperation == nil && instance.platform == nil)
        #expect(instance.networkInterfaces.isEmpty)
    }

    @Test func describeNetworkInterfacesSendsItsFilterAndReadsTheAttachmentOwner() async throws {
        let body = """
            <DescribeNetworkInterfacesResponse><networkInterfaceSet><item>
            <networkInterfaceId>eni-ws</networkInterfaceId><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId>
            <requesterId>amazon-workspaces</requesterId><requesterManaged>true</requesterManaged>
            <status>in-use</status><interfaceType>interface</interfaceType>
            <attachment><instanceId>i-theirs</instanceId><instanceOwnerId>999988887777</instanceOwnerId></attachment>
            </item></networkInterfaceSet></DescribeNetworkInterfacesResponse>
            """
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, body) }
        let interfaces = try await TestSupport.client(fake).describeNetworkInterfaces(
            EC2Filters(filters: ["requester-managed": ["true"]]))
        let interface = try #require(interfaces.first)
        #expect(interface.attachedInstanceID == "i-theirs" && interface.attachedInstanceOwnerID == "999988887777")
        #expect(interface.requesterID == "amazon-workspaces")
        let form = try #require(fake.requests.first.map(TestSupport.form))
        #expect(form["Action"] == "DescribeNetworkInterfaces")
        #expect(form["Filter.1.Name"] == "requester-managed" && form["Filter.1.Value.1"] == "true")
    }
}

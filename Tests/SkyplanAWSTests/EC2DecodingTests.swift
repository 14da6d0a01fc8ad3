import Foundation
import Testing

@testable import SkyplanAWS

/// Typed EC2 operations decode recorded answers and follow pages.
@Suite struct EC2DecodingTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: "xml"))
        return try Data(contentsOf: url)
    }

    @Test func describeInstancesFollowsNextTokenAndDecodes() async throws {
        let first = try Self.fixture("DescribeInstances-page1")
        let second = """
            <DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>i-2</instanceId>
            <instanceState><name>stopped</name></instanceState><instanceType>t3.micro</instanceType></item>
            </instancesSet></item></reservationSet></DescribeInstancesResponse>
            """
        let fake = FakeHTTPTransport { request, _ in
            let token = TestSupport.form(request)["NextToken"]
            return .response(HTTPResponse(status: 200, body: token == nil ? first : Data(second.utf8)))
        }
        let instances = try await TestSupport.client(fake).describeInstances(
            EC2Filters(filters: ["vpc-id": ["vpc-1"]]))
        #expect(instances.map(\.instanceID) == ["i-1234567890abcdef0", "i-2"])
        let web = try #require(instances.first)
        #expect(web.instanceType == "m5.large" && web.state == "running" && web.availabilityZone == "eu-west-1a")
        #expect(web.securityGroupIDs == ["sg-1"] && web.volumeIDs == ["vol-1"] && web.tags == ["Name": "web-1"])
        #expect(web.publicIP == "54.194.252.215" && web.platformDetails == "Linux/UNIX")
        let forms = fake.requests.map(TestSupport.form)
        #expect(forms.map { $0["NextToken"] } == [nil, "page-2"])
        #expect(forms.allSatisfy { $0["Filter.1.Name"] == "vpc-id" && $0["Filter.1.Value.1"] == "vpc-1" })
    }

    @Test func describeRouteTablesReadsRoutesAndMainAssociation() async throws {
        let body = """
            <DescribeRouteTablesResponse><routeTableSet><item><routeTableId>rtb-1</routeTableId><vpcId>vpc-1</vpcId>
            <routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId>
            <state>active</state></item><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock>
            <natGatewayId>nat-1</natGatewayId><state>active</state></item><item>
            <destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock><egressOnlyInternetGatewayId>eigw-1
            </egressOnlyInternetGatewayId></item></routeSet><associationSet><item><main>true</main></item><item>
            <subnetId>subnet-2</subnetId><main>false</main></item></associationSet></item></routeTableSet>
            </DescribeRouteTablesResponse>
            """
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, body) }
        let tables = try await TestSupport.client(fake).describeRouteTables()
        let table = try #require(tables.first)
        #expect(table.routes.map(\.natGatewayID) == [nil, "nat-1", nil])
        #expect(table.routes.last?.egressOnlyInternetGatewayID == "eigw-1")
        #expect(table.associations.map(\.main) == [true, false])
        #expect(table.associations.last?.subnetID == "subnet-2")
    }
}

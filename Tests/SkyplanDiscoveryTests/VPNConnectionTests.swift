import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// Site-to-Site VPN connections link their gateways; transit gateway peerings link the two gateways across regions
/// and accounts, once however many sides are scanned. Canned EC2 answers, no moto.
@Suite struct VPNConnectionTests {
    static let account = "111122223333"
    static let peer = "444455556666"
    let context = CollectorContext(accountID: account, region: "eu-west-1")

    static let connections = """
        <DescribeVpnConnectionsResponse><vpnConnectionSet>
        <item><vpnConnectionId>vpn-1</vpnConnectionId><state>available</state><type>ipsec.1</type>
        <customerGatewayId>cgw-1</customerGatewayId><vpnGatewayId>vgw-1</vpnGatewayId>
        <tagSet><item><key>Name</key><value>office</value></item></tagSet></item>
        <item><vpnConnectionId>vpn-2</vpnConnectionId><state>pending</state><type>ipsec.1</type>
        <customerGatewayId>cgw-1</customerGatewayId><transitGatewayId>tgw-eu</transitGatewayId></item>
        <item><vpnConnectionId>vpn-old</vpnConnectionId><state>deleted</state><type>ipsec.1</type>
        <customerGatewayId>cgw-1</customerGatewayId><vpnGatewayId>vgw-1</vpnGatewayId></item>
        </vpnConnectionSet></DescribeVpnConnectionsResponse>
        """

    static let peerings = """
        <R><transitGatewayPeeringAttachments>
        <item><transitGatewayAttachmentId>tgw-attach-p</transitGatewayAttachmentId><state>available</state>
        <requesterTgwInfo><transitGatewayId>tgw-us</transitGatewayId><ownerId>\(peer)</ownerId>
        <region>us-east-1</region></requesterTgwInfo>
        <accepterTgwInfo><transitGatewayId>tgw-eu</transitGatewayId><ownerId>\(account)</ownerId>
        <region>eu-west-1</region></accepterTgwInfo></item>
        <item><transitGatewayAttachmentId>tgw-attach-vpc</transitGatewayAttachmentId><state>available</state></item>
        </transitGatewayPeeringAttachments></R>
        """

    static func fakeEC2() -> FakeHTTPTransport {
        FakeHTTPTransport { request, _ in
            let body: String
            switch EC2InstanceInterfacesTests.form(request)["Action"] {
            case "DescribeVpnConnections": body = connections
            case "DescribeTransitGatewayPeeringAttachments": body = peerings
            case "DescribeVpnGateways":
                body =
                    "<R><vpnGatewaySet><item><vpnGatewayId>vgw-1</vpnGatewayId><state>available</state>"
                    + "</item></vpnGatewaySet></R>"
            case "DescribeCustomerGateways":
                body =
                    "<R><customerGatewaySet><item><customerGatewayId>cgw-1</customerGatewayId>"
                    + "<state>available</state><bgpAsn>65000</bgpAsn></item></customerGatewaySet></R>"
            case "DescribeTransitGateways":
                body =
                    "<R><transitGatewaySet><item><transitGatewayId>tgw-eu</transitGatewayId>"
                    + "<state>available</state></item></transitGatewaySet></R>"
            default: body = "<Response/>"
            }
            return .response(HTTPResponse(status: 200, body: Data(body.utf8)))
        }
    }

    @Test func liveConnectionsAreResourcesLinkedToBothGatewaysAndDeletedOnesAreSkipped() async throws {
        let output = try await NetworkCollector(client: EC2InstanceInterfacesTests.client(Self.fakeEC2()))
            .collect(context)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let connections = output.resources.filter { $0.type == .vpnConnection }
        #expect(connections.map(\.resourceID).sorted() == ["vpn-1", "vpn-2"])
        let office = try #require(connections.first { $0.resourceID == "vpn-1" })
        #expect(office.arn == context.arn("ec2", "vpn-connection", "vpn-1"))
        #expect(office.tags == ["Name": "office"] && office.config["connectionType"] == "ipsec.1")
        let links = Set(
            output.relationships.filter { $0.from.contains(":vpn-connection/") }.map { "\($0.from) \($0.to)" })
        let vpn1 = context.arn("ec2", "vpn-connection", "vpn-1")
        let vpn2 = context.arn("ec2", "vpn-connection", "vpn-2")
        let cgw = context.arn("ec2", "customer-gateway", "cgw-1")
        #expect(
            links == [
                "\(vpn1) \(context.arn("ec2", "vpn-gateway", "vgw-1"))", "\(vpn1) \(cgw)",
                "\(vpn2) \(context.arn("ec2", "transit-gateway", "tgw-eu"))", "\(vpn2) \(cgw)",
            ])
        // The connections carry their own hours: the gateway no longer assumes one.
        let gateway = try #require(output.resources.first { $0.type == .vpnGateway })
        #expect(gateway.config["vpnConnections"] == 0)
    }

    @Test func aTransitGatewayPeeringLinksRequesterToAccepterAcrossRegionsAndAccounts() async throws {
        let output = try await NetworkCollector(client: EC2InstanceInterfacesTests.client(Self.fakeEC2()))
            .collect(context)
        let peerings = output.relationships.filter { $0.evidence.hasPrefix("ec2:DescribeTransitGatewayPeering") }
        #expect(
            peerings.map { "\($0.from) \($0.kind.rawValue) \($0.to)" } == [
                "arn:aws:ec2:us-east-1:\(Self.peer):transit-gateway/tgw-us peering "
                    + "arn:aws:ec2:eu-west-1:\(Self.account):transit-gateway/tgw-eu"
            ])
    }

    @Test func bothSidesOfAPeeringStateOneEdgeAndGoneOnesNone() {
        let live = TransitGatewayPeeringAttachment(
            attachmentID: "tgw-attach-1",
            requester: .init(transitGatewayID: "tgw-us", ownerID: Self.account, region: "us-east-1"),
            accepter: .init(transitGatewayID: "tgw-eu", ownerID: Self.peer, region: "eu-west-1"),
            state: "pendingAcceptance")
        var gone = live
        gone.attachmentID = "tgw-attach-0"
        gone.state = "deleted"
        var inventory = Inventory()
        for (account, region) in [(Self.account, "us-east-1"), (Self.peer, "eu-west-1")] {
            var builder = NetworkInventoryBuilder(context: CollectorContext(accountID: account, region: region))
            builder.addTransitGatewayPeerings([live, gone])
            inventory.relationships += builder.output.relationships
        }
        #expect(inventory.relationships.count == 2)
        let linked = InventoryLinker.link(inventory).relationships
        #expect(
            linked.map { "\($0.from) \($0.to)" } == [
                "arn:aws:ec2:us-east-1:\(Self.account):transit-gateway/tgw-us "
                    + "arn:aws:ec2:eu-west-1:\(Self.peer):transit-gateway/tgw-eu"
            ])
    }
}

import SkyplanDiagram
import SkyplanModel
import Testing

/// Transit gateway attachments and VPN connections are drawn as what they are, connections: an edge from each
/// attached VPC's outline to the transit gateway, an edge from the customer gateway to the AWS side of the VPN;
/// the attachment or connection itself is listed (and priced) in the VPC's or gateway's `attachments`.
@Suite("Gateway connections")
struct GatewayConnectionTests {
    static func inventory() -> Inventory {
        typealias R = PlacementTests
        let gateway = R.resource(.transitGateway, "tgw-core")
        let first = R.resource(.transitGatewayAttachment, "tgw-attach-a", placement: Placement(vpcID: "vpc-a"))
        let second = R.resource(.transitGatewayAttachment, "tgw-attach-b", placement: Placement(vpcID: "vpc-b"))
        let vpnAttachment = R.resource(.transitGatewayAttachment, "tgw-attach-vpn", config: ["resourceType": "vpn"])
        let office = R.resource(.customerGateway, "cgw-office")
        let tunnel = R.resource(.vpnConnection, "vpn-office")
        let branch = R.resource(.customerGateway, "cgw-branch")
        let branchTunnel = R.resource(.vpnConnection, "vpn-branch")
        let vgw = R.resource(.vpnGateway, "vgw-b", placement: Placement(vpcID: "vpc-b"))
        func app(_ id: String, _ vpc: String, _ subnet: String) -> Resource {
            R.resource(
                .ec2, id, placement: Placement(vpcID: vpc, subnetIDs: [subnet], availabilityZones: ["eu-west-1a"]))
        }
        let resources = [
            R.resource(.vpc, "vpc-a"), R.resource(.vpc, "vpc-b"),
            R.subnet("subnet-a", vpc: "vpc-a", zone: "eu-west-1a", access: "private"),
            R.subnet("subnet-b", vpc: "vpc-b", zone: "eu-west-1a", access: "private"),
            app("i-a", "vpc-a", "subnet-a"), app("i-b", "vpc-b", "subnet-b"),
            gateway, first, second, vpnAttachment, office, tunnel, branch, branchTunnel, vgw,
        ]
        let relationships = [
            Relationship(from: first.arn, to: gateway.arn, kind: .peering, evidence: "attachment tgw-attach-a"),
            Relationship(from: R.resource(.vpc, "vpc-a").arn, to: first.arn, kind: .peering, evidence: "vpc vpc-a"),
            Relationship(from: second.arn, to: gateway.arn, kind: .peering, evidence: "attachment tgw-attach-b"),
            Relationship(from: R.resource(.vpc, "vpc-b").arn, to: second.arn, kind: .peering, evidence: "vpc vpc-b"),
            Relationship(from: vpnAttachment.arn, to: gateway.arn, kind: .peering, evidence: "attachment vpn"),
            Relationship(from: vpnAttachment.arn, to: tunnel.arn, kind: .peering, evidence: "attachment vpn-office"),
            Relationship(from: tunnel.arn, to: gateway.arn, kind: .peering, evidence: "vpn-office TransitGatewayId"),
            Relationship(from: tunnel.arn, to: office.arn, kind: .peering, evidence: "vpn-office CustomerGatewayId"),
            Relationship(from: branchTunnel.arn, to: vgw.arn, kind: .peering, evidence: "vpn-branch VpnGatewayId"),
            Relationship(
                from: branchTunnel.arn, to: branch.arn, kind: .peering, evidence: "vpn-branch CustomerGatewayId"),
        ]
        return Inventory(resources: resources, relationships: relationships, accountIDs: [PlacementTests.account])
    }

    @Test func aTransitGatewayJoinsTheVPCsItIsAttachedToByEdgesFromTheirOutlines() throws {
        let data = Layout.blueprint(for: Self.inventory())
        let gateway = try #require(PlacementTests.node(data, "tgw-core"))
        #expect(PlacementTests.node(data, "tgw-attach-a") == nil && PlacementTests.node(data, "tgw-attach-b") == nil)
        for (vpc, attachment) in [("vpc-a", "tgw-attach-a"), ("vpc-b", "tgw-attach-b")] {
            let group = try #require(PlacementTests.group(data, vpc))
            let edges = data.edges.filter { Set([$0.from, $0.to]) == [group.id, gateway.id] }
            #expect(edges.count == 1, "\(vpc)")
            #expect(edges.first?.kind == "peering")
            #expect(edges.first?.evidence?.contains(attachment) == true, "\(edges)")
            // The attachment stays listed in its VPC, where the details panel and the budget find it.
            let listed = group.extra["attachments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(listed == [attachment])
        }
        #expect(!data.edges.contains { $0.from == $0.to })
    }

    @Test func aVPNConnectionIsAnEdgeFromTheCustomerGatewayToTheAWSSide() throws {
        let data = Layout.blueprint(for: Self.inventory())
        #expect(PlacementTests.node(data, "vpn-office") == nil && PlacementTests.node(data, "vpn-branch") == nil)
        #expect(PlacementTests.node(data, "tgw-attach-vpn") == nil)
        let gateway = try #require(PlacementTests.node(data, "tgw-core"))
        for (customer, side, connection) in [("cgw-office", gateway, "vpn-office"), ("cgw-branch", nil, "vpn-branch")] {
            let node = try #require(PlacementTests.node(data, customer))
            let aws = try side ?? #require(PlacementTests.node(data, "vgw-b"))
            // Both sides' relationships (the connection's and the gateway's attachment) make one edge, not two.
            let edges = data.edges.filter { Set([$0.from, $0.to]) == [node.id, aws.id] }
            #expect(edges.count == 1, "\(customer)")
            #expect(edges.first?.evidence?.contains(connection) == true)
            let listed = node.extra["attachments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(listed == [connection])
        }
        // The gateway's own VPN attachment is listed with the gateway.
        let attached = gateway.extra["attachments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(attached == ["tgw-attach-vpn"])
    }

    @Test func detailFullDrawsAttachmentsAndConnectionsAsComponents() {
        let full = Layout.blueprint(for: Self.inventory(), options: LayoutOptions(detail: .full))
        for id in ["tgw-attach-a", "tgw-attach-b", "tgw-attach-vpn", "vpn-office", "vpn-branch"] {
            #expect(PlacementTests.node(full, id) != nil, "\(id)")
        }
    }
}

import SkyplanDiagram
import SkyplanModel
import SkyplanRender
import Testing

/// A transit gateway attachment and a VPN connection are drawn as edges (the VPC's outline to the gateway, the
/// customer gateway to the virtual private gateway) that say in the SVG which attachment or connection they are.
@Suite struct GatewayConnectionSVGTests {
    static func ec2(_ type: ComponentType, _ id: String, vpc: String? = nil, subnet: String? = nil) -> Resource {
        Resource(
            arn: "arn:aws:ec2:us-east-1:111111111111:\(type.rawValue)/\(id)", type: type, resourceID: id,
            accountID: "111111111111", region: "us-east-1", name: id,
            placement: Placement(vpcID: vpc, subnetIDs: subnet.map { [$0] } ?? [], availabilityZones: ["us-east-1a"]))
    }

    static var inventory: Inventory {
        let vpc = ec2(.vpc, "vpc-app"), gateway = ec2(.transitGateway, "tgw-hub")
        let attachment = ec2(.transitGatewayAttachment, "tgw-attach-app", vpc: "vpc-app")
        let vgw = ec2(.vpnGateway, "vgw-app", vpc: "vpc-app"), office = ec2(.customerGateway, "cgw-office")
        let tunnel = ec2(.vpnConnection, "vpn-office")
        let resources = [
            vpc, ec2(.subnet, "subnet-app", vpc: "vpc-app"), ec2(.ec2, "i-app", vpc: "vpc-app", subnet: "subnet-app"),
            gateway, attachment, vgw, office, tunnel,
        ]
        return Inventory(
            resources: resources,
            relationships: [
                Relationship(from: attachment.arn, to: gateway.arn, kind: .peering, evidence: "attach tgw-attach-app"),
                Relationship(from: vpc.arn, to: attachment.arn, kind: .peering, evidence: "vpc vpc-app"),
                Relationship(from: tunnel.arn, to: vgw.arn, kind: .peering, evidence: "vpn-office VpnGatewayId"),
                Relationship(
                    from: tunnel.arn, to: office.arn, kind: .peering, evidence: "vpn-office CustomerGatewayId"),
            ], accountIDs: ["111111111111"])
    }

    @Test(arguments: ["isometric", "2d"])
    func attachmentsAndVPNConnectionsAreEdgesWithKindAndEvidence(projection: String) throws {
        let data = Layout.blueprint(for: Self.inventory, options: LayoutOptions(projection: projection))
        let svg = SVGRenderer.render(data)
        #expect(!svg.contains("type-transitgatewayattachment") && !svg.contains("type-vpnconnection"))
        let vpc = try #require(data.groups.first { $0.type == .vpc })
        let tgw = try #require(data.nodes.first { $0.type == .transitGateway })
        let attachment = try #require(
            svg.split(separator: "\n").first { $0.contains("container-edge") && $0.contains(vpc.id) })
        #expect(attachment.contains(tgw.id))
        #expect(attachment.contains("data-kind=\"peering\""))
        #expect(attachment.contains("data-evidence=\"attach tgw-attach-app\""))
        let vgw = try #require(data.nodes.first { $0.type == .vpnGateway })
        let office = try #require(data.nodes.first { $0.type == .customerGateway })
        let vpn = try #require(
            svg.split(separator: "\n").first { $0.contains("class=\"edge\"") && $0.contains(vgw.id) })
        #expect(vpn.contains(office.id) && vpn.contains("data-kind=\"peering\""))
        #expect(vpn.contains("vpn-office VpnGatewayId"))
    }
}

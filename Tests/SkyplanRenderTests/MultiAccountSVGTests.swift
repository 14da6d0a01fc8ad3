import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender
import Testing

/// The SVG of a diagram of several accounts: account outlines, container-ended edges with their evidence, and
/// byte-identical output whatever order the inventory came in.
@Suite struct MultiAccountSVGTests {
    static var inventory: Inventory {
        var inventory = SyntheticInventory.accounts(3, componentsPerRegion: 30)
        let tgw = Resource(
            arn: "arn:aws:ec2:us-east-1:100000000000:transit-gateway/tgw-1", type: .transitGateway,
            resourceID: "tgw-1", accountID: "100000000000", region: "us-east-1", name: "core-tgw")
        inventory.resources.append(tgw)
        let vpc = inventory.resources.first { $0.type == .vpc && $0.accountID == "100000000002" }
        if let vpc {
            inventory.relationships.append(
                Relationship(
                    from: vpc.arn, to: tgw.arn, kind: .peering, evidence: "ec2:DescribeTransitGatewayAttachments vpc"))
        }
        return inventory
    }

    @Test(arguments: ["isometric", "2d"])
    func shuffledInventoryGivesIdenticalSVG(projection: String) {
        let options = LayoutOptions(projection: projection)
        let first = SVGRenderer.render(Layout.blueprint(for: Self.inventory, options: options))
        var random = SeededRandom(seed: 9)
        var shuffled = Self.inventory
        shuffled.resources.shuffle(using: &random)
        shuffled.relationships.shuffle(using: &random)
        #expect(SVGRenderer.render(Layout.blueprint(for: shuffled, options: options)) == first)
    }

    @Test func accountsAreOutlinedAndAVPCToGatewayEdgeCarriesItsEvidence() {
        let svg = SVGRenderer.render(Layout.blueprint(for: Self.inventory, options: LayoutOptions(projection: "2d")))
        #expect(svg.components(separatedBy: "type-account").count - 1 == 3)
        #expect(svg.contains("AWS Account  100000000001"))
        #expect(svg.contains("class=\"edge container-edge\""))
        #expect(svg.contains("data-evidence=\"ec2:DescribeTransitGatewayAttachments vpc\""))
    }
}

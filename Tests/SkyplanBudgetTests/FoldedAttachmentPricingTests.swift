import SkyplanDiagram
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// A volume folded into its instance (`detail=summary`) is still in the budget, in the instance's subnet.
@Suite struct FoldedAttachmentPricingTests {
    @Test func attachmentsOfANodeArePricedWithIt() {
        let volume: JSONValue = .object([
            "type": "ebs", "arn": "arn:aws:ec2:us-east-1:111122223333:volume/vol-1", "name": "data",
            "region": "us-east-1", "volumeType": "gp3", "volumeSize": 100,
        ])
        let instance = BlueprintNode(
            id: "n-web", type: .ec2, region: "us-east-1", mapPos: GridPoint(x: 0, y: 0),
            arn: "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
            extra: ["instanceType": "m5", "instanceSize": "large", "attachments": .array([volume])])
        let subnet = BlueprintGroup(id: "g-sub", type: .subnet, name: "web-a", nodes: ["n-web"])
        let components = PricedComponent.components(
            of: BlueprintData(nodes: [instance], groups: [subnet]))
        #expect(components.map(\.type) == [.ec2, .ebs])
        let priced = components.last
        #expect(priced?.config["volumeType"] == "gp3" && priced?.config["attachments"] == nil)
        #expect(priced?.container.subnet == "web-a" && priced?.region == "us-east-1")
        #expect(components.first?.config["attachments"] == nil)
    }
}

/// A transit gateway attachment folded into its VPC's group is priced in that VPC (it has hourly and data charges).
@Suite struct FoldedGroupAttachmentPricingTests {
    @Test func attachmentsOfAVPCGroupArePricedInTheVPC() {
        let attachment: JSONValue = .object([
            "type": "transitgatewayattachment", "name": "tgw-attach-1", "region": "us-east-1",
            "arn": "arn:aws:ec2:us-east-1:111122223333:transit-gateway-attachment/tgw-attach-1",
        ])
        let vpc = BlueprintGroup(
            id: "g-vpc", type: .vpc, name: "prod", nodes: [], extra: ["attachments": .array([attachment])])
        let components = PricedComponent.components(of: BlueprintData(groups: [vpc]))
        #expect(components.map(\.type) == [.transitGatewayAttachment])
        #expect(components.first?.container.vpc == "prod" && components.first?.container.account == "111122223333")
        #expect(components.first?.region == "us-east-1")
    }
}

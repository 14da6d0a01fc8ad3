import SkyplanModel
import Testing

@testable import SkyplanDiscovery

@Suite struct InventoryLinkerTests {
    let context = CollectorContext(accountID: "111122223333", region: "us-east-1")

    func resource(_ type: ComponentType, _ id: String, _ placement: Placement = Placement()) -> Resource {
        Resource(
            arn: context.arn("ec2", type.rawValue, id), type: type, resourceID: id,
            accountID: context.accountID, region: context.region, placement: placement)
    }

    var base: [Resource] {
        [
            resource(.vpc, "vpc-real"),
            resource(.subnet, "subnet-a", Placement(vpcID: "vpc-real", availabilityZones: ["us-east-1a"])),
            resource(.subnet, "subnet-b", Placement(vpcID: "vpc-real", availabilityZones: ["us-east-1b"])),
        ]
    }

    @Test func lambdaTakesItsVPCAndZonesFromItsSubnetsNotFromTheAPI() throws {
        let lambda = resource(.lambda, "fn", Placement(vpcID: "vpc-123abc", subnetIDs: ["subnet-b", "subnet-a"]))
        let linked = InventoryLinker.link(Inventory(resources: base + [lambda]))
        let found = try #require(linked.resources.first { $0.type == .lambda })
        #expect(found.placement.vpcID == "vpc-real")
        #expect(found.placement.availabilityZones == ["us-east-1a", "us-east-1b"])
        let contains = linked.relationships.filter { $0.to == lambda.arn && $0.kind == .contains }
        #expect(Set(contains.map(\.from)) == [base[1].arn, base[2].arn])
    }

    @Test func vpcContainsSubnetsAndSubnetLessResources() {
        let sg = resource(.securityGroup, "sg-1", Placement(vpcID: "vpc-real"))
        let linked = InventoryLinker.link(Inventory(resources: base + [sg]))
        let fromVPC = linked.relationships.filter { $0.from == base[0].arn }.map(\.to)
        #expect(Set(fromVPC) == [base[1].arn, base[2].arn, sg.arn])
    }

    @Test func groupContainsItsMembersOnlyWhenTheGroupWasFound() {
        let asg = Resource(
            arn: "arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:x:autoScalingGroupName/web",
            type: .autoScalingGroup, resourceID: "web", accountID: "111122223333", region: "us-east-1")
        let member = resource(.ec2, "i-1", Placement(groupARN: asg.arn))
        let orphan = resource(.ec2, "i-2", Placement(groupARN: "arn:aws:autoscaling:us-east-1:111122223333:gone"))
        let linked = InventoryLinker.link(Inventory(resources: [asg, member, orphan]))
        #expect(linked.relationships.map(\.to) == [member.arn])
    }

    @Test func sameInventoryInAnyOrderLinksTheSame() {
        let items = base + [resource(.ec2, "i-1", Placement(subnetIDs: ["subnet-a"]))]
        #expect(
            InventoryLinker.link(Inventory(resources: items))
                == InventoryLinker.link(Inventory(resources: items.reversed())))
    }
}

import SkyplanDiagram
import SkyplanModel
import Testing

/// A component in several security groups: a group whose members (in the subnet) all belong to a bigger one is
/// outlined inside it, so each member is inside every one of its groups' outlines; groups whose members cross
/// cannot nest, and the component names the group it is not drawn in. Either way, one outline per group per subnet.
@Suite("Security group nesting")
struct SecurityGroupNestingTests {
    static func inventory(_ membership: [String: [String]]) -> Inventory {
        typealias R = PlacementTests
        var resources = [
            R.resource(.vpc, "vpc-1"), R.subnet("subnet-a", vpc: "vpc-1", zone: "eu-west-1a", access: "private"),
        ]
        for group in Set(membership.values.flatMap { $0 }).sorted() {
            var sg = R.resource(.securityGroup, group, placement: Placement(vpcID: "vpc-1"))
            sg.name = group + "-name"
            resources.append(sg)
        }
        for (instance, groups) in membership.sorted(by: { $0.key < $1.key }) {
            resources.append(
                R.resource(
                    .ec2, instance,
                    placement: Placement(
                        vpcID: "vpc-1", subnetIDs: ["subnet-a"], availabilityZones: ["eu-west-1a"],
                        securityGroupIDs: groups)))
        }
        return Inventory(resources: resources, relationships: [], accountIDs: [PlacementTests.account])
    }

    static func inside(_ node: BlueprintNode, _ group: BlueprintGroup) -> Bool {
        guard let position = group.mapPos, let size = group.mapSize, let nodeSize = node.mapSize
        else { return false }
        return node.mapPos.x >= position.x && node.mapPos.y >= position.y
            && node.mapPos.x + nodeSize.x <= position.x + size.x
            && node.mapPos.y + nodeSize.y <= position.y + size.y
    }

    @Test(arguments: ["isometric", "2d"])
    func aGroupWhoseMembersAllBelongToAnotherIsOutlinedInsideIt(projection: String) throws {
        // admin's members are a subset of web's: admin is drawn inside web.
        let data = Layout.blueprint(
            for: Self.inventory(["i-1": ["sg-web", "sg-admin"], "i-2": ["sg-admin", "sg-web"], "i-3": ["sg-web"]]),
            options: LayoutOptions(projection: projection))
        let web = data.groups.filter { $0.name == "sg-web-name" }
        let admin = data.groups.filter { $0.name == "sg-admin-name" }
        #expect(web.count == 1 && admin.count == 1)
        let outer = try #require(web.first), inner = try #require(admin.first)
        #expect(outer.nodes.contains(inner.id))
        for id in ["i-1", "i-2"] {
            let node = try #require(PlacementTests.node(data, id))
            #expect(Self.inside(node, inner) && Self.inside(node, outer), "\(id)")
            #expect(node.extra["alsoInSecurityGroups"] == nil)
        }
        let loner = try #require(PlacementTests.node(data, "i-3"))
        #expect(Self.inside(loner, outer) && !Self.inside(loner, inner))
    }

    @Test func groupsWhoseMembersCrossAreEachOutlinedOnceAndTheSharedMemberNamesTheOther() throws {
        let data = Layout.blueprint(
            for: Self.inventory(["i-1": ["sg-a"], "i-2": ["sg-b", "sg-a"], "i-3": ["sg-b"], "i-4": ["sg-b"]]))
        let a = data.groups.filter { $0.name == "sg-a-name" }
        let b = data.groups.filter { $0.name == "sg-b-name" }
        #expect(a.count == 1 && b.count == 1)
        // b has more members in the subnet: the shared instance is drawn in b and names a.
        let shared = try #require(PlacementTests.node(data, "i-2"))
        #expect(Self.inside(shared, try #require(b.first)))
        #expect(shared.extra["alsoInSecurityGroups"] == .array(["sg-a-name"]))
        let alone = try #require(PlacementTests.node(data, "i-1"))
        #expect(Self.inside(alone, try #require(a.first)))
    }
}

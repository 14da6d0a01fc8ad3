import SkyplanDiagram
import SkyplanModel
import SkyplanRender
import Testing

/// A component drawn in one security group's outline but also in another (whose members cross) says so in the SVG.
@Suite struct AlsoInGroupSVGTests {
    @Test func theComponentNamesTheGroupsItIsNotDrawnIn() {
        let node = BlueprintNode(
            id: "n-1", type: .ec2, region: "us-east-1", mapPos: GridPoint(x: 1, y: 1), name: "web-1",
            extra: ["alsoInSecurityGroups": .array(["admin", "ssh"])])
        let svg = SVGRenderer.render(BlueprintData(nodes: [node]))
        #expect(svg.contains("data-also-in=\"admin ssh\""))
        #expect(svg.contains("<title>web-1 (also in security group admin, ssh)</title>"))
        let plain = SVGRenderer.render(
            BlueprintData(nodes: [
                BlueprintNode(id: "n-2", type: .ec2, region: "us-east-1", mapPos: GridPoint(x: 0, y: 0))
            ]))
        #expect(!plain.contains("data-also-in"))
    }
}

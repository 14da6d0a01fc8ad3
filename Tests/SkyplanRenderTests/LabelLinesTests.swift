import SkyplanDiagram
import Testing

@testable import SkyplanRender

@Suite("Label lines")
struct LabelLinesTests {
    @Test func namesBreakAtASeparatorAndAreCutOnlyPastTwentyEightCharacters() {
        #expect(LabelLines.lines("web-alb") == ["web-alb"])
        #expect(LabelLines.lines("skyplan-demo-assets", perLine: 15) == ["skyplan-", "demo-assets"])
        let long = "a-very-long-function-name-for-orders-and-more"
        let lines = LabelLines.lines(long, perLine: 15)
        #expect(lines.count == 2 && lines.allSatisfy { $0.count <= 15 })
        #expect(lines.joined().count == 28 && lines.joined().hasSuffix("…"))
        #expect(
            LabelLines.lines(String(repeating: "x", count: 28), perLine: 15).joined()
                == String(repeating: "x", count: 28))
        #expect(LabelLines.zones(["us-east-1a", "us-east-1b"]) == "AZ 1a · 1b")
    }

    @Test func theFullNameIsTheComponentsTitle() {
        let name = "an-extraordinarily-long-instance-name-in-production"
        var data = Layout.blueprint(for: RenderFixtures.webApp())
        data.nodes[0].name = name
        let svg = SVGRenderer.render(data, options: RenderOptions())
        #expect(svg.contains("<title>\(name)</title>"))
        #expect(!svg.contains(">\(name)</text>"))
    }
}

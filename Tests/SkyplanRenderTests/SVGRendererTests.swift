import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("SVG renderer")
struct SVGRendererTests {
    @Test(arguments: [
        ("webapp-isometric-light.svg", RenderOptions(projection: .isometric, theme: .light)),
        ("webapp-isometric-dark-grid.svg", RenderOptions(projection: .isometric, theme: .dark, grid: true)),
        ("webapp-2d-light-grid.svg", RenderOptions(projection: .twoD, theme: .light, grid: true)),
        ("webapp-2d-dark-transparent.svg", RenderOptions(projection: .twoD, theme: .dark, transparent: true)),
    ])
    func matchesGoldenFiles(name: String, options: RenderOptions) throws {
        try RenderFixtures.assertGolden(SVGRenderer.render(RenderFixtures.blueprint(), options: options), name)
    }

    @Test func startsWithTheExactHeaderAndCarriesTheOverlayMarkers() throws {
        let data = RenderFixtures.blueprint()
        let svg = SVGRenderer.render(data, options: RenderOptions(grid: true))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" standalone=\"no\"?>\n<!DOCTYPE svg"))
        #expect(svg.contains("<g id=\"interactionLayer\" fill=\"none\">"))
        #expect(svg.contains("<pattern id=\"gridPatternMajor\""))
        #expect(svg.contains("fill=\"url(#gridPatternMajor)\""))
        let instance = try #require(data.nodes.first { $0.type == .ec2 })
        let marker = "<g id=\"c-\(instance.id)\" class=\"component type-ec2\" data-arn=\"\(instance.arn ?? "")\""
        #expect(svg.contains(marker))
        #expect(!SVGRenderer.render(data, options: RenderOptions(grid: false)).contains("url(#gridPatternMajor)"))
    }

    @Test func isWellFormedXMLInEveryVariant() {
        let data = RenderFixtures.blueprint()
        for projection in RenderOptions.Projection.allCases {
            for theme in RenderOptions.Theme.allCases {
                let svg = SVGRenderer.render(
                    data, options: RenderOptions(projection: projection, theme: theme, grid: true))
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "\(projection) \(theme): \(String(describing: parser.parserError))")
            }
        }
    }

    @Test func widthAndHeightFollowTheOptions() {
        let data = RenderFixtures.blueprint()
        let both = SVGRenderer.render(data, options: RenderOptions(width: 800, height: 600))
        #expect(both.contains("width=\"800\" height=\"600\""))
        let widthOnly = SVGRenderer.render(data, options: RenderOptions(width: 1000))
        #expect(widthOnly.contains("width=\"1000\" height=\""))
        let natural = SVGRenderer.render(data, options: RenderOptions(scale: 1))
        let doubled = SVGRenderer.render(data, options: RenderOptions(scale: 2))
        #expect(abs(Self.width(of: doubled) - 2 * Self.width(of: natural)) < 0.05)
    }

    @Test func rejectsImpossibleOptionsNamingTheParameter() {
        #expect { try RenderOptions(width: -5).validate() } throws: { ($0 as? RenderError)?.parameter == "width" }
        #expect { try RenderOptions(height: 0).validate() } throws: { ($0 as? RenderError)?.parameter == "height" }
        #expect { try RenderOptions(scale: .nan).validate() } throws: { ($0 as? RenderError)?.parameter == "scale" }
        #expect(throws: Never.self) { try RenderOptions(scale: 2, width: 800).validate() }
    }

    @Test func aggregatedNodesShowTheirCountAndTheDiagramSaysSo() throws {
        let inventory = SyntheticInventory.make(components: 600, seed: 8)
        let data = Layout.blueprint(for: inventory, options: LayoutOptions(aggregateAbove: 4))
        let aggregate = try #require(data.nodes.first { $0.count != nil })
        for projection in RenderOptions.Projection.allCases {
            let svg = SVGRenderer.render(data, options: RenderOptions(projection: projection))
            #expect(
                svg.contains("id=\"c-\(aggregate.id)\" class=\"component type-\(aggregate.type.rawValue)\" data-count=")
            )
            #expect(svg.contains("Level of detail:"))
        }
    }

    static func width(of svg: String) -> Double {
        guard let range = svg.range(of: "<svg ") else { return 0 }
        let tail = svg[range.upperBound...]
        guard let start = tail.range(of: "width=\"") else { return 0 }
        return Double(tail[start.upperBound...].prefix { $0 != "\"" }) ?? 0
    }

    @Test func darkThemeKeepsHuesOnADarkGround() {
        let data = RenderFixtures.blueprint()
        let dark = SVGRenderer.render(data, options: RenderOptions(theme: .dark))
        #expect(dark.contains("fill=\"#161D26\""))
        #expect(dark.contains("#ED7100"))
        let transparent = SVGRenderer.render(data, options: RenderOptions(transparent: true))
        #expect(!transparent.contains("id=\"background\""))
    }

    @Test func labelsFollowTheLabelSwitch() {
        var data = RenderFixtures.blueprint()
        #expect(SVGRenderer.render(data).contains(">orders-db</text>"))
        data.liveOptions.autoLabel = false
        #expect(!SVGRenderer.render(data).contains(">orders-db</text>"))
    }

    @Test func edgesPointInTheDirectionOfDataFlow() throws {
        let data = RenderFixtures.blueprint()
        let alb = try #require(data.nodes.first { $0.type == .elb })
        let svg = SVGRenderer.render(data)
        #expect(svg.contains("data-from=\"\(alb.id)\""))
        #expect(!svg.contains("data-to=\"\(alb.id)\" d=") || data.edges.contains { $0.to == alb.id })
        #expect(svg.contains("marker-end=\"url(#arrow)\""))
    }
}

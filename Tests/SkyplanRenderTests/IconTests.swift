import SkyplanDiagram
import SkyplanModel
import Testing

@testable import SkyplanRender

/// Every component type has a pictogram of its own and a model in both projections.
@Suite("Icons")
struct IconTests {
    @Test func everyTypeHasADistinctPictogram() {
        let paths = ComponentType.known.map { Pictogram.paths[$0.rawValue] }
        #expect(paths.allSatisfy { $0 != nil }, "\(ComponentType.known.filter { Pictogram.paths[$0.rawValue] == nil })")
        #expect(Set(paths.compactMap { $0 }).count == ComponentType.known.count)
    }

    @Test func modelsFollowTheKind() {
        #expect(Silhouette(.rds) == .cylinder && Silhouette(.dynamoDB) == .cylinder)
        #expect(Silhouette(.s3) == .bucket && Silhouette(.sqs) == .tile && Silhouette(.natGateway) == .slab)
        #expect(Silhouette(.cloudFront) == .prism && Silhouette(.ec2) == .block)
        let small = BlueprintNode(
            id: "a", type: .ec2, mapPos: GridPoint(x: 0, y: 0), extra: ["instanceSize": "micro"])
        var large = small
        large.extra["instanceSize"] = "4xlarge"
        #expect(Silhouette.block.height(small) < Silhouette.block.height(large))
    }

    @Test(arguments: [
        ("icons-isometric-light.svg", RenderOptions(projection: .isometric, theme: .light)),
        ("icons-2d-dark.svg", RenderOptions(projection: .twoD, theme: .dark)),
    ])
    func everyFamilyMatchesItsGoldenFile(name: String, options: RenderOptions) throws {
        let svg = SVGRenderer.render(IconSheet.blueprint(), options: options)
        for type in IconSheet.types {
            #expect(svg.contains("<use href=\"#p-\(type.rawValue)\""), "\(type.rawValue)")
            #expect(svg.contains("<g id=\"p-\(type.rawValue)\""), "\(type.rawValue)")
        }
        try RenderFixtures.assertGolden(svg, name)
    }
}

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

@Suite("Peering drawing")
struct PeeringDrawingTests {
    static func data(accepter: String?) -> BlueprintData {
        var connection: [String: JSONValue] = [
            "id": "p1", "name": "prod-staging", "accepterVpc": "vpc-2", "accepterRegion": "eu-west-1",
        ]
        connection["accepterId"] = accepter.map(JSONValue.string) ?? .null
        let first = BlueprintGroup(
            id: "g1", type: .vpc, name: "prod", mapPos: GridPoint(x: 0, y: 0), mapSize: GridPoint(x: 20, y: 10),
            extra: ["peeringConnections": .array([.object(connection)])])
        let second = BlueprintGroup(
            id: "g2", type: .vpc, name: "staging", mapPos: GridPoint(x: 30, y: 0), mapSize: GridPoint(x: 20, y: 10))
        return BlueprintData(groups: [first, second])
    }

    @Test(arguments: RenderOptions.Projection.allCases)
    func peeredVPCsAreJoinedByALineOrNamedWhenTheOtherIsElsewhere(projection: RenderOptions.Projection) {
        let joined = SVGRenderer.render(Self.data(accepter: "g2"), options: RenderOptions(projection: projection))
        #expect(joined.contains("class=\"peering\"") && joined.contains("⇄ prod-staging"))
        let away = SVGRenderer.render(Self.data(accepter: nil), options: RenderOptions(projection: projection))
        #expect(!away.contains("class=\"peering\"") && away.contains("⇄ prod-staging: vpc-2 (eu-west-1)"))
    }
}

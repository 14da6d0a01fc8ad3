import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

/// Every drawn connection says why it exists: the kind and the API evidence of the relationships behind it,
/// kept in the blueprint JSON beside Cloudcraft's edge fields.
@Suite("Edge evidence")
struct EdgeEvidenceTests {
    @Test func edgesCarryTheKindAndEvidenceOfTheirRelationships() throws {
        let folded = try #require(Layout.blueprint(for: PlacementTests.inventory()).edges.first)
        // The target group folds into the load balancer: its connection to the instance becomes the balancer's.
        #expect(folded.kind == "targets" && folded.evidence == "target")
        // Two relationships behind one edge: the first one's kind, both evidences.
        var inventory = PlacementTests.inventory()
        let balancer = try #require(inventory.resources.first { $0.resourceID == "alb" })
        let instance = try #require(inventory.resources.first { $0.resourceID == "i-web" })
        inventory.relationships.append(
            Relationship(from: balancer.arn, to: instance.arn, kind: .routes, evidence: "direct"))
        let data = Layout.blueprint(for: inventory)
        #expect(data.edges.count == 1)
        let edge = try #require(data.edges.first)
        #expect(edge.kind == "routes")
        #expect(Set(edge.evidence?.components(separatedBy: "; ") ?? []) == ["direct", "target"])
        let full = Layout.blueprint(for: PlacementTests.inventory(), options: LayoutOptions(detail: .full))
        #expect(full.edges.count == 4)
        #expect(full.edges.allSatisfy { $0.kind != nil && $0.evidence?.contains(";") == false })
    }

    @Test func evidenceSurvivesTheJSONBesideCloudcraftsFields() throws {
        let data = Layout.blueprint(for: PlacementTests.inventory())
        let json = try JSONEncoder().encode(data)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let edge = try #require((object["edges"] as? [[String: Any]])?.first)
        for field in ["from", "to", "type", "width", "dashed", "endCap"] { #expect(edge[field] != nil, "\(field)") }
        #expect(edge["kind"] as? String == "targets")
        #expect((edge["evidence"] as? String)?.isEmpty == false)
        let decoded = try JSONDecoder().decode(BlueprintData.self, from: json)
        #expect(decoded.edges == data.edges)
    }
}

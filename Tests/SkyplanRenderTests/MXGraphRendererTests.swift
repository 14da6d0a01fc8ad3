import Foundation
import SkyplanDiagram
import SkyplanRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects mxCell attributes.
final class CellCollector: NSObject, XMLParserDelegate {
    var cells: [[String: String]] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "mxCell" { cells.append(attributes) }
    }
}

@Suite("mxGraph (draw.io) export")
struct MXGraphRendererTests {
    static func cells(_ xml: String) throws -> [[String: String]] {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = CellCollector()
        parser.delegate = collector
        try #require(parser.parse(), "not XML: \(String(describing: parser.parserError))")
        return collector.cells
    }

    @Test func groupsAreContainersAndEdgesAreAttached() throws {
        let data = RenderFixtures.blueprint()
        let xml = MXGraphRenderer.render(data)
        #expect(xml.contains("<mxGraphModel"))
        let cells = try Self.cells(xml)
        let byID = Dictionary(
            cells.compactMap { cell in cell["id"].map { ($0, cell) } }, uniquingKeysWith: { a, _ in a })
        #expect(byID.count == cells.count, "ids are unique")
        var seen = Set<String>()
        for cell in cells {
            let id = cell["id"] ?? ""
            if let parent = cell["parent"] {
                #expect(seen.contains(parent), "\(id)'s parent \(parent) comes first")
            }
            seen.insert(id)
        }
        let containers = cells.filter { $0["style"]?.contains("container=1") == true }
        #expect(containers.count == data.groups.count + data.surfaces.count)
        let instance = try #require(data.nodes.first { $0.type == .ec2 })
        let vertex = try #require(byID[instance.id])
        let parent = try #require(vertex["parent"])
        #expect(byID[parent]?["value"]?.hasPrefix("Auto Scaling group") == true)
        let edges = cells.filter { $0["edge"] == "1" }
        #expect(edges.count == data.edges.count)
        for edge in edges {
            #expect(byID[edge["source"] ?? ""]?["vertex"] == "1")
            #expect(byID[edge["target"] ?? ""]?["vertex"] == "1")
        }
    }

    @Test func childGeometryIsRelativeToItsContainer() throws {
        let data = RenderFixtures.blueprint()
        let cells = try Self.cells(MXGraphRenderer.render(data))
        let database = try #require(data.nodes.first { $0.type == .rds })
        let cell = try #require(cells.first { $0["id"] == database.id })
        #expect(cell["parent"] != "1")
        #expect(MXGraphRenderer.render(data) == MXGraphRenderer.render(data))
    }
}

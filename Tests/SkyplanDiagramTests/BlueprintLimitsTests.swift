import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

/// Input that once trapped the process or reached the exports as markup is refused when a blueprint is
/// read, with an error naming the field; a stored record from before is still read back (unchecked).
@Suite("Blueprint limits")
struct BlueprintLimitsTests {
    /// A small valid document with one field replaced by `patch` (a JSON fragment for `key` of the
    /// first node, or of the document when `node` is false).
    static func document(node: Bool = true, _ key: String, _ value: String) -> String {
        let nodeFields = node ? ",\"\(key)\":\(value)" : ""
        let dataFields = node ? "" : ",\"\(key)\":\(value)"
        return """
            {"name":"x"\(dataFields),"nodes":[{"type":"ec2","id":"n1","mapPos":[0,0]\(nodeFields)},
             {"type":"rds","id":"n2","mapPos":[4,0]}],"edges":[{"from":"n1","to":"n2"}]}
            """
    }

    struct Case: Sendable, CustomStringConvertible {
        let json: String
        let field: String
        var description: String { field }
    }

    static let refused: [Case] = [
        Case(json: document(node: false, "version", "1e19"), field: "version"),
        Case(json: document(node: false, "version", "1e300"), field: "version"),
        Case(json: document(node: false, "version", "-1e300"), field: "version"),
        Case(json: document(node: false, "version", "4.5"), field: "version"),
        Case(json: document("count", "1e300"), field: "nodes[0].count"),
        Case(json: document("count", "-1"), field: "nodes[0].count"),
        Case(json: document("breakdown", #"{"m5.large":1e300}"#), field: "nodes[0].breakdown.m5.large"),
        Case(json: document("mapSize", "[1e17,1]"), field: "nodes[0].mapSize[0]"),
        Case(json: document("mapSize", "[1,-2]"), field: "nodes[0].mapSize[1]"),
        Case(json: document("dataGb", "1e300"), field: "nodes[0].dataGb"),
        Case(
            json: document("billingOptions", #"{"utilization":-1e300}"#), field: "nodes[0].billingOptions.utilization"),
        Case(
            json: document("color", ##"{"isometric":"red\" onload=\"x","2d":"#ffffff"}"##),
            field: "nodes[0].color.isometric"),
        Case(json: document("color", ##"{"isometric":"#ffffff","2d":"<script>"}"##), field: "nodes[0].color.2d"),
        Case(
            json: #"{"nodes":[{"type":"ec2","id":"<script>alert(1)</script>","mapPos":[0,0]}]}"#, field: "nodes[0].id"),
        Case(json: #"{"nodes":[{"type":"ec2","id":"a id=x","mapPos":[0,0]}]}"#, field: "nodes[0].id"),
        Case(json: #"{"nodes":[{"type":"ec2","id":"","mapPos":[0,0]}]}"#, field: "nodes[0].id"),
        Case(
            json: #"{"nodes":[{"type":"ec2","id":"\#(String(repeating: "a", count: 129))","mapPos":[0,0]}]}"#,
            field: "nodes[0].id"),
        Case(json: #"{"nodes":[{"type":"ec2","id":"n\u0000","mapPos":[0,0]}]}"#, field: "nodes[0].id"),
        Case(json: #"{"nodes":[{"type":"ec2","id":"n1","mapPos":[1e17,0]}]}"#, field: "nodes[0].mapPos[0]"),
        Case(json: #"{"nodes":[{"type":"ec2","id":"n1","mapPos":[0,-1e300]}]}"#, field: "nodes[0].mapPos[1]"),
        Case(json: #"{"groups":[{"type":"vpc","id":"g<b>","nodes":[]}]}"#, field: "groups[0].id"),
        Case(json: #"{"groups":[{"type":"vpc","id":"g1","nodes":["<i>"]}]}"#, field: "groups[0].nodes[0]"),
        Case(json: #"{"groups":[{"type":"vpc","id":"g1","color":"javascript:x"}]}"#, field: "groups[0].color"),
        Case(
            json: #"{"surfaces":[{"type":"zone","id":"z'1","mapPos":[0,0],"mapSize":[1,1]}]}"#, field: "surfaces[0].id"),
        Case(
            json: #"{"surfaces":[{"type":"zone","id":"z1","mapPos":[0,0],"mapSize":[1e15,1]}]}"#,
            field: "surfaces[0].mapSize[0]"),
        Case(json: #"{"text":[{"id":"t\"1","text":"ok"}]}"#, field: "text[0].id"),
        Case(json: #"{"text":[{"id":"t1","text":"ok","textSize":1e300}]}"#, field: "text[0].textSize"),
        Case(
            json: #"{"nodes":[{"type":"ec2","id":"n1","mapPos":[0,0]}],"edges":[{"id":"e<","from":"n1","to":"n1"}]}"#,
            field: "edges[0].id"),
        Case(
            json:
                #"{"nodes":[{"type":"ec2","id":"n1","mapPos":[0,0]}],"edges":[{"from":"n1","to":"n1","width":1e300}]}"#,
            field: "edges[0].width"),
        Case(
            json: #"{"extra":\#(String(repeating: "[", count: 40))\#(String(repeating: "]", count: 40))}"#,
            field: "extra"),
    ]

    @Test(arguments: refused)
    func refusesNamingTheField(_ item: Case) throws {
        do {
            _ = try BlueprintData.decode(Data(item.json.utf8))
            Issue.record("accepted \(item.json)")
        } catch {
            #expect(error.field.hasPrefix(item.field), "\(error)")
        }
    }

    /// What Cloudcraft and Skyplan write stays accepted: UUIDs, short ids, `i-0abc`, `#rgb` and `#rrggbb`.
    @Test func acceptsCloudcraftIDsAndColours() throws {
        let id = StableID.uuid("node:x")
        let json = """
            {"version":4,"nodes":[{"type":"ec2","id":"\(id)","mapPos":[-12.5,1000000],"mapSize":[2,2],
              "color":{"isometric":"#ED7100","2d":"#fff"},"count":48,"breakdown":{"m5.large":40,"t3.micro":8}},
             {"type":"rds","id":"i-0abc_1.x:y","mapPos":[0,0]}],
             "edges":[{"id":"e1","from":"\(id)","to":"i-0abc_1.x:y","color":"#000"}],
             "surfaces":[{"type":"zone","id":"z1","mapPos":[0,0],"mapSize":[10,8],"color":"#fff"}]}
            """
        let data = try BlueprintData.decode(Data(json.utf8))
        #expect(data.nodes[0].count == 48)
        #expect(data.nodes[0].breakdown?["m5.large"] == 40)
        #expect(data.nodes[0].color == NodeColor(isometric: "#ED7100", twoD: "#fff"))
    }

    /// A record stored before the checks is read back without them, and without trapping.
    @Test func storedRecordsAreReadBackUnchecked() throws {
        let json = #"""
            {"version":1e300,"nodes":[{"type":"ec2","id":"<script>","mapPos":[1e300,0],"count":1e300,
              "breakdown":{"a":-1e300}}]}
            """#
        #expect(throws: BlueprintError.self) { try BlueprintData.decode(Data(json.utf8)) }
        let data = try BlueprintData.decode(Data(json.utf8), checking: false)
        #expect(data.version == .max)
        #expect(data.nodes[0].count == .max)
        #expect(data.nodes[0].breakdown?["a"] == .min)
        #expect(data.nodes[0].id == "<script>")
    }

    @Test func idsAndColours() {
        #expect(BlueprintLimits.isID("8bfc6773-7fa2-49b3-8016-5e0e9a2e2aff"))
        #expect(!BlueprintLimits.isID("a/b"))
        #expect(!BlueprintLimits.isID("é"))
        #expect(BlueprintLimits.isColor("#a0B1c2"))
        #expect(!BlueprintLimits.isColor("#a0B1c"))
        #expect(!BlueprintLimits.isColor("a0B1c2"))
        #expect(!BlueprintLimits.isColor("#gggggg"))
    }
}

import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

@Suite("Blueprint document")
struct BlueprintDataTests {
    static let cloudcraft = """
        {"data":{"name":"Demo","version":4,"grid":"infinite","projection":"isometric",
         "theme":{"base":"dark","custom":1},"futureField":{"a":[1,2]},
         "nodes":[{"type":"ec2","id":"n1","region":"us-east-1","mapPos":[3,4],"color":{"isometric":"#ED7100","2d":"#ED7100"},
                   "arn":"arn:aws:ec2:us-east-1:111122223333:instance/i-1","platform":"linux","instanceType":"m5",
                   "instanceSize":"large","billingOptions":{"type":"od","utilization":1}},
                  {"type":"rds","id":"n2","mapPos":[7,4],"engine":"postgres","multiAZ":true}],
         "edges":[{"from":"n1","to":"n2","type":"autoedge","width":2,"dashed":false,"endCap":"arrow","color":"#000"}],
         "groups":[{"type":"vpc","id":"g1","nodes":["n1","n2"],"name":"prod","peeringConnections":[]},
                   {"type":"sg","id":"g2","nodes":["n1"],"inboundRules":[{"portRange":"443","protocol":"tcp",
                    "target":"0.0.0.0/0","targetType":"ip","description":"https"}],"outboundRules":[]}],
         "surfaces":[{"type":"zone","id":"z1","mapPos":[0,0],"mapSize":[10,8],"color":"#fff"}],
         "text":[{"id":"t1","text":"hello","mapPos":[1,1],"textSize":20,"isometric":true}],
         "icons":[{"id":"i1"}],"images":[],"connectors":[],"disabledLayers":[],"shareDocs":false,
         "liveAccount":{"id":"8bfc6773-7fa2-49b3-8016-5e0e9a2e2aff","type":"aws"},
         "liveOptions":{"autoLabel":true,"autoConnect":false,"updatesEnabled":true,"updateAllOnScan":true,
           "updateGroupsOnScan":true,"updateNodeOnSelect":true,"excludedTypes":["ebs"],"extraOption":7}}}
        """

    static func canonical(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    @Test func roundTripsCloudcraftJSONWithUnknownFields() throws {
        let data = try BlueprintData.decode(Data(Self.cloudcraft.utf8))
        #expect(data.theme == "dark")
        #expect(data.nodes[0].extra["instanceSize"] == "large")
        #expect(data.nodes[0].arn == "arn:aws:ec2:us-east-1:111122223333:instance/i-1")
        #expect(data.groups[1].extra["inboundRules"]?.arrayValue?.count == 1)
        #expect(data.liveOptions.autoConnect == false)
        let original = try Self.canonical(Data(Self.cloudcraft.utf8))["data"]
        #expect(try Self.canonical(data.encoded()) == original)
        let again = try BlueprintData.decode(data.encoded())
        #expect(again == data)
    }

    @Test(arguments: [
        ("{\"nodes\": [", "not valid JSON"),
        ("[1,2]", "data: expected an object"),
        (
            "{\"nodes\":[{\"id\":\"a\",\"type\":\"ec2\",\"mapPos\":[0,0]},{\"id\":\"b\",\"type\":\"ec3\",\"mapPos\":[0,0]}]}",
            "nodes[1].type: unknown component type \"ec3\""
        ),
        ("{\"nodes\":[{\"id\":\"a\",\"type\":\"ec2\",\"mapPos\":[0]}]}", "nodes[0].mapPos: expected [x, y]"),
        ("{\"nodes\":[{\"id\":\"a\",\"type\":\"ec2\"}]}", "nodes[0].mapPos: is required"),
        ("{\"projection\":\"3d\"}", "projection: must be"),
        ("{\"edges\":[{\"from\":\"x\",\"to\":\"y\"}]}", "edges[0].from: no node or group has id"),
        ("{\"groups\":[{\"id\":\"g\",\"type\":\"vpc\",\"nodes\":[1]}]}", "groups[0].nodes[0]: expected a string"),
        ("{\"liveOptions\":{\"autoLabel\":\"yes\"}}", "liveOptions.autoLabel: expected true or false"),
    ])
    func validationNamesTheBadField(json: String, message: String) {
        #expect {
            _ = try BlueprintData.decode(Data(json.utf8))
        } throws: { error in
            (error as? BlueprintError)?.description.contains(message) == true
        }
    }

    @Test func layoutOutputIsValidCloudcraftData() throws {
        let data = Layout.blueprint(
            for: SyntheticInventory.make(components: 150, seed: 2),
            options: LayoutOptions(name: "scan", liveAccountID: "8bfc6773-7fa2-49b3-8016-5e0e9a2e2aff"))
        let bytes = data.encoded()
        let decoded = try BlueprintData.decode(bytes)
        #expect(decoded == data)
        let object = try Self.canonical(bytes)
        for key in [
            "name", "version", "grid", "projection", "theme", "nodes", "edges", "groups", "surfaces", "text",
            "icons", "images", "connectors", "disabledLayers", "shareDocs", "liveAccount", "liveOptions",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(try BlueprintData.decode(data.encodedEnvelope()) == data)
        let ec2 = try #require(data.nodes.first { $0.type == .ec2 })
        #expect(ec2.extra["instanceType"] == "m5")
        #expect(ec2.arn?.hasPrefix("arn:aws:ec2:") == true)
        #expect(ec2.id.count == 36)
        #expect(data.edges.allSatisfy { $0.type == "autoedge" && $0.endCap == "arrow" })
        #expect(data.groups.contains { $0.type == .subnet && $0.access == "public" })
        #expect(data.surfaces.contains { $0.type == "zone" && $0.name == "us-east-1a" })
    }

    @Test func aSeveralAccountLayoutIsValidCloudcraftData() throws {
        // Account groups once failed the save check ("unknown component type \"account\""), so a snapshot of an
        // account that uses another account's shared gateway could not be kept as a blueprint.
        let data = Layout.blueprint(
            for: SyntheticInventory.accounts(2, regions: ["us-east-1"], componentsPerRegion: 20),
            options: LayoutOptions(name: "scan"))
        #expect(data.groups.contains { $0.type == .account })
        #expect(try BlueprintData.decode(data.encoded()) == data)
    }
}

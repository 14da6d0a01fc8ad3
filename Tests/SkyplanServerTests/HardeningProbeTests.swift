import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanStore
import Testing

@testable import SkyplanServer

/// Issue #18's probes for blueprint input and exports: each is refused with a JSON 400 naming the field or
/// the limit and saves nothing, and none of them stops the server.
@Suite struct HardeningProbeTests {
    static func body(_ data: String) -> String { #"{"data":\#(data)}"# }

    static func nodes(_ first: String, extra: String = "") -> String {
        body(
            #"{"name":"probe"\#(extra),"nodes":[{"type":"ec2","id":"n1","mapPos":[0,0]\#(first)},"#
                + #"{"type":"rds","id":"n2","mapPos":[4,0]}],"edges":[{"from":"n1","to":"n2"}]}"#)
    }

    /// Bodies that trapped the process (SIGILL) on save, or carried markup into the exports.
    static let refusedBodies: [(body: String, field: String)] = [
        (nodes("", extra: #","version":1e19"#), "version"),
        (nodes("", extra: #","version":1e300"#), "version"),
        (nodes("", extra: #","version":-1e300"#), "version"),
        (nodes(#","count":1e300"#), "nodes[0].count"),
        (nodes(#","breakdown":{"m5.large":1e300}"#), "nodes[0].breakdown"),
        (nodes(#","mapSize":[1e17,1e17]"#), "nodes[0].mapSize"),
        (body(#"{"nodes":[{"type":"ec2","id":"n1","mapPos":[1e300,0]}]}"#), "nodes[0].mapPos"),
        (
            body(
                #"{"nodes":[{"type":"ec2","id":"a","mapPos":[0,0]},{"type":"ec2","id":"b","mapPos":[1e15,1e15]}],"#
                    + #""edges":[{"from":"a","to":"b"}]}"#), "nodes[1].mapPos"
        ),
        (body(#"{"nodes":[{"type":"ec2","id":"<script>alert(1)</script>","mapPos":[0,0]}]}"#), "nodes[0].id"),
        (nodes(##","color":{"isometric":"#fff\"/><script>x</script>","2d":"#fff"}"##), "nodes[0].color.isometric"),
        (body(#"{"groups":[{"type":"vpc","id":"<a id=x>","nodes":[]}]}"#), "groups[0].id"),
        (body(#"{"text":[{"id":"t1<b>","text":"x"}]}"#), "text[0].id"),
    ]

    @Test(arguments: refusedBodies)
    func blueprintInputOutOfRangeIsRefusedNamingTheField(body: String, field: String) async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let created = try await client.call(.post, "/blueprint", key: app.keys["owner"], json: body)
            #expect(created.status == .badRequest)
            #expect(created.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect((created.body["error"] as? String)?.contains("data: \(field)") == true, "\(created.raw)")
        }
        #expect(try await app.services.store.blueprints().isEmpty)
    }

    /// Hostile blueprints as records stored before the checks (written to the store directly).
    static let storedRecords: [String] = [
        #"{"nodes":[{"type":"ec2","id":"a","mapPos":[0,0]},{"type":"ec2","id":"b","mapPos":[1e15,1e15]}],"#
            + #""edges":[{"from":"a","to":"b"}]}"#,
        #"{"version":1e300,"nodes":[{"type":"ec2","id":"a","mapPos":[1e17,0],"mapSize":[1e300,1e300],"count":1e300}]}"#,
        #"{"nodes":[{"type":"ec2","id":"<script>alert(1)</script>","mapPos":[0,0],"name":"<a id=x>",""#
            + #"color":{"isometric":"\"/><script>","2d":"x;image=javascript:1"}}],"#
            + #""groups":[{"type":"vpc","id":"<g>","nodes":["<script>alert(1)</script>"],"mapPos":[-1,-1],"#
            + #""mapSize":[4,4],"name":"<b>"}],"text":[{"id":"<t>","text":"<i>\u0000"}]}"#,
    ]

    static let exportPaths = [
        "svg", "svg?projection=2d", "mxGraph", "json", "png?width=200&height=150", "pdf", "pdf?paperSize=A4",
        "png?scale=20", "budget/json", "budget/csv", "budget/xlsx",
    ]

    /// Every probe of the list against a running server (a real socket); `/health` answers after each.
    @Test(.timeLimit(.minutes(5)))
    func probeListLeavesTheServerAnswering() async throws {
        let app = try await TestApp.make()
        var stored: [UUID] = []
        for data in Self.storedRecords {
            let id = UUID()
            try await app.services.store.createBlueprint(
                BlueprintRecord(
                    id: id, name: "stored", creatorID: app.owner.id, lastUserID: app.owner.id,
                    currentVersionID: UUID(), data: Data(data.utf8), createdAt: Date(), updatedAt: Date()))
            stored.append(id)
        }
        let owner = try #require(app.keys["owner"])
        let admin = try #require(app.keys["admin"])
        let storedIDs = stored
        try await app.testLive { client in
            func healthy(after probe: String) async throws {
                let health = try await client.call(.get, "/health")
                #expect(health.status == .ok, "/health after \(probe)")
            }
            for (body, _) in Self.refusedBodies {
                let result = try await client.call(.post, "/blueprint", key: owner, json: body)
                #expect(result.status == .badRequest)
                try await healthy(after: "POST /blueprint \(body)")
            }
            let minted = try await client.call(
                .post, "/apikey", key: admin, json: #"{"access":"read-write","userId":"\#(app.owner.id.apiString)"}"#)
            #expect(minted.status == .forbidden)
            try await healthy(after: "POST /apikey as the owner")
            for id in storedIDs {
                for path in Self.exportPaths {
                    let result = try await client.call(.get, "/blueprint/\(id.apiString)/\(path)", key: owner)
                    #expect(result.status == .ok || result.status == .badRequest, "\(path): \(result.status)")
                    if result.status == .badRequest {
                        #expect(result.headers[.contentType]?.hasPrefix("application/json") == true, "\(path)")
                    }
                    if path.hasPrefix("svg") || path == "mxGraph" {
                        #expect(!result.raw.contains("<script"), "\(path)")
                    }
                    try await healthy(after: "GET \(path) of a stored record")
                }
                let read = try await client.call(.get, "/blueprint/\(id.apiString)", key: owner)
                #expect(read.status == .ok)
            }
            let big = try await client.call(
                .get, "/blueprint/\(storedIDs[0].apiString)/png?width=20000&height=20000", key: owner)
            #expect(big.status == .badRequest)
            #expect((big.body["error"] as? String)?.contains("64 MP") == true, "\(big.raw)")
            try await healthy(after: "png 20000×20000")
        }
    }

    @Test func exportsLargerThan64MegapixelsAreRefusedBeforeDrawing() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let created = try await client.call(
                .post, "/blueprint", key: app.keys["owner"], json: Self.nodes(""))
            let id = try #require(created.body["id"] as? String)
            for format in ["png", "pdf"] {
                let result = try await client.call(
                    .get, "/blueprint/\(id)/\(format)?width=20000&height=20000", key: app.keys["owner"])
                #expect(result.status == .badRequest)
                #expect(result.body["reason"] as? String == "invalid_parameter")
                #expect((result.body["error"] as? String)?.contains("64 MP") == true, "\(result.raw)")
            }
            let allowed = try await client.call(
                .get, "/blueprint/\(id)/png?width=400&height=300", key: app.keys["owner"])
            #expect(allowed.status == .ok)
        }
    }
}

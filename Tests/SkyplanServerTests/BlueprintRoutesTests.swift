import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SkyplanServer

@Suite struct BlueprintRoutesTests {
    static let data = #"""
        {"data":{"name":"Shop","version":4,"grid":"infinite","projection":"isometric","theme":{"base":"light"},
        "nodes":[{"type":"ec2","id":"n1","region":"us-east-1","mapPos":[0,0],"instanceType":"m5","instanceSize":"large",
        "platform":"linux","arn":"arn:aws:ec2:us-east-1:111122223333:instance/i-1"},
        {"type":"ebs","id":"n2","region":"us-east-1","mapPos":[3,0],"volume":100,"volumeType":"gp3"}],
        "edges":[],"groups":[{"type":"vpc","id":"g1","name":"prod","nodes":["n1","n2"]}],"surfaces":[],"text":[],
        "icons":[],"images":[],"connectors":[],"disabledLayers":[],"shareDocs":false,"customField":{"kept":true}}}
        """#

    @Test func createsReadsUpdatesWithETagsAndKeepsVersions() async throws {
        let app = try await TestApp.make()
        let key = app.keys["member"]
        try await app.test { client in
            let created = try await client.call(.post, "/blueprint", key: key, json: Self.data)
            #expect(created.status == .created, "\(created.raw)")
            let id = try #require(created.body["id"] as? String)
            let read = try await client.call(.get, "/blueprint/\(id)", key: key)
            let etag = try #require(read.headers[.eTag])
            let data = try #require(read.body["data"] as? [String: Any])
            #expect((data["customField"] as? [String: Any])?["kept"] as? Bool == true, "unknown fields round-trip")

            let changed = Self.data.replacingOccurrences(of: "\"large\"", with: "\"xlarge\"")
            var headers: HTTPFields = [.ifMatch: etag]
            #expect(
                try await client.call(.put, "/blueprint/\(id)", key: key, json: changed, headers: headers).status
                    == .noContent)
            // The same stale ETag again: someone else's write won.
            let stale = try await client.call(.put, "/blueprint/\(id)", key: key, json: Self.data, headers: headers)
            #expect(stale.status == .preconditionFailed)
            headers = [:]

            let versions = try await client.call(.get, "/blueprint/\(id)/versions", key: key)
            #expect((versions.body["versions"] as? [Any])?.count == 2)
            let diff = try await client.call(.get, "/blueprint/\(id)/diff?from=1&to=2", key: key)
            let changes = try #require(diff.body["changed"] as? [[String: Any]])
            #expect(changes.first?["fields"] as? [String] == ["instanceSize"])

            #expect(try await client.call(.get, "/blueprint/\(id)", key: app.keys["outsider"]).status == .notFound)
            #expect(try await client.call(.get, "/blueprint/not-a-uuid", key: key).status == .badRequest)
            #expect(try await client.call(.delete, "/blueprint/\(id)", key: key).status == .noContent)
        }
    }

    @Test func exportsTheDiagramAndTheBudget() async throws {
        let app = try await TestApp.make()
        let key = app.keys["owner"]
        try await app.test { client in
            let id = try #require(
                try await client.call(.post, "/blueprint", key: key, json: Self.data).body["id"] as? String)
            let svg = try await client.call(.get, "/blueprint/\(id)/svg?projection=2d&theme=dark", key: key)
            #expect(svg.status == .ok && svg.raw.hasPrefix("<?xml"))
            let csv = try await client.call(.get, "/blueprint/\(id)/budget/csv", key: key)
            #expect(csv.status == .ok)
            let header = csv.raw.split(separator: "\n").first.map(String.init)
            #expect(header?.hasPrefix("category,type,region,count,unitPrice,cost,instanceType,instanceSize") == true)
            #expect(csv.raw.contains("m5"))
            let json = try await client.call(.get, "/blueprint/\(id)/budget/json?period=y&currency=EUR", key: key)
            #expect(json.status == .ok)
            #expect((json.body["total"] as? Double ?? 0) > 0)
            let xlsx = try await client.call(.get, "/blueprint/\(id)/budget/xlsx", key: key)
            #expect(xlsx.bytes.prefix(2) == [0x50, 0x4B], "an XLSX is a ZIP")
            let bad = try await client.call(.get, "/blueprint/\(id)/budget/csv?currency=XXX", key: key)
            #expect(bad.status == .badRequest)
            let gif = try await client.call(.get, "/blueprint/\(id)/gif", key: key)
            #expect(gif.status == .badRequest && gif.body["reason"] as? String == "invalid_parameter")
        }
    }

    @Test(arguments: [#"{"data":5}"#, #"{"nodata":{}}"#, #"{"data":{"nodes":[{"type":"ec2"}]}"#, "not json"])
    func rejectsCorruptBlueprints(body: String) async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let result = try await client.call(.post, "/blueprint", key: app.keys["owner"], json: body)
            #expect(result.status == .badRequest, "\(result.raw)")
        }
        #expect(try await app.services.store.blueprints().isEmpty)
    }

    @Test func refusesABodyOverTheUploadLimitWithA413AndSavesNothing() async throws {
        let app = try await TestApp.make()
        // 33 MB of JSON: over the 32 MB upload limit.
        let huge = #"{"data":{"nodes":[],"note":""# + String(repeating: "x", count: 33 * 1024 * 1024) + #""}}"#
        try await app.test { client in
            let result = try await client.call(.post, "/blueprint", key: app.keys["owner"], json: huge)
            #expect(result.status == .contentTooLarge, "\(result.raw.prefix(200))")
            #expect(result.raw.contains("Request body too large"), "\(result.raw.prefix(200))")
        }
        #expect(try await app.services.store.blueprints().isEmpty)
    }
}

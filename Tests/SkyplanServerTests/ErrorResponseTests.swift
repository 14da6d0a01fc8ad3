import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import SkyplanModel
import SkyplanStore
import Testing

@testable import SkyplanServer

/// Input Skyplan refuses, each with a JSON 400 and nothing saved; and every 4xx, including those made before
/// routing, as JSON with the security headers.
@Suite struct ErrorResponseTests {
    static func expectHardenedJSONError(
        _ status: HTTPResponse.Status, _ headers: HTTPFields, _ raw: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect((400..<500).contains(status.code), "\(status)", sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        let body = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any]
        #expect(body?["code"] as? Int == Int(status.code), "\(raw.prefix(200))", sourceLocation: sourceLocation)
        #expect(body?["error"] is String, sourceLocation: sourceLocation)
        #expect(headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
        #expect(
            headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, sourceLocation: sourceLocation)
        #expect(
            HTTPField.Name("X-Frame-Options").flatMap { headers[$0] } == "DENY", sourceLocation: sourceLocation)
        #expect(headers[.cacheControl] == "no-store", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["-1", "abc", "1e9", "0", "1001", "99999999999999999999", "1.5", "", "+5"])
    func auditRefusesALimitOutOfRange(limit: String) async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let result = try await client.call(.get, "/audit?limit=\(limit)", key: app.keys["owner"])
            #expect(result.status == .badRequest, "\(result.raw)")
            #expect(result.body["reason"] as? String == "invalid_parameter")
            #expect((result.body["error"] as? String)?.contains("1 to 1000") == true)
            #expect(try await client.call(.get, "/audit?limit=5", key: app.keys["owner"]).status == .ok)
            #expect(try await client.call(.get, "/audit", key: app.keys["owner"]).status == .ok)
        }
    }

    @Test(arguments: [
        ("/team", #"{"name":"Ops\u0000Evil"}"#),
        ("/blueprint", #"{"name":"A\u0000B","data":{"nodes":[]}}"#),
        ("/aws/account", #"{"name":"Prod\u0000","roleArn":"arn:aws:iam::111122223333:role/skyplan"}"#),
        ("/apikey", #"{"name":"ci\u0000","access":"read"}"#),
    ])
    func refusesNamesWithNUL(path: String, body: String) async throws {
        let app = try await TestApp.make(
            assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]), allowUnprotected: true)
        let before = try await app.services.store.teams().count
        let blueprints = try await app.services.store.blueprints().count
        try await app.test { client in
            let result = try await client.call(.post, path, key: app.keys["owner"], json: body)
            #expect(result.status == .badRequest, "\(result.raw)")
            #expect((result.body["error"] as? String)?.contains("NUL") == true)
            Self.expectHardenedJSONError(result.status, result.headers, result.raw)
        }
        #expect(try await app.services.store.teams().count == before)
        #expect(try await app.services.store.blueprints().count == blueprints)
        #expect(try await app.services.store.accounts().isEmpty)
    }

    @Test func anEscapedBackslashBeforeU0000IsNotANUL() {
        #expect(!containsEscapedNUL(Array(#"{"name":"C:\\u0000"}"#.utf8)))
        #expect(containsEscapedNUL(Array(#"{"name":"a\u0000"}"#.utf8)))
        #expect(containsEscapedNUL(Array(#"{"name":"a"#.utf8) + [0] + Array(#""}"#.utf8)))
        #expect(!containsEscapedNUL(Array(#"{"u0000":"\u00e9"}"#.utf8)))
    }

    @Test func errorAnswersCarryTheSecurityHeaders() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let unknown = try await client.call(.get, "/no/such/route")
            #expect(unknown.status == .notFound)
            Self.expectHardenedJSONError(unknown.status, unknown.headers, unknown.raw)
            let anonymous = try await client.call(.get, "/user/me")
            Self.expectHardenedJSONError(anonymous.status, anonymous.headers, anonymous.raw)
            let forbidden = try await client.call(.get, "/audit", key: app.keys["member"])
            #expect(forbidden.status == .forbidden)
            Self.expectHardenedJSONError(forbidden.status, forbidden.headers, forbidden.raw)
            let bad = try await client.call(.post, "/team", key: app.keys["owner"], json: "not json")
            Self.expectHardenedJSONError(bad.status, bad.headers, bad.raw)
            let me = try await client.call(.get, "/user/me", key: app.keys["owner"])
            #expect(me.status == .ok && me.headers[.cacheControl] == "no-store")
        }
    }

    /// Through a real socket: the answers the HTTP decoder makes before any route or middleware runs.
    @Test(arguments: [
        "GET /health?" + String(repeating: "a", count: 200 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 100 * 1024) + "\r\n\r\n",
        "GET /he\u{1}alth HTTP/1.1\r\nHost: x\r\n\r\n",
        "BREW /health HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    ])
    func undecodableRequestsAnswerJSONWithTheSecurityHeaders(request: String) async throws {
        let app = try await TestApp.make()
        try await buildApplication(services: app.services).test(.live) { client in
            let port = try #require(client.port)
            let answer = try await RawHTTP.exchange(port: port, Array(request.utf8))
            let (head, body) = RawHTTP.split(answer)
            let lines = head.components(separatedBy: "\r\n")
            let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
            var headers = HTTPFields()
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else {
                    continue
                }
                headers.append(
                    HTTPField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                )
            }
            Self.expectHardenedJSONError(HTTPResponse.Status(code: status), headers, body)
        }
    }
}

/// Sends raw bytes over TCP and reads the answer until the server closes the connection.
enum RawHTTP {
    static func exchange(port: Int, _ bytes: [UInt8]) async throws -> [UInt8] {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            // The server may answer and close before it has read everything: a failed write is fine.
            try? await outbound.write(ByteBuffer(bytes: bytes))
            var answer: [UInt8] = []
            do {
                for try await buffer in inbound { answer += buffer.readableBytesView }
            } catch {
                // A reset after the answer: keep what arrived.
            }
            return answer
        }
    }

    static func split(_ answer: [UInt8]) -> (head: String, body: String) {
        let text = String(decoding: answer, as: UTF8.self)
        guard let range = text.range(of: "\r\n\r\n") else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }
}

@Suite struct TimestampTests {
    @Test func writesWhatTheISO8601FormatStyleWrites() {
        var random = SeededRandom(seed: 3)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<3000 {
            let millis = Double(random.next() % 8_000_000_000_000) - 1_000_000_000_000
            let date = Date(timeIntervalSince1970: millis / 1000)
            #expect(JSONResponse.timestamp(date) == date.formatted(style), "\(millis)")
        }
    }
}

@Suite struct BlueprintListJSONTests {
    @Test func writesWhatTheJSONEncoderWrites() throws {
        let names = [
            "Shop", "a\"b\\c/d", "tab\tnew\nline\r\u{8}\u{c}", "ctl\u{1}\u{1f}\u{7f}", "ünïcødé 🚀", "<script>", "",
        ]
        let records = names.enumerated().map { index, name in
            BlueprintRecord(
                id: UUID(), name: name, tags: index % 2 == 0 ? [] : [name, "x"],
                readAccess: index % 3 == 0 ? nil : ["team/\(UUID().apiString)"], writeAccess: index % 2 == 0 ? nil : [],
                creatorID: UUID(), lastUserID: UUID(), currentVersionID: UUID(), data: Data(),
                createdAt: Date(timeIntervalSince1970: 1_700_000_000.123 + Double(index)),
                updatedAt: Date(timeIntervalSince1970: 1_800_000_000.5))
        }
        let expected = try JSONResponse.encoder().encode([
            "blueprints": records.map { BlueprintJSON(record: $0, data: nil) }
        ])
        #expect(
            String(decoding: BlueprintListJSON.bytes(records), as: UTF8.self)
                == String(decoding: expected, as: UTF8.self))
        // Kept rows give the same bytes, and a row whose version changed is written again.
        let rows = BlueprintListRows()
        #expect(rows.body(records) == BlueprintListJSON.bytes(records))
        #expect(rows.body(records) == BlueprintListJSON.bytes(records))
        var changed = records
        changed[0].name = "Renamed"
        changed[0].currentVersionID = UUID()
        #expect(rows.body(changed) == BlueprintListJSON.bytes(changed))
        #expect(rows.body(Array(changed.dropFirst())) == BlueprintListJSON.bytes(Array(changed.dropFirst())))
    }
}

import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS

/// Parsers never crash on random, truncated or mutated XML and JSON (seeded, reproducible).
@Suite struct ParserFuzzTests {

    static let xmlSamples = [
        "<DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>i-1</instanceId>"
            + "<instanceState><name>running</name></instanceState><tagSet><item><key>Name</key><value>web</value>"
            + "</item></tagSet></item></instancesSet></item></reservationSet><nextToken>t</nextToken>"
            + "</DescribeInstancesResponse>",
        "<ErrorResponse><Error><Code>Throttling</Code><Message>slow &amp; down</Message></Error>"
            + "<RequestId>r</RequestId></ErrorResponse>",
        "<?xml version=\"1.0\"?><a:Root xmlns:a=\"urn:x\"><![CDATA[<not xml>]]><b c=\"d\"/></a:Root>",
    ]
    static let jsonSamples = [
        #"{"Accounts":[{"Id":"111122223333","Name":"a","Status":"ACTIVE"}],"NextToken":"x","n":1.5e3,"b":true}"#,
        #"{"__type":"com.amazon#ThrottlingException","message":"\u00e9 slow"}"#, #"[null,[],{},"",0]"#,
    ]

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var out = bytes
        switch rng.next() % 4 {
        case 0: out = Array(out.prefix(Int(rng.next() % UInt64(out.count + 1))))
        case 1:
            for _ in 0..<(1 + rng.next() % 8) where !out.isEmpty {
                out[Int(rng.next() % UInt64(out.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
        case 2:
            let position = Int(rng.next() % UInt64(out.count + 1))
            let junk = Array("<>&\"{}[]:,\\\u{0}é".utf8)
            out.insert(
                contentsOf: (0..<(1 + rng.next() % 6)).map { _ in junk[Int(rng.next() % UInt64(junk.count))] },
                at: position)
        default: out = (0..<(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        }
        return out
    }

    @Test func xmlParserSurvivesMutations() {
        var rng = SeededRandom(seed: 42)
        var parsed = 0
        for round in 0..<3000 {
            let sample = Array(Self.xmlSamples[round % Self.xmlSamples.count].utf8)
            let data = Data(Self.mutate(sample, &rng))
            if (try? XMLTree.parse(data)) != nil { parsed += 1 }
            _ = AWSErrorDecoder.decode(HTTPResponse(status: 400, body: data), protocol: .query)
            _ = AWSErrorDecoder.decode(HTTPResponse(status: 400, body: data), protocol: .ec2)
        }
        #expect(parsed > 0)
        #expect(parsed < 3000)
    }

    @Test func jsonParserSurvivesMutations() {
        var rng = SeededRandom(seed: 7)
        var failures = 0
        for round in 0..<3000 {
            let sample = Array(Self.jsonSamples[round % Self.jsonSamples.count].utf8)
            let data = Data(Self.mutate(sample, &rng))
            if (try? JSONCoding.decode(data)) == nil { failures += 1 }
            _ = AWSErrorDecoder.decode(HTTPResponse(status: 400, body: data), protocol: .json11)
        }
        #expect(failures > 0)
    }

    @Test func deeplyNestedInputIsRefusedNotACrash() {
        let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        #expect((try? XMLTree.parse(Data(deep.utf8))) == nil)
    }

    @Test func typedDecodersSurviveMutatedAnswers() async throws {
        var rng = SeededRandom(seed: 99)
        let sample = Array(Self.xmlSamples[0].utf8)
        let bodies = (0..<200).map { _ in Data(Self.mutate(sample, &rng)) }
        let fake = FakeHTTPTransport { _, count in .response(HTTPResponse(status: 200, body: bodies[(count - 1) % 200]))
        }
        let client = TestSupport.client(fake, maxAttempts: 1)
        var decoded = 0
        for _ in 0..<200 {
            var iterator = client.describeInstancesPages().makeAsyncIterator()
            if (try? await iterator.next()) != nil { decoded += 1 }
        }
        #expect(decoded > 0)
    }
}

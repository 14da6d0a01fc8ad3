import Foundation
import Testing

@testable import SkyplanAWS

/// Many XML answers parsed at once on every thread of the pool, as a live refresh of several families does:
/// each result must be exactly the sequential one (run under the thread and address sanitizers in CI).
@Suite struct XMLTreeConcurrencyTests {
    static func document(_ index: Int) -> Data {
        var text = "<DescribeThingsResponse xmlns=\"http://example.com/doc\"><reservationSet>"
        for item in 0..<(20 + index % 7) {
            text += "<item><instanceId>i-\(index)-\(item)</instanceId><name a=\"&amp;\(item)\">n&lt;\(item)&gt;</name>"
            text += "<![CDATA[c\(index)]]></item>"
        }
        return Data((text + "</reservationSet><nextToken>t\(index)</nextToken></DescribeThingsResponse>").utf8)
    }

    @Test func parsesConcurrentlyExactlyAsSequentially() async throws {
        let documents = (0..<64).map(Self.document)
        let expected = try documents.map(XMLTree.parse)
        for _ in 0..<5 {
            let parsed = try await withThrowingTaskGroup(of: (Int, XMLTree).self) { group in
                for (index, document) in documents.enumerated() {
                    group.addTask { (index, try XMLTree.parse(document)) }
                }
                var all: [Int: XMLTree] = [:]
                for try await (index, tree) in group { all[index] = tree }
                return all
            }
            for (index, tree) in expected.enumerated() {
                #expect(parsed[index] == tree)
            }
        }
        #expect(expected[3].list("reservationSet").count == 23)
        #expect(expected[3].list("reservationSet").first?.string("name") == "n<0>")
    }

    @Test func malformedAnswersFailConcurrentlyWithoutHarm() async {
        let bad = (0..<32).map { Data("<a><b>\($0)</a>".utf8) }
        let failures = await withTaskGroup(of: Bool.self) { group in
            for document in bad { group.addTask { (try? XMLTree.parse(document)) == nil } }
            var count = 0
            for await failed in group where failed { count += 1 }
            return count
        }
        #expect(failures == bad.count)
    }
}

import Foundation
import SkyplanStore
import Testing

@testable import SkyplanServer

@Suite struct BlueprintBodiesTests {
    private func record(version: UUID = UUID(), id: UUID = UUID()) -> BlueprintRecord {
        BlueprintRecord(
            id: id, name: "b", tags: [], readAccess: nil, writeAccess: nil, creatorID: UUID(), lastUserID: UUID(),
            currentVersionID: version, data: Data(), createdAt: Date(), updatedAt: Date())
    }

    @Test func aVersionIsEncodedOnceAndANewVersionAgain() {
        let bodies = BlueprintBodies()
        var made = 0
        let first = record()
        for _ in 0..<3 {
            #expect(
                bodies.body(for: first) {
                    made += 1; return [1, 2, 3]
                } == [1, 2, 3])
        }
        #expect(made == 1)
        var saved = first
        saved.currentVersionID = UUID()
        #expect(
            bodies.body(for: saved) {
                made += 1; return [4]
            } == [4])
        #expect(made == 2)
    }

    @Test func staysWithinItsBytesOldestFirst() {
        let bodies = BlueprintBodies(limit: 80)
        let records = (0..<10).map { _ in record() }
        for record in records { _ = bodies.body(for: record) { [UInt8](repeating: 7, count: 10) } }
        #expect(bodies.count == 8)
        var remade = 0
        _ = bodies.body(for: records[9]) {
            remade += 1; return []
        }
        _ = bodies.body(for: records[0]) {
            remade += 1; return [UInt8](repeating: 7, count: 10)
        }
        #expect(remade == 1)
    }

    @Test func aBodyTooLargeToKeepIsStillAnswered() {
        let bodies = BlueprintBodies(limit: 80)
        #expect(bodies.body(for: record()) { [UInt8](repeating: 1, count: 50) }.count == 50)
        #expect(bodies.count == 0)
    }

    @Test func aFailedEncodingKeepsNothing() {
        struct Broken: Error {}
        let bodies = BlueprintBodies()
        #expect(throws: Broken.self) { try bodies.body(for: record()) { throw Broken() } }
        #expect(bodies.count == 0)
    }
}

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

    @Test func aVersionIsEncodedOnceAndANewVersionAgain() async {
        let bodies = BlueprintBodies()
        var made = 0
        let first = record()
        for _ in 0..<3 {
            let body = await bodies.body(for: first) {
                made += 1
                return [1, 2, 3]
            }
            #expect(body == [1, 2, 3])
        }
        #expect(made == 1)
        var saved = first
        saved.currentVersionID = UUID()
        let body = await bodies.body(for: saved) {
            made += 1
            return [4]
        }
        #expect(body == [4])
        #expect(made == 2)
    }

    @Test func aNewerVersionTakesTheOlderOnesPlace() async {
        let bodies = BlueprintBodies()
        var saved = record()
        for size in 1...50 {
            saved.currentVersionID = UUID()
            _ = await bodies.body(for: saved) { [UInt8](repeating: 1, count: size) }
        }
        #expect(bodies.count == 1)
        #expect(bodies.bytes == 50)
        let other = record()
        _ = await bodies.body(for: other) { [1, 2] }
        bodies.forget(saved.id)
        #expect(bodies.count == 1)
        #expect(bodies.bytes == 2)
    }

    @Test func staysWithinItsBytesOldestFirst() async {
        let bodies = BlueprintBodies(limit: 80)
        let records = (0..<10).map { _ in record() }
        for record in records { _ = await bodies.body(for: record) { [UInt8](repeating: 7, count: 10) } }
        #expect(bodies.count == 8)
        var remade = 0
        _ = await bodies.body(for: records[9]) {
            remade += 1; return []
        }
        _ = await bodies.body(for: records[0]) {
            remade += 1; return [UInt8](repeating: 7, count: 10)
        }
        #expect(remade == 1)
    }

    @Test func aBodyTooLargeToKeepIsStillAnswered() async {
        let bodies = BlueprintBodies(limit: 80)
        #expect(await bodies.body(for: record()) { [UInt8](repeating: 1, count: 50) }.count == 50)
        #expect(bodies.count == 0)
    }

    @Test func aFailedEncodingKeepsNothing() async {
        struct Broken: Error {}
        let bodies = BlueprintBodies()
        await #expect(throws: Broken.self) { try await bodies.body(for: record()) { throw Broken() } }
        #expect(bodies.count == 0)
    }
}

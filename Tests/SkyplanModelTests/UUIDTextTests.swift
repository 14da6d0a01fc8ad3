import Foundation
import SkyplanModel
import Testing

@Suite struct UUIDTextTests {
    @Test func writesAndParsesLikeFoundation() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let id = UUID(uuid: withUnsafeBytes(of: (random.next(), random.next())) { $0.load(as: uuid_t.self) })
            #expect(id.lowercasedText == id.uuidString.lowercased())
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.lowercasedText) == id)
            let other = UUID(uuid: withUnsafeBytes(of: (random.next(), random.next())) { $0.load(as: uuid_t.self) })
            #expect(UUID.textOrder(id, other) == (id.uuidString < other.uuidString))
        }
        for bad in [
            "", "8bfc6773-7fa2-49b3-8016-5e0e9a2e2af", "8bfc6773-7fa2-49b3-8016-5e0e9a2e2affa",
            "8bfc67737fa2-49b3-8016-5e0e9a2e2aff0", "8bfc6773-7fa2-49b3-8016-5e0e9a2e2afg", "x",
        ] {
            #expect(UUID(text: bad) == nil)
            #expect(UUID(uuidString: bad) == nil)
        }
    }
}

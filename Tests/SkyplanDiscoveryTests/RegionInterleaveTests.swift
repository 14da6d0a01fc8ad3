import Testing

@testable import SkyplanDiscovery

@Suite struct RegionInterleaveTests {
    @Test func regionsTakeTurnsAndKeepTheirOwnOrder() {
        let items = ["a1", "a2", "a3", "b1", "c1", "c2"]
        let result = interleavedByRegion(items) { String($0.prefix(1)) }
        #expect(result == ["a1", "b1", "c1", "a2", "c2", "a3"])
    }

    @Test func oneRegionOrNoneIsLeftAsItIs() {
        #expect(interleavedByRegion(["x2", "x1"]) { String($0.prefix(1)) } == ["x2", "x1"])
        #expect(interleavedByRegion([String]()) { $0 }.isEmpty)
    }
}

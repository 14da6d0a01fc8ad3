import SkyplanBudget
import SkyplanModel
import Testing

/// A scanned Site-to-Site VPN connection prices its own hours; its gateway, told it has none left to assume, adds
/// nothing, so a gateway with one connection costs what one connection costs.
@Suite struct VPNConnectionPricingTests {
    @Test func aConnectionIsPricedPerHourAndItsScannedGatewayAddsNothing() throws {
        let model = CostModel(book: try PriceBook.bundled())
        let connection = model.lines(
            for: PricedComponent(id: "vpn-1", type: .vpnConnection, region: "us-east-1"))
        #expect(connection.map(\.priceKey.id) == ["vpn.connection.hours"])
        let cost = try #require(connection.first?.monthlyCost)
        #expect(abs(cost - 0.05 * 730) < 0.001)
        let gateway = model.lines(
            for: PricedComponent(
                id: "vgw-1", type: .vpnGateway, region: "us-east-1", config: ["vpnConnections": .number(0)]))
        #expect(gateway.allSatisfy { ($0.monthlyCost ?? 1) == 0 })
        // A gateway drawn by hand (no scan) still assumes its connection.
        let assumed = model.lines(for: PricedComponent(id: "vgw-2", type: .vpnGateway, region: "us-east-1"))
        #expect(assumed.compactMap(\.monthlyCost).reduce(0, +) > 0)
    }
}

import Foundation
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// The estimate beside Cost Explorer's actuals: service mapping, regions outside the diagram, flags, months.
@Suite struct CostComparisonTests {
    static func budget() throws -> Budget {
        let model = CostModel(book: try PriceBook.bundled())
        return model.budget(for: [
            PricedComponent(
                id: "a", name: "web-a", type: .ec2, region: "us-east-1",
                config: ["instanceType": "m5", "instanceSize": "large", "platform": "linux"]),
            PricedComponent(
                id: "b", name: "web-b", type: .ec2, region: "us-east-1",
                config: ["instanceType": "m5", "instanceSize": "large", "platform": "linux"]),
        ])
    }

    @Test func comparesPerCostExplorerServiceInTheDiagramsRegions() throws {
        let actual = ActualCosts(
            accountID: "111122223333", month: try #require(CostMonth("2026-11")),
            serviceRegion: [
                (["Amazon Elastic Compute Cloud - Compute", "us-east-1"], 150),
                (["Amazon Elastic Compute Cloud - Compute", "eu-west-1"], 40), (["Amazon Route 53", ""], 1.5),
            ], nameTag: [(["Name$"], 191.5)], estimated: true)
        #expect(actual.names == nil, "only untagged cost: the Name tag is not activated")
        #expect(actual.services.map(\.region) == ["eu-west-1", "us-east-1", "global"], "by service, then region")
        let comparison = CostComparison(budget: try Self.budget(), actual: actual)
        #expect(abs(comparison.estimateTotal - 140.16) < 1e-6, "two m5.large, 730 h at $0.096")
        #expect(comparison.actualTotal == 151.5)
        #expect(comparison.otherRegionsActual == 40)
        #expect(comparison.services.map(\.key) == ["Amazon Elastic Compute Cloud - Compute", "Amazon Route 53"])
        #expect(comparison.services.map(\.flag) == ["close", "missing"])
        #expect(comparison.estimated)
        let yearlyEUR = comparison.scaled(by: 12 * 0.5, currency: "EUR")
        #expect(yearlyEUR.services[0].actual == 900 && yearlyEUR.currency == "EUR")
    }

    @Test(arguments: [
        (100.0, 100.0, "close"), (100.0, 119.0, "close"), (100.0, 130.0, "over"), (100.0, 60.0, "under"),
        (0.2, 1.1, "close"), (5.0, 0.0, "under"),
    ])
    func flagsDifferencesPastAFifthAndADollar(estimate: Double, actual: Double, flag: String) {
        #expect(CostComparison.flag(estimate: estimate, actual: actual) == flag)
    }

    @Test func monthsAreCalendarMonthsInUTC() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-01-01T00:30:00Z"))
        let last = CostMonth.lastFull(before: now)
        #expect(last.description == "2025-12" && last.start == "2025-12-01" && last.end == "2026-01-01")
        #expect(last.hasEnded(at: now) && !last.next.hasEnded(at: now))
        #expect(CostMonth("2026-1") == nil && CostMonth("26-01") == nil && CostMonth("2026-00") == nil)
    }
}

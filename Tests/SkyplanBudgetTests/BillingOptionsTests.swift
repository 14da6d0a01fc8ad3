import SkyplanModel
import Testing

@testable import SkyplanBudget

/// Reserved and spot EC2 pricing, with a small book carrying the prices the bundled one lacks.
@Suite struct BillingOptionsTests {
    static let m5 = "instanceType=m5.large;os=linux;tenancy=shared"
    static let riAttributes =
        "instanceType=m5.large;lease=1yr;offeringClass=standard;os=linux;purchaseOption=partial upfront;tenancy=shared"

    func book() throws -> PriceBook {
        var book = try PriceBook.bundled()
        book.insert(
            PriceEntry(
                id: "ec2.instance.ri", region: "us-east-1", attributes: Self.riAttributes, unit: "Hrs",
                usd: 0.028, source: "test", asOf: "2026-01-01"))
        book.insert(
            PriceEntry(
                id: "ec2.instance.ri.upfront", region: "us-east-1", attributes: Self.riAttributes,
                unit: "Quantity", usd: 246, source: "test", asOf: "2026-01-01"))
        book.insert(
            PriceEntry(
                id: "ec2.instance.spot", region: "us-east-1", attributes: Self.m5, unit: "Hrs",
                usd: 0.035, source: "test", asOf: "2026-01-01"))
        return book
    }

    func ec2(_ billing: [String: JSONValue], type: String = "m5") -> PricedComponent {
        PricedComponent(
            id: "i-1", type: .ec2, region: "us-east-1",
            config: ["instanceType": .string(type), "instanceSize": "large", "billingOptions": .object(billing)])
    }

    static let partialUpfront: [String: JSONValue] = [
        "type": "ri", "leaseContractLength": 12, "purchaseOption": "Partial Upfront", "offeringClass": "standard",
    ]

    @Test func reservedPartialUpfrontEffectiveAmortizesTheFee() throws {
        let budget = CostModel(book: try book()).budget(for: [ec2(Self.partialUpfront)])
        // 730 × 0.028 = 20.44 recurring; 246 / 12 = 20.50 upfront per month.
        #expect(abs(budget.total(rate: .effective) - 40.94) < 1e-9)
        #expect(abs(budget.total(rate: .stated) - 20.44) < 1e-9)
        #expect(budget.lines.filter(\.isAmortizedUpfront).count == 1)
    }

    @Test func reservedWithoutBookPricesIsUnpricedAndSaysWhy() throws {
        let budget = CostModel(book: try PriceBook.bundled()).budget(for: [ec2(Self.partialUpfront)])
        #expect(budget.unpricedLineCount == 2)
        #expect(budget.total() == 0)
        #expect(budget.lines.allSatisfy { $0.note.contains("import an AmazonEC2 offer file") })
    }

    @Test func spotUsesBookPriceAndUtilization() throws {
        let budget = CostModel(book: try book()).budget(for: [ec2(["type": "si", "utilization": 0.5])])
        #expect(abs(budget.total() - 0.035 * 365) < 1e-9)
    }

    @Test func spotWithoutPriceIsUnpricedUnlessTheDiscountRuleIsOn() throws {
        let bundled = try PriceBook.bundled()
        let spot = ec2(["type": "si"])
        #expect(CostModel(book: bundled).budget(for: [spot]).unpricedLineCount == 1)
        let ruled = CostModel(book: bundled, rules: PricingRules(spotDiscountFromOnDemand: 0.7)).budget(for: [spot])
        #expect(ruled.unpricedLineCount == 0)
        #expect(abs(ruled.total() - 0.096 * 0.3 * 730) < 1e-9)
        #expect(ruled.lines.first?.note.contains("rule: spot = on-demand") == true)
    }

    @Test func onDemandUtilizationScalesHours() throws {
        let budget = CostModel(book: try book()).budget(for: [ec2(["type": "od", "utilization": 0.25])])
        #expect(abs(budget.total() - 70.08 / 4) < 1e-9)
    }
}

import SkyplanModel
import Testing

@testable import SkyplanBudget

/// The budget lines of issue #14's last families (ECR, Cognito, WAF, SES), hand-computed from the bundled book
/// (us-east-1), beside the other families' in `AnalyticsCostTests`.
extension AnalyticsCostTests {
    @Test func anECRRepositoryIsImageStorageByAssumptionOrByItsStorage() throws {
        let assumed = try #require(model.lines(for: component(.ecr, [:])).first)
        // 10 GB (the assumption) × $0.10.
        #expect(abs((assumed.monthlyCost ?? 0) - 1.0) < 1e-9)
        #expect(assumed.quantitySource == .assumption("ecrStorageGB", key: "storage", value: 10))
        let stated = try #require(model.lines(for: component(.ecr, ["storage": 250])).first)
        #expect(abs((stated.monthlyCost ?? 0) - 25.0) < 1e-9 && stated.quantitySource == .config("storage"))
    }

    @Test func aRegionTheBookLacksLeavesECRStorageUnpricedWithItsReasonNotFree() throws {
        let line = try #require(
            model.lines(for: PricedComponent(id: "c-ecr", type: .ecr, region: "eu-west-1", config: [:])).first)
        #expect(line.isUnpriced && line.monthlyCost == nil)
        #expect(line.note.contains("ecr.storage"), "\(line.note)")
    }

    @Test func aUserPoolIsMonthlyActiveUsersUnpricedWithTheBooksReason() throws {
        let line = try #require(model.lines(for: component(.cognito, [:])).first)
        #expect(line.isUnpriced && line.monthlyCost == nil && line.quantity == 1000)
        #expect(line.note.contains("cognito.mau"), "\(line.note)")
        #expect(model.lines(for: component(.cognito, ["mau": 25000])).first?.quantitySource == .config("mau"))
    }

    @Test func aWebACLIsOneACLAMonthUnpricedWithTheBooksReason() throws {
        let line = try #require(model.lines(for: component(.waf, ["scope": "regional"])).first)
        #expect(line.isUnpriced && line.monthlyCost == nil && line.quantity == 1)
        #expect(line.note.contains("waf.webacl"), "\(line.note)")
    }

    @Test func anSESIdentityIsEmailsSentUnpricedWithTheBooksReason() throws {
        let line = try #require(model.lines(for: component(.ses, ["identityType": "domain"])).first)
        #expect(line.isUnpriced && line.monthlyCost == nil && line.quantity == 10000)
        #expect(line.note.contains("ses.email"), "\(line.note)")
    }
}

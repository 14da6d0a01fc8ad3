import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// The budget of a diagram of several accounts: each row names its account in the last column (an S3 bucket, whose
/// ARN names none, by the account outline around it), and the roll-ups are per account.
@Suite struct MultiAccountBudgetTests {
    @Test func everyRowNamesItsAccountInTheLastColumn() throws {
        let inventory = SyntheticInventory.accounts(3, regions: ["us-east-1"], componentsPerRegion: 30)
        var s3 = Resource(
            arn: "arn:aws:s3:::logs-b", type: .s3, resourceID: "logs-b", accountID: "100000000002",
            region: "us-east-1", name: "logs-b")
        s3.config = ["dataGb": 12345]
        var withBucket = inventory
        withBucket.resources.append(s3)
        let data = Layout.blueprint(for: withBucket)
        let components = PricedComponent.components(of: data)
        let budget = CostModel(book: try PriceBook.bundled()).budget(for: components)
        let csv = try BudgetExporter(rates: try ExchangeRates.bundled()).csv(budget)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(",priceSource,priceAsOf,account") == true)
        let accounts = lines.dropFirst().map { CSVFields.split($0).last ?? "" }
        #expect(Set(accounts) == ["100000000000", "100000000001", "100000000002"])
        // The ARN-less bucket (12345 GB), placed by the account outline around it.
        let buckets = lines.filter { $0.hasPrefix("Storage,s3,") && $0.contains(",12345,") }
        #expect(buckets.count == 1)
        #expect(buckets.first.flatMap { CSVFields.split($0).last } == "100000000002")
    }
}

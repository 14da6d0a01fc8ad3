import Foundation
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// A small multi-tier blueprint (Cloudcraft node JSON) priced, exported and printed end to end.
@Suite struct BudgetEndToEndTests {
    static let nodes = """
        [{"type":"elb","id":"n-alb","region":"us-east-1","mapPos":[0,0],"elbType":"application","lcu":1},
         {"type":"ec2","id":"n-web1","region":"us-east-1","mapPos":[1,0],"instanceType":"m5","instanceSize":"large",
          "platform":"linux","billingOptions":{"type":"od","utilization":1}},
         {"type":"ec2","id":"n-web2","region":"us-east-1","mapPos":[2,0],"instanceType":"m5","instanceSize":"large",
          "platform":"linux"},
         {"type":"ebs","id":"n-vol","region":"us-east-1","mapPos":[3,0],"volume":"gp3","storage":"100","count":2},
         {"type":"rds","id":"n-db","region":"us-east-1","mapPos":[4,0],"engine":"mysql","instanceType":"db.t3",
          "instanceSize":"large","multiAZ":true,"storage":100},
         {"type":"natgateway","id":"n-nat","region":"us-east-1","mapPos":[5,0],"dataGb":100},
         {"type":"s3","id":"n-bucket","region":"us-east-1","mapPos":[6,0],"volumeType":"Standard","dataGb":"200",
          "putCopyPostRequests":"50","getAndOtherRequests":"100"},
         {"type":"vpc","id":"n-vpc","region":"us-east-1","mapPos":[7,0]}]
        """

    func components() throws -> [PricedComponent] {
        let objects = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(Self.nodes.utf8))
        return objects.compactMap {
            PricedComponent(nodeJSON: $0, container: ContainerPath(account: "111122223333", vpc: "vpc-1"))
        }
    }

    @Test func nodeAdapterKeepsConfigurationAndDropsDrawingKeys() throws {
        let ebs = try #require(try components().first { $0.id == "n-vol" })
        #expect(ebs.count == 2)
        #expect(ebs.config["mapPos"] == nil && ebs.config["volume"] == "gp3")
        #expect(ebs.container.region == "us-east-1")
    }

    @Test func multiTierBudgetMatchesHandComputedTotal() throws {
        let budget = CostModel(book: try PriceBook.bundled()).budget(for: try components())
        // ALB 22.265 + 2 × m5.large 140.16 + 2 × 100 GB gp3 16 + RDS 221.56 + NAT 41 + S3 4.89.
        #expect(abs(budget.total() - 445.875) < 1e-9)
        #expect(budget.unpricedLineCount == 0)
        #expect(budget.rollup(by: .vpc).map(\.key) == ["vpc-1"])
        #expect(budget.rollup(by: .account).first?.componentCount == 9)

        let exporter = BudgetExporter(rates: try ExchangeRates.bundled())
        let report = try exporter.report(budget, options: exporter.options(currency: "USD", period: "y", rate: nil))
        #expect(abs(report.total - 445.875 * 12) < 1e-9)
        let text = BudgetTextTable.render(report)
        #expect(text.contains("TOTAL 5350.50 USD/y"))
        #expect(text.contains("BY SERVICE"))
        let csv = try exporter.csv(budget)
        #expect(csv.split(separator: "\n").count == 9)
    }

    @Test func textTableSaysWhatIsUnpriced() throws {
        let budget = CostModel(book: try PriceBook.bundled()).budget(for: [
            PricedComponent(id: "x", name: "mystery", type: "quantumledger", region: "us-east-1")
        ])
        let text = BudgetTextTable.render(try BudgetExporter(rates: ExchangeRates.bundled()).report(budget))
        #expect(text.contains("unpriced"))
        #expect(text.contains("+ 1 unpriced line(s) in 1 component(s)"))
    }

    @Test func importFilesLaysOffersOverTheBaseBook() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-e2e-\(UUID().uuidString).json")
        try PriceImporterTests.lambdaJSON.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let base = try PriceBook.bundled()
        let (book, results) = try PriceImporter().importFiles([url], into: base)
        #expect(results.count == 1)
        #expect(book.version == "\(base.version)+AWSLambda-20261001000000")
        #expect(book.price(id: "lambda.requests", region: "us-east-1")?.source == "offer:AWSLambda 20261001000000")
        #expect(book.count == base.count)  // same keys, newer facts
    }
}

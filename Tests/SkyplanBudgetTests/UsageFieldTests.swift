import Foundation
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// Usage a person may change: assumed lines name the node field that replaces them, and a node that sets the
/// field is priced with its value (Cloudcraft's node shapes: lambda `mRequests`, `computeDuration`, `memory`;
/// s3 `dataGb`).
@Suite struct UsageFieldTests {
    let model: CostModel
    let exporter = BudgetExporter(rates: ExchangeRates(base: "USD", asOf: "test", source: "test", perBase: ["USD": 1]))

    init() throws {
        model = CostModel(book: try PriceBook.bundled())
    }

    func report(_ node: [String: JSONValue]) throws -> BudgetReport.Component {
        let component = try #require(PricedComponent(nodeJSON: node))
        return try #require(try exporter.report(model.budget(for: [component])).components.first)
    }

    @Test func assumedLinesNameTheirNodeFieldAndDefaultValue() throws {
        let lambda = try report(["type": "lambda", "id": "fn", "region": "us-east-1"])
        let fields = Dictionary(
            lambda.lines.compactMap { line in line.usageKey.map { ($0, (line.usageValue, line.assumption)) } },
            uniquingKeysWith: { first, _ in first })
        #expect(fields["mRequests"]?.0 == 1 && fields["mRequests"]?.1 == true)
        #expect(lambda.lines.contains { $0.quantitySource == "assumption lambdaMillionRequests" })
        let s3 = try report(["type": "s3", "id": "b", "region": "us-east-1"])
        #expect(s3.lines.first { $0.usageKey == "dataGb" }?.usageValue == 100)
    }

    @Test func nodeValuesReplaceTheAssumptionsAndChangeTheCost() throws {
        let assumed = try report(["type": "lambda", "id": "fn", "region": "us-east-1"])
        let set = try report([
            "type": "lambda", "id": "fn", "region": "us-east-1", "mRequests": 10, "computeDuration": 0.2,
            "memory": 512,
        ])
        let requests = try #require(set.lines.first { $0.item == "Requests" })
        #expect(requests.quantity == 10_000_000 && !requests.assumption)
        #expect(requests.usageKey == "mRequests" && requests.usageValue == 10)
        #expect(requests.quantitySource == "config mRequests")
        // 10 M requests at $0.20/M; 10 M × 0.2 s × 0.5 GB = 1 M GB-s at $0.0000166667 (first tier).
        #expect(abs((set.cost ?? 0) - (2 + 1_000_000 * 0.0000166667)) < 0.01, "\(set.lines)")
        #expect((set.cost ?? 0) > (assumed.cost ?? 0))
        let bucket = try report(["type": "s3", "id": "b", "region": "us-east-1", "dataGb": 1000])
        let storage = try #require(bucket.lines.first { $0.usageKey == "dataGb" })
        #expect(storage.quantity == 1000 && !storage.assumption && storage.usageValue == 1000)
    }
}

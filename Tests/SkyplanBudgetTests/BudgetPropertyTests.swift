import SkyplanModel
import Testing

@testable import SkyplanBudget

/// Properties over seeded random component sets.
@Suite struct BudgetPropertyTests {

    static func randomComponent(_ index: Int, using rng: inout SeededRandom) -> PricedComponent {
        let region = ["us-east-1", "us-east-1", "eu-west-1"].randomElement(using: &rng) ?? "us-east-1"
        let choices: [(ComponentType, [String: JSONValue])] = [
            (
                .ec2,
                [
                    "instanceType": .string(["m5", "t3", "c6g", "zz9"].randomElement(using: &rng) ?? "m5"),
                    "instanceSize": .string(["large", "micro", "xlarge"].randomElement(using: &rng) ?? "large"),
                ]
            ),
            (.ebs, ["volumeType": "gp3", "volumeSize": .number(Double(Int.random(in: 1...2000, using: &rng)))]),
            (
                .elb,
                ["elbType": .string(["application", "network", "classic"].randomElement(using: &rng) ?? "classic")]
            ),
            (.natGateway, ["dataGb": .number(Double(Int.random(in: 0...5000, using: &rng)))]),
            (.lambda, ["mRequests": .number(Double(Int.random(in: 0...100, using: &rng)))]),
            (.s3, [:]), (.dynamoDB, [:]), (.sqs, [:]), (.vpc, [:]), ("mystery", [:]),
        ]
        let (type, config) = choices.randomElement(using: &rng) ?? (.vpc, [:])
        return PricedComponent(
            id: "c\(index)", type: type, region: region, config: config, count: Int.random(in: 1...3, using: &rng),
            container: ContainerPath(
                account: "11112222333\(index % 3)", region: region, vpc: "vpc-\(index % 4)",
                subnet: "subnet-\(index % 7)"))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func totalsEqualTheSumOfLinesAndRollups(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let components = (0..<200).map { Self.randomComponent($0, using: &rng) }
        let budget = CostModel(book: try PriceBook.bundled()).budget(for: components)
        let sum = budget.lines.compactMap(\.monthlyCost).reduce(0, +)
        #expect(abs(budget.total() - sum) < 1e-6)
        for level in RollupLevel.allCases {
            let rows = budget.rollup(by: level)
            #expect(abs(rows.map(\.monthlyCost).reduce(0, +) - sum) < 1e-6)
            #expect(rows.map(\.unpricedLineCount).reduce(0, +) == budget.unpricedLineCount)
        }
        #expect(budget.unpricedLineCount == budget.lines.filter(\.isUnpriced).count)
        #expect(budget.lines.allSatisfy { $0.isUnpriced == ($0.unitPrice == nil) })
    }

    @Test(arguments: [11, 12, 13] as [UInt64]) func addingAComponentNeverLowersTheTotal(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let model = CostModel(book: try PriceBook.bundled())
        var components: [PricedComponent] = []
        var previous = 0.0
        for index in 0..<150 {
            components.append(Self.randomComponent(index, using: &rng))
            let total = model.budget(for: components).total()
            #expect(total >= previous - 1e-9)
            previous = total
        }
    }

    @Test func sameInputGivesTheSameBudget() throws {
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7)
        let model = CostModel(book: try PriceBook.bundled())
        let first = model.budget(for: (0..<50).map { Self.randomComponent($0, using: &a) })
        let second = model.budget(for: (0..<50).map { Self.randomComponent($0, using: &b) })
        #expect(first == second)
    }
}

import Foundation
import SkyplanBudget

/// `skyplan-bench budget`: price-book import and cost-model throughput.
enum BudgetBenchmark {
    static func run(_ args: [String]) async throws {
        print("budget benchmark: not yet written")
    }
}

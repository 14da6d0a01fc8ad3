import Foundation
import SkyplanBudget
import SkyplanModel

/// `skyplan-bench pricebook [--components N] [--runs N]`: parses the bundled price book (every file of
/// shared/pricing, ~41k rows) — first load with the RSS it adds, then the median of N more — and prices N
/// components (default 100,000, the mix of `skyplan-bench budget`) with it. Targets: load < 300 ms and
/// < 120 MB RSS, pricing 100,000 components < 0.6 s.
enum PriceBookBenchmark {
    static func run(_ args: [String]) async throws {
        let componentCount = Int(BudgetBenchmark.value(of: "--components", in: args) ?? "") ?? 100_000
        let runs = max(1, Int(BudgetBenchmark.value(of: "--runs", in: args) ?? "") ?? 5)
        BudgetBenchmark.resetPeakRSS()
        let rssBefore = BudgetBenchmark.memory("VmRSS")
        var clock = ContinuousClock.now
        let book = try PriceBook.loadBundled()
        let first = BudgetBenchmark.seconds(since: clock)
        let rssAfter = BudgetBenchmark.memory("VmRSS")
        var times: [Double] = []
        for _ in 0..<runs {
            clock = .now
            _ = try PriceBook.loadBundled()
            times.append(BudgetBenchmark.seconds(since: clock))
        }
        times.sort()
        print(
            String(
                format: "price book %@: %d facts; first load %.0f ms, median of %d %.0f ms; "
                    + "RSS %d MB before, %d MB after (+%d MB), peak %d MB",
                book.version, book.count, first * 1000, runs, times[times.count / 2] * 1000, rssBefore / 1024,
                rssAfter / 1024, (rssAfter - rssBefore) / 1024, BudgetBenchmark.memory("VmHWM") / 1024))

        let components = BudgetBenchmark.makeComponents(componentCount)
        let model = CostModel(book: book)
        clock = .now
        let budget = model.budget(for: components)
        print(
            String(
                format: "price %d components: %.3f s (%d lines, %d unpriced, total $%.2f/month)",
                componentCount, BudgetBenchmark.seconds(since: clock), budget.lines.count, budget.unpricedLineCount,
                budget.total()))
        clock = .now
        let csv = try BudgetExporter(rates: ExchangeRates.bundled()).csv(budget)
        print(
            String(
                format: "export CSV of %d components: %.3f s (%d KB)", componentCount,
                BudgetBenchmark.seconds(since: clock), csv.utf8.count / 1024))
    }
}

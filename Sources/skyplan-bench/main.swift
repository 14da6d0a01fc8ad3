// Benchmarks (not tests): `swift run -c release skyplan-bench <name> [args]`. Each prints its figures.
// Each benchmark lives in its own file as `enum <Name>Benchmark { static func run(_ args: [String]) async throws }`.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: @Sendable ([String]) async throws -> Void] = [
    "layout": LayoutBenchmark.run,
    "overview": OverviewBenchmark.run,
    "budget": BudgetBenchmark.run,
    "pricebook": PriceBookBenchmark.run,
    "discovery": DiscoveryBenchmark.run,
    "live": LiveBenchmark.run,
    "awsclient": AWSClientBenchmark.run,
    "api": APIBenchmark.run,
    "raster": RasterBenchmark.run,
]
guard let name = arguments.first, let bench = benchmarks[name] else {
    print("usage: skyplan-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [args]")
    exit(2)
}
try await bench(Array(arguments.dropFirst()))

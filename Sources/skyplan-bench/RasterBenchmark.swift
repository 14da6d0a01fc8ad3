import CMalloc
import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender
import Synchronization

/// `skyplan-bench raster [--components N] [--renders N]`: PNGs of one synthetic diagram (default 150
/// components, 1920 px wide), N at one size and then N at sizes no render used before (as exports at ever-new
/// scales or widths ask), on as many threads as cores. Prints renders a second and the RSS each half leaves
/// behind once the allocator's free pages are returned: fonts kept per scale show as growth in the second.
enum RasterBenchmark {
    static func run(_ args: [String]) async throws {
        let componentCount = Int(BudgetBenchmark.value(of: "--components", in: args) ?? "") ?? 150
        let renders = max(1, Int(BudgetBenchmark.value(of: "--renders", in: args) ?? "") ?? 400)
        let data = Layout.blueprint(
            for: SkyplanDiagram.SyntheticInventory.make(components: componentCount, seed: 42), options: LayoutOptions())
        let svg = SVGRenderer.render(data, options: RenderOptions())
        _ = try RasterRenderer.png(svg: svg)  // libraries and fonts loaded before measuring
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for (name, newSizes) in [("one size", false), ("new sizes", true)] {
            let before = settledRSS()
            let start = ContinuousClock.now
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in stride(from: thread, to: renders, by: threads) {
                    do {
                        _ = try RasterRenderer.png(
                            svg: svg, options: RasterOptions(width: newSizes ? 1921 + index : 1920))
                    } catch {
                        failures.withLock { $0 += 1 }
                    }
                }
            }
            let seconds = BudgetBenchmark.seconds(since: start)
            let after = settledRSS()
            print(
                String(
                    format: "%@: %d PNGs of %d components on %d threads in %.1f s, %.1f/s, %d failed; "
                        + "RSS %.1f → %.1f MiB (%+.1f)",
                    name, renders, data.nodes.count, threads, seconds, Double(renders) / seconds,
                    failures.withLock { $0 },
                    before, after, after - before))
            fflush(nil)
        }
    }

    /// RSS in MiB after returning the allocator's free pages, so that only what is kept counts.
    static func settledRSS() -> Double {
        _ = malloc_trim(0)
        return Double(BudgetBenchmark.memory("VmRSS")) / 1024
    }
}

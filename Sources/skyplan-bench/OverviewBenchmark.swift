// The overview of an Organization: N accounts × 2 regions (synthetic, every account peered to and notified by a hub),
// overview layout + SVG, best of a few runs; also the full multi-account layout of the same inventory for contrast.
//   swift run -c release skyplan-bench overview [--accounts 200] [--per-region 60] [--runs 5] [--svg FILE]
import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender

enum OverviewBenchmark {
    static func run(_ args: [String]) async throws {
        func value(_ flag: String) -> String? {
            args.firstIndex(of: flag).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
        }
        let accounts = Int(value("--accounts") ?? "200") ?? 200
        let perRegion = Int(value("--per-region") ?? "60") ?? 60
        let runs = max(1, Int(value("--runs") ?? "5") ?? 5)
        let inventory = SkyplanDiagram.SyntheticInventory.accounts(accounts, componentsPerRegion: perRegion)
        let names = Dictionary(uniqueKeysWithValues: inventory.accountIDs.enumerated().map { ($1, "account-\($0)") })
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        var best = Double.infinity
        var svg = ""
        var data = BlueprintData()
        for _ in 0..<runs {
            let elapsed = clock.measure {
                data = OverviewLayout.blueprint(for: inventory, accountNames: names)
                svg = SVGRenderer.render(data, options: RenderOptions())
            }
            best = min(best, seconds(elapsed))
        }
        var options = LayoutOptions()
        options.accountNames = names
        var full = BlueprintData()
        let fullElapsed = seconds(clock.measure { full = Layout.blueprint(for: inventory, options: options) })
        print("accounts  resources  tiles  tile-edges  overview(layout+svg, best of \(runs))  full-layout(nodes)")
        print(
            "\(accounts)  \(inventory.resources.count)  \(data.groups.filter { $0.type == .region }.count)  "
                + "\(data.edges.count)  \(String(format: "%.3f s", best))  "
                + "\(String(format: "%.3f s", fullElapsed)) (\(full.nodes.count))")
        if let path = value("--svg") { try Data(svg.utf8).write(to: URL(fileURLWithPath: path)) }
    }
}

// Layout + SVG of synthetic inventories (realistic shape) at 1k/10k/100k components: time and peak
// memory, side by side with Graphviz `dot` laying out the same graph.
//   swift run -c release skyplan-bench layout [--sizes 1000,10000,100000] [--dot-timeout 300] [--full]
//   (--full: detail=full and empty=show, every resource drawn as before attachments were folded)
//   swift run -c release skyplan-bench layout --samples DIR   (writes sample SVGs to look at)
//   swift run skyplan-bench layout --icons DIR   (the icon sheet, both projections and themes, SVG and PNG)
import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender

enum LayoutBenchmark {
    static func run(_ args: [String]) async throws {
        func value(_ flag: String) -> String? {
            args.firstIndex(of: flag).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
        }
        if let directory = value("--samples") { return try samples(directory) }
        if let directory = value("--icons") { return try icons(directory) }
        let full = args.contains("--full")
        if let one = value("--one").flatMap(Int.init) { return measureOnce(one, full: full) }
        if let one = value("--stages").flatMap(Int.init) { return stages(one, full: args.contains("--full")) }
        let sizes = (value("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
        let dotTimeout = Double(value("--dot-timeout") ?? "300") ?? 300
        print("components  nodes  edges  skyplan(layout+svg)  skyplan-peak-RSS  dot  dot-peak-RSS  speedup")
        fflush(nil)
        for size in sizes {
            let ours = try child(["layout", "--one", String(size)] + (full ? ["--full"] : []))
            let fields = ours.split(separator: " ").map(String.init)
            guard fields.count >= 5, let seconds = Double(fields[3]) else {
                print("\(size): failed: \(ours)"); continue
            }
            let dot = try runDot(size: size, timeout: dotTimeout)
            let speed =
                dot.seconds.map { String(format: "%.0f×", $0 / seconds) }
                ?? "> \(String(format: "%.0f", dotTimeout / seconds))×"
            let dotTime = dot.seconds.map { String(format: "%.2f s", $0) } ?? "> \(Int(dotTimeout)) s (stopped)"
            defer { fflush(nil) }
            print(
                "\(size)  \(fields[1])  \(fields[2])  \(String(format: "%.3f s", seconds))  \(fields[4]) MB  "
                    + "\(dotTime)  \(dot.peakMB.map { (dot.seconds == nil ? "≥ " : "") + "\($0) MB" } ?? "-")  \(speed)"
            )
        }
    }

    /// Measures in this process (run as a child so peak memory is per size).
    static func measureOnce(_ size: Int, full: Bool = false) {
        let inventory = SkyplanDiagram.SyntheticInventory.make(components: size, seed: 42)
        let clock = ContinuousClock()
        var data = BlueprintData()
        var svgBytes = 0
        let elapsed = clock.measure {
            data = Layout.blueprint(
                for: inventory, options: full ? LayoutOptions(detail: .full, showEmpty: true) : LayoutOptions())
            svgBytes = SVGRenderer.render(data, options: RenderOptions()).utf8.count
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("\(size) \(data.nodes.count) \(data.edges.count) \(seconds) \(peakRSSMB()) \(svgBytes)")
    }

    /// Time of each stage, to see where it goes.
    static func stages(_ size: Int, full: Bool = false) {
        let clock = ContinuousClock()
        var inventory = Inventory()
        let generate = clock.measure { inventory = SkyplanDiagram.SyntheticInventory.make(components: size, seed: 42) }
        var data = BlueprintData()
        let options = full ? LayoutOptions(detail: .full, showEmpty: true) : LayoutOptions()
        let layout = clock.measure { data = Layout.blueprint(for: inventory, options: options) }
        var svg = ""
        let render = clock.measure { svg = SVGRenderer.render(data, options: RenderOptions()) }
        var json = Data()
        let encode = clock.measure { json = data.encoded() }
        print(
            "generate \(generate)  layout \(layout)  svg \(render) (\(svg.utf8.count) bytes)  json \(encode) (\(json.count) bytes)"
        )
    }

    static func peakRSSMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        return -1
    }

    static func child(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same graph for dot: every component a node, containers as clusters, relationships as edges.
    static func dotSource(size: Int) -> String {
        let inventory = SkyplanDiagram.SyntheticInventory.make(components: size, seed: 42)
        var lines = ["digraph G {", "compound=true; node [shape=box];"]
        var bySubnet: [String: [Resource]] = [:]
        for resource in inventory.resources where !resource.type.isContainer {
            bySubnet[resource.placement.subnetIDs.first ?? resource.placement.vpcID ?? resource.region, default: []]
                .append(resource)
        }
        for (index, key) in bySubnet.keys.sorted().enumerated() {
            lines.append("subgraph cluster_\(index) { label=\"\(key)\";")
            for resource in bySubnet[key] ?? [] { lines.append("\"\(resource.resourceID)\";") }
            lines.append("}")
        }
        let ids = Dictionary(inventory.resources.map { ($0.arn, $0.resourceID) }, uniquingKeysWith: { a, _ in a })
        for relationship in inventory.relationships {
            if let from = ids[relationship.from], let to = ids[relationship.to] {
                lines.append("\"\(from)\" -> \"\(to)\";")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    static func runDot(size: Int, timeout: Double) throws -> (seconds: Double?, peakMB: Int?) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-bench-\(size).dot")
        try dotSource(size: size).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tsvg", "-o", "/dev/null", file.path]
        let start = Date()
        try process.run()
        let deadline = start.addingTimeInterval(timeout)
        // Peak RSS sampled from /proc while dot runs (getrusage would also count whatever this
        // process waited for before, e.g. the build `swift run` did).
        var peakKB = 0
        let status = "/proc/\(process.processIdentifier)/status"
        while process.isRunning && Date() < deadline {
            peakKB = max(peakKB, highWaterMarkKB(status))
            usleep(20_000)
        }
        if process.isRunning {
            // dot does not stop on SIGTERM while laying out.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (nil, peakKB / 1024)
        }
        return (Date().timeIntervalSince(start), peakKB / 1024)
    }

    static func highWaterMarkKB(_ path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    /// Writes the icon sheet (every component type) in both projections and themes, as SVG and PNG.
    static func icons(_ directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for projection in RenderOptions.Projection.allCases {
            for theme in RenderOptions.Theme.allCases {
                let svg = SVGRenderer.render(
                    IconSheet.blueprint(), options: RenderOptions(projection: projection, theme: theme))
                let path = "\(directory)/icons-\(projection.rawValue)-\(theme.rawValue)"
                try svg.write(toFile: path + ".svg", atomically: true, encoding: .utf8)
                try RasterRenderer.png(svg: svg, options: RasterOptions(width: 1600))
                    .write(to: URL(fileURLWithPath: path + ".png"))
            }
        }
        print("wrote the icon sheets to \(directory)")
    }

    /// Writes sample diagrams (both projections, both themes) to look at.
    static func samples(_ directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for size in [60, 400] {
            let data = Layout.blueprint(
                for: SkyplanDiagram.SyntheticInventory.make(components: size, seed: 7),
                options: LayoutOptions(name: "Sample \(size)"))
            for projection in RenderOptions.Projection.allCases {
                for theme in RenderOptions.Theme.allCases {
                    let svg = SVGRenderer.render(
                        data, options: RenderOptions(projection: projection, theme: theme, grid: true))
                    let path = "\(directory)/sample-\(size)-\(projection.rawValue)-\(theme.rawValue).svg"
                    try svg.write(toFile: path, atomically: true, encoding: .utf8)
                    let png = try RasterRenderer.png(svg: svg, options: RasterOptions(width: 1800))
                    try png.write(to: URL(fileURLWithPath: path.replacingOccurrences(of: ".svg", with: ".png")))
                }
            }
        }
        print("wrote samples to \(directory)")
    }
}

import ArgumentParser
import Foundation
import SkyplanModel
import SkyplanServer

/// `skyplan render`: draws an inventory written by `skyplan scan --format inventory`, offline, with the
/// same formats and options as `scan` (so a diagram can be re-drawn without scanning again).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw an inventory file (from `skyplan scan --format inventory`) without scanning.")

    @Argument(help: "The inventory JSON file.") var inventory: String
    @Option(help: "json, svg, png, pdf or mxGraph.") var format: String = "svg"
    @Option(name: .shortAndLong, help: "Output file (stdout when omitted).") var output: String?
    @Option(help: "The diagram's name.") var name: String = "AWS"
    @OptionGroup var drawing: DiagramOptions

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: inventory))
        } catch {
            throw CLIError("cannot read \(inventory): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let parsed: Inventory
        do {
            parsed = try decoder.decode(Inventory.self, from: data)
        } catch {
            throw CLIError("\(inventory) is not an inventory written by `skyplan scan --format inventory`: \(error)")
        }
        let body: Data
        do {
            body = try DiagramExport.render(parsed, name: name, format: format, options: drawing.values).body
        } catch {
            throw CLIError("\(error)")
        }
        if let output {
            try body.write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(body)
        }
    }
}

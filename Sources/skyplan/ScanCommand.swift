import ArgumentParser
import Foundation
import Logging
import SkyplanAWS
import SkyplanDiscovery
import SkyplanModel
import SkyplanServer

/// `skyplan scan`: discover an account and write the diagram (or the inventory) to a file.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan an AWS account through a role (or the operator's own credentials) and write a diagram.")

    @Option(help: "The role to assume (arn:aws:iam::ACCOUNT:role/NAME); the operator's credentials when omitted.")
    var roleArn: String?
    @Option(help: "The external ID the role's trust policy requires.") var externalId: String?
    @Option(help: "Regions, comma-separated, or \"all\" for every enabled region.") var region: String = "us-east-1"
    @Option(help: "json, svg, png, pdf, mxGraph, or inventory (the raw discovery result as JSON).")
    var format: String = "json"
    @Option(name: .shortAndLong, help: "Output file (stdout when omitted).") var output: String?
    @Option(help: "Services to scan, comma-separated (default: all).") var services: String?
    @OptionGroup var drawing: DiagramOptions
    @Flag(help: "Print progress on stderr.") var progress = false

    func validate() throws {
        if let roleArn {
            do { _ = try RoleARN(parsing: roleArn) } catch { throw ValidationError(error.description) }
        }
        let regions = region.split(separator: ",").map(String.init)
        if regions != ["all"] {
            for name in regions where !Region.exists(name) {
                throw ValidationError("--region \(name) is not an AWS region")
            }
        }
    }

    func run() async throws {
        let logger = Logger.cli()
        let operatorClient = AWSEnvironment.operatorClient(logger: logger)
        var client = operatorClient
        var accountID = ""
        if let roleArn {
            let role = try RoleARN(parsing: roleArn)
            accountID = role.accountID
            client = await AssumedRoleCache(stsClient: operatorClient).client(roleARN: roleArn, externalID: externalId)
            do {
                _ = try await client.getCallerIdentity()
            } catch {
                throw CLIError("cannot assume \(roleArn): \(error)")
            }
        }
        let regions = region == "all" ? [] : region.split(separator: ",").map(String.init)
        let serviceSet = services.map { Set($0.split(separator: ",").map(String.init)) }
        let showProgress = progress
        let inventory = await Scanner(client: client, logger: logger).scan(
            ScanRequest(accountID: accountID, regions: regions, services: serviceSet)
        ) { event in
            guard showProgress else { return }
            FileHandle.standardError.write(
                Data("\rscanned \(event.completed)/\(event.total), \(event.resourcesFound) resources".utf8))
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        for diagnostic in inventory.diagnostics {
            FileHandle.standardError.write(Data("warning: \(diagnostic)\n".utf8))
        }
        if format == "inventory" {
            return try writeInventory(inventory)
        }
        let body: Data
        do {
            body = try DiagramExport.render(
                inventory, name: accountID.isEmpty ? "AWS" : accountID, format: format, options: drawing.values
            ).body
        } catch {
            throw CLIError("\(error)")
        }
        if let output {
            try body.write(to: URL(fileURLWithPath: output))
            FileHandle.standardError.write(Data("wrote \(output) (\(inventory.resources.count) resources)\n".utf8))
        } else {
            FileHandle.standardOutput.write(body)
        }
    }

    /// Streams the inventory as pretty JSON (sorted keys, ISO 8601 dates) to the output file or stdout, a
    /// resource at a time: a 100,000-resource account is never a whole document in memory.
    private func writeInventory(_ inventory: Inventory) throws {
        let writer = InventoryJSONWriter(outputFormatting: .prettyPrinted, dateEncodingStrategy: .iso8601)
        guard let output else {
            var sink = FileHandleJSONSink(handle: .standardOutput)
            return try writer.write(inventory, to: &sink)
        }
        var sink: FileHandleJSONSink
        do {
            sink = try FileHandleJSONSink(path: output)
        } catch {
            throw CLIError("cannot write \(output): \(error)")
        }
        try writer.write(inventory, to: &sink)
        FileHandle.standardError.write(Data("wrote \(output) (\(inventory.resources.count) resources)\n".utf8))
    }
}

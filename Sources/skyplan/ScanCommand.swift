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

    @Option(
        help: ArgumentHelp(
            "A role to assume (arn:aws:iam::ACCOUNT:role/NAME); repeat it to scan several accounts into one diagram. "
                + "The operator's credentials when omitted."))
    var roleArn: [String] = []
    @Option(help: "The external ID the roles' trust policies require.") var externalId: String?
    @Option(help: "How many accounts are scanned at once (each paced per region on its own).")
    var accountConcurrency: Int = 8
    @Option(help: "Regions, comma-separated, or \"all\" for every enabled region.") var region: String = "us-east-1"
    @Option(help: "json, svg, png, pdf, mxGraph, or inventory (the raw discovery result as JSON).")
    var format: String = "json"
    @Option(name: .shortAndLong, help: "Output file (stdout when omitted).") var output: String?
    @Option(help: "Services to scan, comma-separated (default: all).") var services: String?
    @OptionGroup var drawing: DiagramOptions
    @Flag(help: "Print progress on stderr.") var progress = false

    func validate() throws {
        var accounts = Set<String>()
        for roleArn in roleArn {
            let role: RoleARN
            do { role = try RoleARN(parsing: roleArn) } catch { throw ValidationError(error.description) }
            guard accounts.insert(role.accountID).inserted else {
                throw ValidationError("--role-arn names account \(role.accountID) twice")
            }
        }
        if accountConcurrency < 1 { throw ValidationError("--account-concurrency must be at least 1") }
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
        let regions = region == "all" ? [] : region.split(separator: ",").map(String.init)
        let serviceSet = services.map { Set($0.split(separator: ",").map(String.init)) }
        let (accounts, refused) = await assumeRoles(operatorClient: operatorClient)
        if accounts.isEmpty, let first = refused.first {
            throw CLIError(first.message)
        }
        let showProgress = progress
        var configuration = ScanConfiguration()
        configuration.concurrency *= min(max(accounts.count, 1), accountConcurrency)
        var inventory = await Scanner(client: operatorClient, configuration: configuration, logger: logger).scan(
            accounts.map { ($0.client, ScanRequest(accountID: $0.accountID, regions: regions, services: serviceSet)) }
        ) { event in
            guard showProgress else { return }
            FileHandle.standardError.write(
                Data("\rscanned \(event.completed)/\(event.total), \(event.resourcesFound) resources".utf8))
        }
        if !refused.isEmpty {
            inventory.diagnostics += refused
            inventory.accountIDs += refused.map(\.accountID)
            inventory = inventory.normalized()
        }
        let accountID = accounts.count == 1 ? accounts[0].accountID : ""
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
                inventory, name: accountID.isEmpty ? (roleArn.isEmpty ? "AWS" : "AWS accounts") : accountID,
                format: format, options: drawing.values
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

    /// The clients to scan through: the operator's own (no `--role-arn`), else one per role, assumed side by side.
    /// A role that cannot be assumed is a diagnostic naming its account (the others are still scanned).
    private func assumeRoles(operatorClient: AWSClient) async -> (
        [(client: AWSClient, accountID: String)], [Diagnostic]
    ) {
        guard !roleArn.isEmpty else { return ([(operatorClient, "")], []) }
        let cache = AssumedRoleCache(stsClient: operatorClient)
        let externalID = externalId
        let results = await withTaskGroup(of: (Int, AWSClient, String, Diagnostic?).self) { group in
            for (index, roleArn) in roleArn.enumerated() {
                group.addTask {
                    let accountID = (try? RoleARN(parsing: roleArn))?.accountID ?? ""
                    let client = await cache.client(roleARN: roleArn, externalID: externalID)
                    do {
                        _ = try await client.getCallerIdentity()
                        return (index, client, accountID, nil)
                    } catch {
                        let diagnostic = Diagnostic(
                            severity: .error, cause: .notPermitted, accountID: accountID, region: "", service: "sts",
                            operation: "AssumeRole",
                            message: "cannot assume \(roleArn): \(error); account \(accountID) was not scanned")
                        return (index, client, accountID, diagnostic)
                    }
                }
            }
            var all: [(Int, AWSClient, String, Diagnostic?)] = []
            for await result in group { all.append(result) }
            return all.sorted { $0.0 < $1.0 }
        }
        return (
            results.filter { $0.3 == nil }.map { ($0.1, $0.2) }, results.compactMap(\.3)
        )
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

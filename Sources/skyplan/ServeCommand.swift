import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import SkyplanAWS
import SkyplanServer

/// `skyplan serve`: the HTTP server, the API and the web UI.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Skyplan server (migrations run at start).")

    @Option(help: "Address to listen on (env SKYPLAN_HOST).")
    var host: String = ProcessInfo.processInfo.environment["SKYPLAN_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (env SKYPLAN_PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["SKYPLAN_PORT"] ?? "") ?? 8080

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Accept roles that can be assumed without an external ID (emulators only: the demo and tests).")
    var allowUnprotectedRoles = false

    @Flag(help: "Mark the session cookie Secure (serve behind TLS).")
    var secureCookies = false

    @Option(help: "Seconds a snapshot request waits before answering 202 STILL_PROCESSING.")
    var snapshotWait: Int = 120

    @Option(help: "A price book written by `skyplan prices import` (default: the bundled one).")
    var priceBook: String?

    @Option(help: "An exchange-rate table, layout of the bundled one (scripts/exchange-rates-from-ecb.py writes it).")
    var exchangeRates: String?

    @OptionGroup var livePrices: LivePriceOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = ProcessInfo.processInfo.environment["SKYPLAN_LOG_LEVEL"] ?? "info"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
        guard snapshotWait > 0 else { throw ValidationError("--snapshot-wait must be positive") }
    }

    func run() async throws {
        let configuration = ServerConfiguration(
            host: host, port: port, databaseURL: database.database, allowUnprotectedRoles: allowUnprotectedRoles,
            snapshotWait: .seconds(snapshotWait), secureCookies: secureCookies,
            logLevel: Logger.Level(rawValue: logLevel) ?? .info, priceBookPath: priceBook,
            exchangeRatesPath: exchangeRates, priceMaxAge: .seconds(livePrices.priceMaxAge * 3600))
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "skyplan")
        let operatorClient = AWSEnvironment.operatorClient(logger: logger)
        let assumer = AWSRoleAssumer(operatorClient: operatorClient)
        let roles = AssumedRoleCache(stsClient: operatorClient)
        let discovery = AWSInventorySource(roles: roles, logger: logger)
        let app = try await CLIError.oneLine {
            try await buildApplication(
                configuration: configuration, assumer: assumer, inventorySource: discovery,
                organizations: AWSOrganizationDirectory(roles: roles), costSource: AWSAccountCostSource(roles: roles),
                livePrices: livePrices.enabled ? AWSPriceSource(client: operatorClient) : nil,
                live: LiveService { account in
                    await roles.client(roleARN: account.roleARN, externalID: account.externalID.uuidString.lowercased())
                }, logger: logger)
        }
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CLIError("port \(port) on \(host) is already in use; pass --port or stop the other server")
        }
    }
}

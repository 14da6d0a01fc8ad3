import ArgumentParser
import Foundation
import Logging
import SkyplanAWS
import SkyplanDiscovery
import SkyplanLive
import SkyplanModel

/// `skyplan live`: a refreshing table of the live status of an account's resources in one region.
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Print a refreshing table of live status (state, health, alarms, metrics) for one region.",
        discussion: "Without --arn, the region is scanned once and every resource found is watched. Nothing is stored.")

    @Option(help: "The role to assume (arn:aws:iam::ACCOUNT:role/NAME); the operator's credentials when omitted.")
    var roleArn: String?
    @Option(help: "The external ID the role's trust policy requires.") var externalId: String?
    @Option(help: "The region.") var region: String = "us-east-1"
    @Option(name: .customLong("arn"), help: "An ARN to watch (repeat, or comma-separate).") var arns: [String] = []
    @Option(help: "An ARN refreshed faster than the others.") var focus: String?
    @Option(help: "Seconds between refreshes.") var interval: Int = 30
    @Option(help: "Stop after this many tables (default: run until interrupted).") var count: Int?

    func validate() throws {
        if let roleArn {
            do { _ = try RoleARN(parsing: roleArn) } catch { throw ValidationError(error.description) }
        }
        guard Region.exists(region) else { throw ValidationError("--region \(region) is not an AWS region") }
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
        for arn in watched {
            do { _ = try ARN(parsing: arn) } catch { throw ValidationError(error.description) }
        }
    }

    var watched: [String] {
        arns.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let logger = Logger.cli()
        let operatorClient = AWSEnvironment.operatorClient(logger: logger)
        var client = operatorClient.with(region: region)
        var account = "self"
        if let roleArn {
            account = try RoleARN(parsing: roleArn).accountID
            client = await AssumedRoleCache(stsClient: operatorClient).client(roleARN: roleArn, externalID: externalId)
                .with(region: region)
        }
        var targets = watched
        if targets.isEmpty {
            let inventory = await Scanner(client: client, logger: logger).scan(
                ScanRequest(accountID: account == "self" ? "" : account, regions: [region], services: nil)
            ) { _ in }
            targets = inventory.resources.map(\.arn).filter { LiveTarget(arn: $0) != nil }.sorted()
            FileHandle.standardError.write(Data("watching \(targets.count) resources found in \(region)\n".utf8))
        }
        guard !targets.isEmpty else { throw CLIError("nothing to watch in \(region): give --arn") }
        let fetcher = AWSLiveFetcher(client: client)
        let hub = LiveHub(
            configuration: LiveHubConfiguration(
                interval: .seconds(interval), focusInterval: .seconds(max(1, interval / 6))))
        let key = LiveFeedKey(account: account, region: region)
        let limit = count
        let focused = focus
        let isTerminal = isatty(STDOUT_FILENO) == 1
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await hub.run() }
            let subscription = await hub.subscribe(key, arns: targets, focus: focused) { fetcher }
            var statuses: [String: LiveStatus] = [:]
            var printed = 0
            var printedThisRefresh = false
            for await event in subscription.events {
                switch event.kind {
                case .state, .change: statuses.merge(event.statuses) { $1 }
                case .stale:
                    let reasons = Set(event.failures.map(\.message)).sorted().joined(separator: "; ")
                    FileHandle.standardError.write(Data("stale: \(reasons)\n".utf8))
                    continue
                case .keepAlive: continue
                case .heartbeat:
                    // The end of a full refresh: one table per refresh, re-dated when nothing changed.
                    if printedThisRefresh {
                        printedThisRefresh = false
                        continue
                    }
                }
                printedThisRefresh = event.kind != .heartbeat
                let stamp = ISO8601DateFormatter().string(from: Date())
                let clear = isTerminal ? "\u{1B}[H\u{1B}[2J" : ""
                let table = clear + "skyplan live  \(account) \(region)  \(stamp)\n" + LiveTable.render(statuses) + "\n"
                FileHandle.standardOutput.write(Data(table.utf8))  // unbuffered: a pipe sees each table at once
                printed += 1
                if let limit, printed >= limit { break }
            }
            await hub.unsubscribe(subscription)
            group.cancelAll()
        }
    }
}

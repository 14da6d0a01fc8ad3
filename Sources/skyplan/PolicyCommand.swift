import ArgumentParser
import Foundation
import SkyplanAWS
import SkyplanServer

/// `skyplan policy trust|minimal|custom|cloudformation`: what a customer needs to create the role.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Print the role's trust policy, its permission policies, or a CloudFormation template creating it.",
        subcommands: [Trust.self, Minimal.self, Custom.self, CloudFormation.self])

    struct Identity: ParsableArguments {
        @Option(help: "Skyplan's AWS account id (default: the operator's, from GetCallerIdentity).")
        var accountId: String?
        @Option(help: "The external ID the role must require (the user's, shown in the web UI).")
        var externalId: String

        func resolvedAccountID() async throws -> String {
            if let accountId { return accountId }
            do {
                return try await AWSEnvironment.operatorClient(logger: .cli()).getCallerIdentity().account
            } catch {
                throw CLIError("cannot find Skyplan's AWS account id (pass --account-id): \(error)")
            }
        }

        func validate() throws {
            if let accountId, !(accountId.count == 12 && accountId.allSatisfy(\.isNumber)) {
                throw ValidationError("--account-id must be 12 digits")
            }
            guard UUID(uuidString: externalId) != nil || externalId.count >= 8 else {
                throw ValidationError("--external-id looks wrong: use the external ID Skyplan shows you")
            }
        }
    }

    struct Services: ParsableArguments {
        @Option(help: "Only these services, comma-separated (ec2,rds,...); default: every service Skyplan reads.")
        var services: String?
        var set: Set<String>? { services.map { Set($0.split(separator: ",").map { $0.lowercased() }) } }
    }

    struct Trust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The role's trust policy (with the external ID condition).")
        @OptionGroup var identity: Identity
        func run() async throws {
            print(
                PolicyDocuments.trust(
                    accountID: try await identity.resolvedAccountID(), externalID: identity.externalId))
        }
    }

    struct Minimal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Exactly the actions Skyplan calls.")
        @OptionGroup var services: Services
        func run() async throws { print(MinimalPolicy.document(services: services.set)) }
    }

    struct Custom: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Service-level read-only wildcards.")
        @OptionGroup var services: Services
        func run() async throws { print(MinimalPolicy.wildcardDocument(services: services.set)) }
    }

    struct CloudFormation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cloudformation",
            abstract:
                "A CloudFormation template creating the role; --stackset prints the commands to deploy it to every account of an organization."
        )
        @OptionGroup var identity: Identity
        @OptionGroup var services: Services
        @Option(help: "The role's name.") var roleName = "skyplan"
        @Flag(help: "Attach the AWS managed ReadOnlyAccess policy instead of Skyplan's minimal inline policy.")
        var readOnlyAccess = false
        @Flag(help: "Print the StackSet commands (to stderr) for an AWS Organization.") var stackset = false

        func run() async throws {
            let account = try await identity.resolvedAccountID()
            print(
                PolicyDocuments.cloudFormation(
                    accountID: account, externalID: identity.externalId, roleName: roleName,
                    policy: readOnlyAccess ? nil : MinimalPolicy.document(services: services.set)))
            if stackset {
                FileHandle.standardError.write(Data(PolicyDocuments.stackSetCommands(roleName: roleName).utf8))
            }
        }
    }
}

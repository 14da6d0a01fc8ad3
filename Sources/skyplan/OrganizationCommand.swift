import ArgumentParser
import Foundation
import SkyplanModel

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `skyplan organization import`: connect every member account of an AWS Organization through a running
/// Skyplan server (the CLI equivalent of `POST /aws/organization/import`).
struct OrganizationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organization", abstract: "AWS Organizations.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Connect every active member account where the role exists, and print what happened per account.")

        @Option(help: "The Skyplan server (env SKYPLAN_URL).")
        var server = ProcessInfo.processInfo.environment["SKYPLAN_URL"] ?? "http://127.0.0.1:8080"
        @Option(help: "A read-write API key of an owner or admin (env SKYPLAN_API_KEY).")
        var apiKey = ProcessInfo.processInfo.environment["SKYPLAN_API_KEY"] ?? ""
        @Option(help: "The role's name in every member account (the StackSet's role).") var roleName = "skyplan"
        @Option(help: "A read-only role in the management account (or a delegated administrator).")
        var managementRoleArn: String
        @Option(help: "Region to assume the roles in.") var region: String?

        func validate() throws {
            guard apiKey.count == 44 else {
                throw ValidationError("--api-key (or SKYPLAN_API_KEY) must be a 44-character key")
            }
            do { _ = try RoleARN(parsing: managementRoleArn) } catch { throw ValidationError(error.description) }
            guard URL(string: server)?.host != nil else { throw ValidationError("--server must be a URL") }
        }

        func run() async throws {
            guard
                let url = URL(
                    string: server.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/aws/organization/import")
            else { throw CLIError("bad --server \(server)") }
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            var body: [String: String] = ["roleName": roleName, "managementRoleArn": managementRoleArn]
            body["region"] = region
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.timeoutInterval = 600
            let (data, response) = try await CLIError.oneLine { try await URLSession.shared.data(for: request) }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            guard status == 200, let results = object["results"] as? [[String: Any]] else {
                throw CLIError(
                    "the server answered \(status): \(object["error"] as? String ?? String(decoding: data, as: UTF8.self))"
                )
            }
            for row in results {
                let id = row["accountId"] as? String ?? "?"
                let outcome = row["status"] as? String ?? "?"
                let message = (row["message"] as? String).map { " — \($0)" } ?? ""
                print("\(id)  \(outcome)  \(row["name"] as? String ?? "")\(message)")
            }
            if results.contains(where: { $0["status"] as? String == "failed" }) { throw ExitCode(1) }
        }
    }
}

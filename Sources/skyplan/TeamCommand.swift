import ArgumentParser
import Foundation
import SkyplanStore

/// `skyplan team create|add|list`: teams and memberships from the command line.
struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Manage teams.", subcommands: [Create.self, Add.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a team; prints its id.")
        @Option(help: "The team's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore(logger: .cli())
            let now = Date()
            let team = TeamRecord(id: UUID(), name: name, createdAt: now, updatedAt: now)
            try await CLIError.oneLine { try await store.createTeam(team) }
            try await store.close()
            print(team.id.uuidString.lowercased())
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user to a team (or change their team role).")
        @Option(help: "The team's id.") var team: String
        @Option(help: "The user's email.") var email: String
        @Option(help: "member or admin.") var role = "member"
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard UUID(uuidString: team) != nil else { throw ValidationError("--team must be a team id (a UUID)") }
            guard ["member", "admin"].contains(role) else { throw ValidationError("--role must be member or admin") }
        }

        func run() async throws {
            let store = try await database.openStore(logger: .cli())
            let result: String = try await CLIError.oneLine {
                guard let teamID = UUID(uuidString: team), try await store.team(id: teamID) != nil else {
                    throw CLIError("no team \(team)")
                }
                guard let user = try await store.user(email: email.lowercased()) else {
                    throw CLIError("no user \(email)")
                }
                try await store.setMembership(teamID: teamID, userID: user.id, role: role)
                return "\(user.email) is now \(role) of team \(team)"
            }
            try await store.close()
            print(result)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List teams and their members.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore(logger: .cli())
            for team in try await store.teams().sorted(by: { $0.name < $1.name }) {
                print("\(team.id.uuidString.lowercased())  \(team.name)")
                for membership in try await store.memberships(teamID: team.id) {
                    let email = try await store.user(id: membership.userID)?.email ?? membership.userID.uuidString
                    print("    \(membership.role)  \(email)")
                }
            }
            try await store.close()
        }
    }
}

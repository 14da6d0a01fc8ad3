import ArgumentParser
import Foundation
import SkyplanServer
import SkyplanStore

/// `skyplan user create`: make a user (the first owner, typically).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a user. The password is read from stdin, or generated and printed when stdin is a terminal or empty."
        )

        @Option(help: "Email address (the sign-in name).") var email: String
        @Option(help: "Display name.") var name: String
        @Option(help: "owner, admin or user.") var role: String = "user"
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard UserRecord.Role(rawValue: role) != nil else {
                throw ValidationError("--role must be owner, admin or user")
            }
            guard email.contains("@"), email.count <= 320 else {
                throw ValidationError("--email is not an email address")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 255 else {
                throw ValidationError("--name must be 1 to 255 characters")
            }
        }

        func run() async throws {
            let store = try await database.openStore(logger: .cli())
            let (password, generated) = Self.readPassword()
            let user = try await CLIError.oneLine {
                try await UserAdmin(store: store).createUser(
                    email: email, name: name, role: UserRecord.Role(rawValue: role) ?? .user, password: password)
            }
            print("created \(user.role.rawValue) \(user.email) (id \(user.id.uuidString.lowercased()))")
            if generated { print("password: \(password)") }
            try await store.close()
        }

        /// The first line of stdin when it is piped; otherwise a generated password.
        static func readPassword() -> (String, Bool) {
            if isatty(STDIN_FILENO) == 0, let line = readLine(strippingNewline: true), !line.isEmpty {
                return (line, false)
            }
            return (UserAdmin.generatePassword(), true)
        }
    }
}

/// `skyplan apikey create`: make an API key for a user; prints it once.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey", abstract: "Manage API keys.", subcommands: [Create.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key; the 44-character key is printed once, only its hash is stored.")

        @Option(help: "The user the key acts as.") var email: String
        @Option(help: "read or read-write.") var access: String = "read"
        @Option(help: "A name to recognise the key by.") var name: String = "CLI key"
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard APIKeyRecord.Access(rawValue: access) != nil else {
                throw ValidationError("--access must be read or read-write")
            }
        }

        func run() async throws {
            let store = try await database.openStore(logger: .cli())
            let key = try await CLIError.oneLine {
                try await UserAdmin(store: store).createAPIKey(
                    email: email, name: name, access: APIKeyRecord.Access(rawValue: access) ?? .read)
            }
            try await store.close()
            print(key)
        }
    }
}

extension APIKeyCommand {
    /// `skyplan apikey revoke --id ID`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API key by its id.")
        @Option(help: "The key's id (GET /apikey lists them).") var id: String
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("--id must be a key id (a UUID)") }
        }

        func run() async throws {
            let store = try await database.openStore(logger: .cli())
            try await CLIError.oneLine { try await store.revokeAPIKey(id: UUID(uuidString: id) ?? UUID(), at: Date()) }
            try await store.close()
            print("revoked \(id)")
        }
    }
}

/// `skyplan migrate`: bring the database schema up to date (also done by `serve`).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Run database migrations.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await database.openStore(logger: .cli())
        try await store.close()
        print("database is up to date (\(database.database.hasPrefix("sqlite") ? "sqlite" : "postgres"))")
    }
}

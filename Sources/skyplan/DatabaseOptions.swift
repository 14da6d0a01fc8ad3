import ArgumentParser
import Foundation
import Logging
import SkyplanStore

/// `--database URL`, shared by every command that opens the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "sqlite:PATH or postgres://user:pass@host:port/db (env SKYPLAN_DATABASE_URL).", valueName: "url"))
    var database: String = ProcessInfo.processInfo.environment["SKYPLAN_DATABASE_URL"] ?? "sqlite:skyplan.sqlite"

    func validate() throws {
        do {
            _ = try DatabaseURL(parsing: database)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Opens and migrates the store, with one-line errors.
    func openStore(logger: Logger) async throws -> Store {
        let store = try await CLIError.oneLine {
            try await Store.open(try DatabaseURL(parsing: database), logger: logger)
        }
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw CLIError("\(error)")
        }
        return store
    }
}

/// An error printed as one line, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    static func oneLine<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
    }
}

extension Logger {
    /// The CLI's logger: warnings and worse on stderr unless `--verbose`.
    static func cli(verbose: Bool = false) -> Logger {
        var logger = Logger(label: "skyplan") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

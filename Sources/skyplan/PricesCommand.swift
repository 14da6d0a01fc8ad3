import ArgumentParser
import Foundation
import SkyplanBudget

/// `skyplan prices import FILE...`: refresh prices offline from AWS Price List bulk offer files.
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Manage the price book.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import AWS Price List offer files (CSV streamed line by line, or JSON) into a price book.")

        @Argument(help: "Offer files (e.g. the AmazonEC2 region CSV from pricing.us-east-1.amazonaws.com).")
        var files: [String]
        @Option(name: .shortAndLong, help: "Where to write the price book (serve it with --price-book).")
        var output: String
        @Option(help: "A price book to lay the offers over (default: the bundled one).") var base: String?
        @Option(help: "Only these regions, comma-separated.") var regions: String?

        func validate() throws {
            for file in files where !FileManager.default.isReadableFile(atPath: file) {
                throw ValidationError("cannot read \(file)")
            }
        }

        func run() async throws {
            let start = Date()
            let baseBook = try CLIError.oneLineSync {
                try base.map { try PriceBook.load(from: URL(fileURLWithPath: $0)) } ?? PriceBook.bundled()
            }
            let importer = PriceImporter(regions: regions.map { Set($0.split(separator: ",").map(String.init)) })
            let (book, results) = try CLIError.oneLineSync {
                try importer.importFiles(files.map { URL(fileURLWithPath: $0) }, into: baseBook)
            }
            for result in results {
                print(
                    "\(result.offerCode) \(result.offerVersion): \(result.rowsImported) prices from \(result.rowsRead) rows"
                )
            }
            try Data(book.serialized().utf8).write(to: URL(fileURLWithPath: output))
            print(String(format: "wrote %@ (%@) in %.1f s", output, book.version, Date().timeIntervalSince(start)))
        }
    }
}

extension CLIError {
    static func oneLineSync<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIError("\(error)")
        }
    }
}

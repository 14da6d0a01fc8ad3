import ArgumentParser
import Foundation
import Logging
import SkyplanBudget
import SkyplanDiagram
import SkyplanServer
import SkyplanStore

/// `skyplan budget BLUEPRINT.json`: the monthly cost of a blueprint, as a table or CSV.
struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Price a blueprint (the JSON of `skyplan scan --format json` or GET /blueprint/{id}).")

    @Argument(help: "A blueprint JSON file ({\"data\": ...} or the data itself).") var blueprint: String
    @Option(help: "table, csv or json.") var format = "table"
    @Option(help: "One of the 12 Cloudcraft currencies (USD, EUR, GBP, ...).") var currency = "USD"
    @Option(help: "h, d, w, m or y.") var period = "m"
    @Option(help: "effective or stated.") var rate = "effective"
    @Option(help: "A price book written by `skyplan prices import` (default: the bundled one).") var priceBook: String?
    @Option(help: "An exchange-rate table, layout of the bundled one (scripts/exchange-rates-from-ecb.py writes it).")
    var exchangeRates: String?
    @OptionGroup var livePrices: LivePriceOptions
    @Option(
        help: ArgumentHelp(
            "With --live-prices: keep live prices in this store (sqlite:PATH or postgres://...) instead of memory.",
            valueName: "url"))
    var priceCache: String?

    func validate() throws {
        guard ["table", "csv", "json"].contains(format) else {
            throw ValidationError("--format must be table, csv or json")
        }
    }

    func run() async throws {
        let bytes = try CLIError.oneLineSync { try Data(contentsOf: URL(fileURLWithPath: blueprint)) }
        let data = try CLIError.oneLineSync { () throws -> BlueprintData in
            if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any], let inner = object["data"]
            {
                return try BlueprintData.decode(try JSONSerialization.data(withJSONObject: inner))
            }
            return try BlueprintData.decode(bytes)
        }
        let book = try CLIError.oneLineSync {
            try priceBook.map { try PriceBook.load(from: URL(fileURLWithPath: $0)) } ?? PriceBook.bundled()
        }
        let rates = try CLIError.oneLineSync {
            try exchangeRates.map { try ExchangeRates.load(from: URL(fileURLWithPath: $0)) } ?? ExchangeRates.bundled()
        }
        let exporter = BudgetExporter(rates: rates)
        let options = try CLIError.oneLineSync { try exporter.options(currency: currency, period: period, rate: rate) }
        let components = PricedComponent.components(of: data)
        let budget: Budget
        if livePrices.enabled {
            let logger = Logger(label: "skyplan")
            var store: Store?
            if let priceCache {
                var options = DatabaseOptions()
                options.database = priceCache
                store = try await options.openStore(logger: logger)
            }
            let refresher = PriceRefresher(
                source: AWSPriceSource(client: AWSEnvironment.operatorClient(logger: logger)),
                cache: store.map { StorePriceCache(store: $0) } ?? PriceRefreshCache(),
                maxAge: TimeInterval(livePrices.priceMaxAge * 3600))
            budget = await refresher.budget(for: components, model: CostModel(book: book), now: Date())
            try? await store?.close()
        } else {
            budget = CostModel(book: book).budget(for: components)
        }
        switch format {
        case "csv": print(try exporter.csv(budget, options: options), terminator: "")
        case "json": print(String(decoding: try exporter.report(budget, options: options).json(), as: UTF8.self))
        default: print(BudgetTextTable.render(try exporter.report(budget, options: options)))
        }
    }
}

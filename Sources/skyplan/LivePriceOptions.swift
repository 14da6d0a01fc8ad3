import ArgumentParser
import Foundation

/// `--live-prices` and `--price-max-age`, shared by `serve` and `budget`.
struct LivePriceOptions: ParsableArguments {
    @Flag(
        name: .customLong("live-prices"),
        help: """
            Ask the AWS Price List (pricing:GetProducts, the operator's credentials) for the prices the book lacks \
            (env SKYPLAN_LIVE_PRICES=1).
            """)
    var flag = false

    @Option(help: "Hours a live price is reused before it is fetched again (env SKYPLAN_PRICE_MAX_AGE_HOURS).")
    var priceMaxAge: Int = Int(ProcessInfo.processInfo.environment["SKYPLAN_PRICE_MAX_AGE_HOURS"] ?? "") ?? 168

    /// On by the flag or the environment.
    var enabled: Bool { flag || ProcessInfo.processInfo.environment["SKYPLAN_LIVE_PRICES"] == "1" }

    func validate() throws {
        guard priceMaxAge >= 0 else { throw ValidationError("--price-max-age must be 0 hours or more") }
    }
}

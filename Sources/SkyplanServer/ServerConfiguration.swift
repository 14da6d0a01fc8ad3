import Foundation
import Logging

/// Everything `skyplan serve` can be told. Only the CLI reads the environment; this is a plain value.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `sqlite:PATH`, `sqlite::memory:` or `postgres://user:pass@host:port/db`.
    public var databaseURL: String
    /// Accept roles that can be assumed without an external ID. Only for emulators (moto cannot
    /// enforce external IDs): the demo and the tests. Off by default.
    public var allowUnprotectedRoles: Bool
    /// How long a snapshot request waits before answering 202 STILL_PROCESSING.
    public var snapshotWait: Duration
    /// Mark the session cookie `Secure` (set when Skyplan is served over TLS or behind a TLS proxy).
    public var secureCookies: Bool
    /// How long a browser session lasts.
    public var sessionLifetime: Duration
    /// Requests per minute per client on the API (429 past it); 0 turns the limit off.
    public var rateLimitPerMinute: Int
    public var logLevel: Logger.Level
    /// A price book written by `skyplan prices import`; nil: the bundled one.
    public var priceBookPath: String?
    /// An exchange-rate table (layout of the bundled `exchange-rates.csv`); nil: the bundled one.
    public var exchangeRatesPath: String?
    /// Live Price List answers (prices the book lacks) older than this are fetched again (`serve --price-max-age`).
    public var priceMaxAge: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databaseURL: String = "sqlite:skyplan.sqlite",
        allowUnprotectedRoles: Bool = false, snapshotWait: Duration = .seconds(120), secureCookies: Bool = false,
        sessionLifetime: Duration = .seconds(12 * 3600), rateLimitPerMinute: Int = 0, logLevel: Logger.Level = .info,
        priceBookPath: String? = nil, exchangeRatesPath: String? = nil, priceMaxAge: Duration = .seconds(7 * 86_400)
    ) {
        self.priceMaxAge = priceMaxAge
        self.priceBookPath = priceBookPath
        self.exchangeRatesPath = exchangeRatesPath
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.allowUnprotectedRoles = allowUnprotectedRoles
        self.snapshotWait = snapshotWait
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.rateLimitPerMinute = rateLimitPerMinute
        self.logLevel = logLevel
    }
}

/// The version printed by `skyplan --version` and `GET /health`.
public enum SkyplanVersion {
    public static let current = "0.1.0"
}

import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SkyplanBudget
import SkyplanStore

/// Builds the Skyplan application: opens and migrates the store, wires the routes at the root and
/// under `/api/`, and returns a Hummingbird application that shuts down gracefully (closing the
/// store last).
public func buildApplication(
    configuration: ServerConfiguration, assumer: any RoleAssuming, inventorySource: any InventorySource,
    organizations: any OrganizationDirectory, costSource: any AccountCostSource = NoAccountCostSource(),
    livePrices: (any PriceSource)? = nil, live: LiveService? = nil, logger: Logger? = nil
) async throws -> some ApplicationProtocol {
    MemoryTrimmer.limitArenas()
    var logger = logger ?? Logger(label: "skyplan")
    logger.logLevel = configuration.logLevel
    let url = try DatabaseURL(parsing: configuration.databaseURL)
    let store = try await Store.open(url, logger: logger)
    do {
        try await store.migrate()
    } catch {
        try? await store.close()
        throw error
    }
    let services = AppServices(
        configuration: configuration, store: store, assumer: assumer, inventorySource: inventorySource,
        organizations: organizations, costSource: costSource, livePrices: livePrices,
        logger: logger)
    return buildApplication(services: services, live: live)
}

/// Builds the application around already-assembled services (tests pass fakes here).
public func buildApplication(services: AppServices, live: LiveService? = nil) -> some ApplicationProtocol {
    let router = buildRouter(services: services, live: live)
    var app = Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [HTTPParseErrorResponder()])),
        configuration: .init(
            address: .hostname(services.configuration.host, port: services.configuration.port),
            serverName: "Skyplan"),
        logger: services.logger)
    // Shut down in reverse order: snapshot jobs stop before the store closes.
    app.addServices(
        StoreService(store: services.store, logger: services.logger), services.snapshots, MemoryTrimmer())
    if let live { app.addServices(live) }
    return app
}

/// The router: error and auth middleware, then every controller at `/` and again at `/api/`.
public func buildRouter(services: AppServices, live: LiveService? = nil) -> Router<SkyplanRequestContext> {
    let router = Router(context: SkyplanRequestContext.self)
    // Outermost, so that the error answers ErrorMiddleware makes carry the headers too.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    if let folder = webAssetsFolder() {
        // The web UI: static files from the binary's resources, `/` answers index.html.
        router.add(middleware: FileMiddleware(folder, searchForIndexHtml: true, logger: services.logger))
    }
    router.add(
        middleware: AuthMiddleware(
            store: services.store, now: services.now,
            cookies: SessionCookies(secure: services.configuration.secureCookies)))
    for group in [router.group(""), router.group("api")] {
        HealthController(services: services).addRoutes(to: group)
        AuthController(services: services).addRoutes(to: group)
        UserController(services: services).addRoutes(to: group)
        TeamController(services: services).addRoutes(to: group)
        APIKeyController(services: services).addRoutes(to: group)
        IAMParametersController(services: services).addRoutes(to: group)
        AccountController(services: services).addRoutes(to: group)
        OrganizationController(services: services).addRoutes(to: group)
        AuditController(services: services).addRoutes(to: group)
        BlueprintController(services: services).addRoutes(to: group)
        SnapshotController(services: services).addRoutes(to: group)
        MultiAccountSnapshotController(services: services).addRoutes(to: group)
        BlueprintExportController(services: services).addRoutes(to: group)
        CostController(services: services).addRoutes(to: group)
        if let live {
            LiveController(services: services, live: live).addRoutes(to: group)
            MultiAccountLiveController(services: services, live: live).addRoutes(to: group)
        }
    }
    return router
}

/// Keeps the store open for the application's life and closes it on graceful shutdown.
struct StoreService: Service {
    let store: Store
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.info("closing the store")
        // Closing must finish even when the service group is cancelled (a failed start, a second
        // signal): a cancelled close would leave the SQLite connection open and abort at exit.
        let store = self.store
        try await Task { try await store.close() }.value
    }
}

/// Where the web UI's static files are: the `Public` resource folder of this module.
func webAssetsFolder() -> String? {
    guard let url = Bundle.module.url(forResource: "Public", withExtension: nil) else { return nil }
    return url.path
}

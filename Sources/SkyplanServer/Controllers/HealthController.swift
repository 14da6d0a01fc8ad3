import Foundation
import Hummingbird

/// `GET /health`: 200 when the store answers, 503 otherwise. Needs no credentials.
struct HealthController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("health", use: health)
    }

    struct HealthJSON: Encodable {
        let status: String
        let version: String
        let store: String
    }

    @Sendable func health(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        do {
            try await services.store.ping()
            return try JSONResponse.make(
                HealthJSON(status: "ok", version: SkyplanVersion.current, store: services.store.engine))
        } catch {
            context.logger.warning("health check: store unreachable", metadata: ["error": "\(error)"])
            throw APIError.serviceUnavailable("the database is not reachable")
        }
    }
}

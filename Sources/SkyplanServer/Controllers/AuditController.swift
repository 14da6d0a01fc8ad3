import Foundation
import Hummingbird
import SkyplanStore

/// `GET /audit`: who connected, changed, shared, removed which account, and who made or revoked
/// which key. Owners and admins only.
struct AuditController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("audit", use: list)
    }

    struct EventJSON: Encodable {
        let id: String
        let at: Date
        let actorId: String?
        let action: String
        let targetType: String
        let targetId: String
        let detail: String
    }

    @Sendable func list(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        try context.requireIdentity().requireAdmin()
        let limit = min(max(Int(request.uri.queryParameters.get("limit") ?? "") ?? 200, 1), 1000)
        let events = try await services.store.auditEvents(limit: limit).map {
            EventJSON(
                id: $0.id.apiString, at: $0.at, actorId: $0.actorID?.apiString, action: $0.action,
                targetType: $0.targetType, targetId: $0.targetID, detail: $0.detail)
        }
        return try JSONResponse.make(["events": events])
    }
}

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
        let limit = try Self.limit(request.uri.queryParameters.get("limit"))
        let events = try await services.store.auditEvents(limit: limit).map {
            EventJSON(
                id: $0.id.apiString, at: $0.at, actorId: $0.actorID?.apiString, action: $0.action,
                targetType: $0.targetType, targetId: $0.targetID, detail: $0.detail)
        }
        return try JSONResponse.make(["events": events])
    }

    static let maxLimit = 1000

    /// `?limit=`: absent means 200; anything but a whole number from 1 to 1000 is a 400.
    static func limit(_ text: String?) throws -> Int {
        guard let text else { return 200 }
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let limit = Int(text),
            (1...maxLimit).contains(limit)
        else {
            throw APIError.invalidParameter(
                "limit \"\(text.prefix(20))\" must be a whole number from 1 to \(maxLimit)")
        }
        return limit
    }
}

import Foundation
import Hummingbird
import SkyplanStore

/// `GET /user/me` in Cloudcraft's shape, plus the caller's role and external ID.
struct UserJSON: Encodable {
    let user: UserRecord

    struct Settings: Encodable { let currency: String }

    enum CodingKeys: String, CodingKey {
        case id, name, email, settings, createdAt, updatedAt, accessedAt, role, externalId
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.id.apiString, forKey: .id)
        try container.encode(user.name, forKey: .name)
        try container.encode(user.email, forKey: .email)
        try container.encode(Settings(currency: user.currency), forKey: .settings)
        try container.encode(user.createdAt, forKey: .createdAt)
        try container.encode(user.updatedAt, forKey: .updatedAt)
        try container.encode(user.accessedAt, forKey: .accessedAt)
        try container.encode(user.role.rawValue, forKey: .role)
        try container.encode(user.externalID.apiString, forKey: .externalId)
    }
}

struct UserController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("user/me", use: me)
        group.get("user", use: list)
    }

    @Sendable func me(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        try JSONResponse.make(UserJSON(user: try context.requireIdentity().user))
    }

    /// Everyone on this server, for admins picking team members.
    @Sendable func list(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        try context.requireIdentity().requireAdmin()
        let users = try await services.store.users().sorted { $0.email < $1.email }
        return try JSONResponse.make(["users": users.map(UserJSON.init)])
    }
}

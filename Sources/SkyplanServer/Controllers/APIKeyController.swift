import Foundation
import Hummingbird
import SkyplanStore

/// API keys: owners and admins see, make and revoke them. A key is only ever minted for the caller: an admin
/// who could hold a key acting as another user (the owner) would hold that user's rights. Admins may list and
/// revoke anyone's keys. The key itself is shown once, at creation; only its SHA-256 is stored.
struct APIKeyController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("apikey", use: list)
        group.post("apikey", use: create)
        group.delete("apikey/:id", use: revoke)
    }

    struct KeyInput: Decodable {
        let name: String?
        let access: String?
        let userId: String?
    }

    struct KeyJSON: Encodable {
        let id: String
        let name: String
        let userId: String
        let access: String
        let createdAt: Date
        let lastUsedAt: Date?
        let revokedAt: Date?
        /// Present only in the answer to the POST that made it.
        let key: String?
    }

    @Sendable func list(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        try context.requireIdentity().requireAdmin()
        let keys = try await services.store.apiKeys(userID: nil).sorted { $0.createdAt > $1.createdAt }
        return try JSONResponse.make(["keys": keys.map { Self.json($0, key: nil) }])
    }

    @Sendable func create(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let input = try await JSONResponse.decode(KeyInput.self, from: request, context: context)
        guard let access = APIKeyRecord.Access(rawValue: input.access ?? "read") else {
            throw APIError.invalidProperty("access must be \"read\" or \"read-write\"")
        }
        let owner = identity.user
        if let userId = input.userId {
            // Cloudcraft's shape has userId; only the caller's own id is accepted.
            guard let id = UUID(uuidString: userId) else { throw APIError.invalidProperty("userId must be a UUID") }
            guard id == owner.id else {
                throw APIError.forbidden("API keys can only be created for yourself; sign in as that user instead")
            }
        }
        let (record, key) = Self.newKey(
            userID: owner.id, name: input.name ?? "API key", access: access, now: services.now())
        try await services.store.createAPIKey(record)
        try await services.audit(identity, "apikey.create", "apikey", record.id, "\(owner.email) \(access.rawValue)")
        return try JSONResponse.make(Self.json(record, key: key), status: .created)
    }

    @Sendable func revoke(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let id = try context.parameters.requireUUID("id")
        guard let record = try await services.store.apiKeys(userID: nil).first(where: { $0.id == id }) else {
            throw APIError.notFound("API key not found")
        }
        try await services.store.revokeAPIKey(id: id, at: services.now())
        let holder = try await services.store.user(id: record.userID)?.email ?? record.userID.apiString
        try await services.audit(identity, "apikey.revoke", "apikey", id, "\(holder) \(record.access.rawValue)")
        return JSONResponse.noContent()
    }

    /// A new key and the record that stores its hash.
    static func newKey(userID: UUID, name: String, access: APIKeyRecord.Access, now: Date) -> (APIKeyRecord, String) {
        let key = Secrets.newAPIKey()
        let record = APIKeyRecord(
            id: UUID(), userID: userID, name: String(name.prefix(255)), hash: Secrets.hash(key), access: access,
            createdAt: now, lastUsedAt: nil, revokedAt: nil)
        return (record, key)
    }

    static func json(_ record: APIKeyRecord, key: String?) -> KeyJSON {
        KeyJSON(
            id: record.id.apiString, name: record.name, userId: record.userID.apiString, access: record.access.rawValue,
            createdAt: record.createdAt, lastUsedAt: record.lastUsedAt, revokedAt: record.revokedAt, key: key)
    }
}

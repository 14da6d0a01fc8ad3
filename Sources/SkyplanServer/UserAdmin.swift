import Foundation
import HummingbirdBcrypt
import SkyplanStore

/// Creating users and keys, shared by the CLI and the API.
public struct UserAdmin: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date
    /// bcrypt's work factor: 12 in production; tests lower it to keep runs fast.
    public let bcryptCost: UInt8

    public init(store: Store, bcryptCost: UInt8 = 12, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.bcryptCost = bcryptCost
        self.now = now
    }

    public static func generatePassword() -> String { Secrets.newPassword() }

    /// Creates a user with a bcrypt password hash and a fresh, unguessable external ID.
    public func createUser(email: String, name: String, role: UserRecord.Role, password: String) async throws
        -> UserRecord
    {
        let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard password.count >= 8 else { throw UserAdminError("the password must be at least 8 characters") }
        if try await store.user(email: normalized) != nil {
            throw UserAdminError("a user with email \(normalized) already exists")
        }
        let moment = now()
        let user = UserRecord(
            id: UUID(), email: normalized, name: name.trimmingCharacters(in: .whitespaces), role: role,
            passwordHash: Bcrypt.hash(password, cost: bcryptCost), externalID: UUID(), currency: "USD",
            createdAt: moment,
            updatedAt: moment, accessedAt: nil)
        try await store.createUser(user)
        try await store.appendAudit(
            AuditRecord(
                id: UUID(), at: moment, actorID: nil, action: "user.create", targetType: "user",
                targetID: user.id.uuidString.lowercased(), detail: "\(normalized) as \(role.rawValue)"))
        return user
    }

    /// Creates an API key for the user with this email and returns the key (shown once).
    public func createAPIKey(email: String, name: String, access: APIKeyRecord.Access) async throws -> String {
        guard let user = try await store.user(email: email.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw UserAdminError("no user with email \(email); create it first with `skyplan user create`")
        }
        let (record, key) = APIKeyController.newKey(userID: user.id, name: name, access: access, now: now())
        try await store.createAPIKey(record)
        try await store.appendAudit(
            AuditRecord(
                id: UUID(), at: now(), actorID: nil, action: "apikey.create", targetType: "apikey",
                targetID: record.id.uuidString.lowercased(), detail: "\(user.email) \(access.rawValue)"))
        return key
    }
}

/// A user-management error with a message a person can act on.
public struct UserAdminError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

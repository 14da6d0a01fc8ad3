import Foundation
import SkyplanStore

/// Who is making a request, and through what.
public struct Identity: Sendable {
    public enum Method: Sendable, Equatable {
        /// A browser session; writes must carry its CSRF token.
        case session(tokenHash: String)
        /// An API key with its access level.
        case apiKey(id: UUID, access: APIKeyRecord.Access)
    }

    public var user: UserRecord
    public var teamIDs: Set<UUID>
    public var method: Method

    public var isOwner: Bool { user.role == .owner }
    /// Owners and admins manage accounts, teams and keys.
    public var isAdmin: Bool { user.role == .owner || user.role == .admin }

    /// A read-only API key may only read.
    public var mayWrite: Bool {
        if case .apiKey(_, let access) = method { return access == .readWrite }
        return true
    }

    /// Throws 403 unless the caller is an owner or admin with a credential that may write.
    public func requireAdminWrite() throws {
        guard isAdmin else { throw APIError.forbidden("Only owners and admins can do this") }
        guard mayWrite else { throw APIError.forbidden("This API key is read-only") }
    }

    public func requireAdmin() throws {
        guard isAdmin else { throw APIError.forbidden("Only owners and admins can do this") }
    }

    /// `team/<uuid>` strings for the caller's teams.
    public var teamRefs: Set<String> { Set(teamIDs.map { "team/\($0.uuidString.lowercased())" }) }
}

import Foundation
import SkyplanStore

/// Who may see and change what: the one place team access is decided.
///
/// - Owners see and change everything.
/// - Admins and users see what they created and what is shared with one of their teams
///   (`readAccess` or `writeAccess`); a resource shared with nobody is its creator's alone.
/// - Only owners and admins change AWS accounts (creators, or admins in a `writeAccess` team).
/// - Blueprints are changed by their creator, owners, and members of a `writeAccess` team.
enum AccessPolicy {
    static func canSee(_ identity: Identity, creatorID: UUID, readAccess: [String]?, writeAccess: [String]?) -> Bool {
        if identity.isOwner || identity.user.id == creatorID { return true }
        let shared = Set(readAccess ?? []).union(writeAccess ?? [])
        return !shared.isDisjoint(with: identity.teamRefs)
    }

    static func canWrite(_ identity: Identity, creatorID: UUID, writeAccess: [String]?) -> Bool {
        guard identity.mayWrite else { return false }
        if identity.isOwner || identity.user.id == creatorID { return true }
        return !Set(writeAccess ?? []).isDisjoint(with: identity.teamRefs)
    }

    static func canSee(_ identity: Identity, account: AccountRecord) -> Bool {
        canSee(identity, creatorID: account.creatorID, readAccess: account.readAccess, writeAccess: account.writeAccess)
    }

    static func canChange(_ identity: Identity, account: AccountRecord) -> Bool {
        identity.isAdmin && canWrite(identity, creatorID: account.creatorID, writeAccess: account.writeAccess)
    }

    static func canSee(_ identity: Identity, blueprint: BlueprintRecord) -> Bool {
        canSee(
            identity, creatorID: blueprint.creatorID, readAccess: blueprint.readAccess,
            writeAccess: blueprint.writeAccess)
    }

    static func canChange(_ identity: Identity, blueprint: BlueprintRecord) -> Bool {
        canWrite(identity, creatorID: blueprint.creatorID, writeAccess: blueprint.writeAccess)
    }

    /// The blueprint, if the caller may see it; otherwise 404. Without `data` its ``BlueprintRecord/data`` is
    /// empty (``Store/blueprintSummary(id:)``: no query while the store's list is current).
    static func visibleBlueprint(_ id: UUID, store: Store, identity: Identity, data: Bool = true) async throws
        -> BlueprintRecord
    {
        let blueprint = data ? try await store.blueprint(id: id) : try await store.blueprintSummary(id: id)
        guard let blueprint, canSee(identity, blueprint: blueprint) else {
            throw APIError.notFound("Blueprint not found")
        }
        return blueprint
    }

    /// The account, if the caller may see it; otherwise 404, so that nobody learns it exists.
    static func visibleAccount(_ id: UUID, store: Store, identity: Identity) async throws -> AccountRecord {
        guard let account = try await store.account(id: id), canSee(identity, account: account) else {
            throw APIError.notFound("AWS account not found")
        }
        return account
    }
}

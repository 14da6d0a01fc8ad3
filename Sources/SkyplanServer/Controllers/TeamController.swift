import Foundation
import Hummingbird
import SkyplanStore

/// Teams and memberships. Everyone lists the teams they belong to (admins: all teams);
/// owners and admins create, rename, delete teams and manage members.
struct TeamController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("team", use: list)
        group.post("team", use: create)
        group.put("team/:id", use: rename)
        group.delete("team/:id", use: delete)
        group.put("team/:id/member/:userId", use: addMember)
        group.delete("team/:id/member/:userId", use: removeMember)
    }

    struct TeamInput: Decodable { let name: String }
    struct MemberInput: Decodable { let role: String? }

    struct MemberJSON: Encodable {
        let id: String
        let userId: String
        let name: String
        let email: String
        let role: String
    }

    struct TeamJSON: Encodable {
        let id: String
        let name: String
        let createdAt: Date
        let updatedAt: Date
        let role: String
        let members: [MemberJSON]
        let visible: Bool
    }

    @Sendable func list(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let teams = try await services.store.teams()
            .filter { identity.isAdmin || identity.teamIDs.contains($0.id) }
            .sorted { ($0.name.lowercased(), $0.id.uuidString) < ($1.name.lowercased(), $1.id.uuidString) }
        var result: [TeamJSON] = []
        for team in teams { result.append(try await json(team, for: identity)) }
        return try JSONResponse.make(result)
    }

    @Sendable func create(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let input = try await JSONResponse.decode(TeamInput.self, from: request, context: context)
        let now = services.now()
        let team = TeamRecord(id: UUID(), name: try Self.validName(input.name), createdAt: now, updatedAt: now)
        try await services.store.createTeam(team)
        try await services.audit(identity, "team.create", "team", team.id, team.name)
        return try JSONResponse.make(try await json(team, for: identity), status: .created)
    }

    @Sendable func rename(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        var team = try await existingTeam(context)
        let input = try await JSONResponse.decode(TeamInput.self, from: request, context: context)
        team.name = try Self.validName(input.name)
        team.updatedAt = services.now()
        try await services.store.updateTeam(team)
        try await services.audit(identity, "team.rename", "team", team.id, team.name)
        return try JSONResponse.make(try await json(team, for: identity))
    }

    @Sendable func delete(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let team = try await existingTeam(context)
        try await services.store.deleteTeam(id: team.id)
        try await services.audit(identity, "team.delete", "team", team.id, team.name)
        return JSONResponse.noContent()
    }

    @Sendable func addMember(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let team = try await existingTeam(context)
        let userID = try context.parameters.requireUUID("userId")
        guard let user = try await services.store.user(id: userID) else { throw APIError.notFound("User not found") }
        let role = (try? await JSONResponse.decode(MemberInput.self, from: request, context: context))?.role ?? "member"
        guard ["member", "admin"].contains(role) else {
            throw APIError.invalidProperty("role must be \"member\" or \"admin\"")
        }
        try await services.store.setMembership(teamID: team.id, userID: user.id, role: role)
        try await services.audit(identity, "team.member.add", "team", team.id, "\(user.email) as \(role)")
        return try JSONResponse.make(try await json(team, for: identity))
    }

    @Sendable func removeMember(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let team = try await existingTeam(context)
        let userID = try context.parameters.requireUUID("userId")
        try await services.store.removeMembership(teamID: team.id, userID: userID)
        try await services.audit(identity, "team.member.remove", "team", team.id, userID.apiString)
        return JSONResponse.noContent()
    }

    func existingTeam(_ context: SkyplanRequestContext) async throws -> TeamRecord {
        let id = try context.parameters.requireUUID("id")
        guard let team = try await services.store.team(id: id) else { throw APIError.notFound("Team not found") }
        return team
    }

    func json(_ team: TeamRecord, for identity: Identity) async throws -> TeamJSON {
        let memberships = try await services.store.memberships(teamID: team.id)
        var members: [MemberJSON] = []
        for membership in memberships {
            guard let user = try await services.store.user(id: membership.userID) else { continue }
            members.append(
                MemberJSON(
                    id: "\(team.id.apiString):\(user.id.apiString)", userId: user.id.apiString, name: user.name,
                    email: user.email, role: membership.role))
        }
        members.sort { $0.email < $1.email }
        let role = memberships.first { $0.userID == identity.user.id }?.role ?? (identity.isAdmin ? "admin" : "none")
        return TeamJSON(
            id: team.id.apiString, name: team.name, createdAt: team.createdAt, updatedAt: team.updatedAt, role: role,
            members: members, visible: true)
    }

    static func validName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 255 else {
            throw APIError.invalidProperty("name must be 1 to 255 characters")
        }
        return trimmed
    }
}

import Foundation
import SQLKit

extension Store {
    /// Adds a team; throws ``StoreError/conflict`` if the id is taken.
    public func createTeam(_ team: TeamRecord) async throws {
        try await writeAccess { database in
            try await database.raw(
                """
                INSERT INTO teams (id, name, created_at, updated_at) VALUES (\(bind: StoreValue.id(team.id)),
                    \(bind: team.name), \(bind: Millis.value(team.createdAt)), \(bind: Millis.value(team.updatedAt)))
                """
            ).run()
        }
    }

    /// The team with `id`, if any.
    public func team(id: UUID) async throws -> TeamRecord? {
        try await read { database in
            try await database.raw(
                "SELECT id, name, created_at, updated_at FROM teams WHERE id = \(bind: StoreValue.id(id))"
            ).first().map(Self.teamRecord)
        }
    }

    /// Every team, by name.
    public func teams() async throws -> [TeamRecord] {
        try await read { database in
            try await database.raw("SELECT id, name, created_at, updated_at FROM teams ORDER BY name, id")
                .all().map(Self.teamRecord)
        }
    }

    /// Replaces the stored team's name and dates; throws ``StoreError/notFound`` if there is none.
    public func updateTeam(_ team: TeamRecord) async throws {
        try await writeAccess { database in
            try await self.requireRow(
                database,
                """
                UPDATE teams SET name = \(bind: team.name), created_at = \(bind: Millis.value(team.createdAt)),
                    updated_at = \(bind: Millis.value(team.updatedAt))
                WHERE id = \(bind: StoreValue.id(team.id)) RETURNING id
                """,
                notFound: "team \(StoreValue.id(team.id))")
        }
    }

    /// Deletes a team and its memberships; throws ``StoreError/notFound`` if there is none.
    public func deleteTeam(id: UUID) async throws {
        try await writeAccess { database in
            try await self.requireRow(
                database, "DELETE FROM teams WHERE id = \(bind: StoreValue.id(id)) RETURNING id",
                notFound: "team \(StoreValue.id(id))")
        }
    }

    /// Makes `userID` a member of `teamID` with `role`, or changes their role; throws
    /// ``StoreError/notFound`` if the team or the user does not exist.
    public func setMembership(teamID: UUID, userID: UUID, role: String) async throws {
        try await writeAccess { database in
            try await database.raw(
                """
                INSERT INTO memberships (team_id, user_id, role)
                VALUES (\(bind: StoreValue.id(teamID)), \(bind: StoreValue.id(userID)), \(bind: role))
                ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role
                """
            ).run()
        }
    }

    /// Removes `userID` from `teamID`; throws ``StoreError/notFound`` if they were not a member.
    public func removeMembership(teamID: UUID, userID: UUID) async throws {
        try await writeAccess { database in
            try await self.requireRow(
                database,
                """
                DELETE FROM memberships WHERE team_id = \(bind: StoreValue.id(teamID))
                    AND user_id = \(bind: StoreValue.id(userID)) RETURNING team_id
                """,
                notFound: "membership of user \(StoreValue.id(userID)) in team \(StoreValue.id(teamID))")
        }
    }

    /// The members of a team, by user id.
    public func memberships(teamID: UUID) async throws -> [MembershipRecord] {
        try await read { database in
            try await database.raw(
                """
                SELECT team_id, user_id, role FROM memberships WHERE team_id = \(bind: StoreValue.id(teamID))
                ORDER BY user_id
                """
            ).all().map { row in
                let row = StoreRow(row: row)
                return MembershipRecord(
                    teamID: try row.uuid("team_id"), userID: try row.uuid("user_id"), role: try row.string("role"))
            }
        }
    }

    /// The teams a user belongs to, sorted.
    public func teamIDs(userID: UUID) async throws -> [UUID] {
        try await read { database in try await Self.teamIDs(database, userID: userID) }
    }

    /// The user and sorted team ids of rows with the user's columns and `member_of` (NULL: no team), one row per
    /// team; nil without rows.
    static func userWithTeamIDs(_ rows: [any SQLRow]) throws -> (user: UserRecord, teamIDs: [UUID])? {
        guard let first = rows.first else { return nil }
        return (try userRecord(first), try rows.compactMap { try StoreRow(row: $0).optionalUUID("member_of") })
    }

    private static func teamIDs(_ database: any SQLDatabase, userID: UUID) async throws -> [UUID] {
        try await database.raw(
            "SELECT team_id FROM memberships WHERE user_id = \(bind: StoreValue.id(userID)) ORDER BY team_id"
        ).all().map { try StoreRow(row: $0).uuid("team_id") }
    }

    @Sendable static func teamRecord(_ row: any SQLRow) throws -> TeamRecord {
        let row = StoreRow(row: row)
        return TeamRecord(
            id: try row.uuid("id"), name: try row.string("name"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}

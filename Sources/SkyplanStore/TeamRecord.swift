import Foundation

/// A team: a named group of users that accounts and blueprints can be shared with.
public struct TeamRecord: Sendable, Equatable, Codable {
    /// The team's id.
    public var id: UUID
    /// The team's name.
    public var name: String
    /// When the team was created (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the team was last changed (millisecond precision).
    public var updatedAt: Date { didSet { updatedAt = Millis.round(updatedAt) } }

    /// Creates a team record; dates are rounded to the millisecond, as stored.
    public init(id: UUID, name: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = Millis.round(createdAt)
        self.updatedAt = Millis.round(updatedAt)
    }
}

/// A user's membership of a team, with the role they have in it.
public struct MembershipRecord: Sendable, Equatable, Codable {
    /// The team.
    public var teamID: UUID
    /// The member.
    public var userID: UUID
    /// The member's role in the team (free text, e.g. `admin` or `user`).
    public var role: String

    /// Creates a membership record.
    public init(teamID: UUID, userID: UUID, role: String) {
        self.teamID = teamID
        self.userID = userID
        self.role = role
    }
}

import Foundation

/// A person who signs in to Skyplan.
public struct UserRecord: Sendable, Equatable, Codable {
    /// What a user may do (API.md "User and teams").
    public enum Role: String, Sendable, Equatable, Codable, CaseIterable {
        /// Everything.
        case owner
        /// All but ownership: accounts, teams, API keys.
        case admin
        /// Own and team blueprints; scans accounts shared with their teams.
        case user
    }

    /// The user's id.
    public var id: UUID
    /// The email address as entered; unique ignoring case.
    public var email: String
    /// The display name.
    public var name: String
    /// The role.
    public var role: Role
    /// The password hash (bcrypt), `nil` for users who sign in otherwise.
    public var passwordHash: String?
    /// The unguessable external ID used when assuming this user's account roles; unique.
    public var externalID: UUID
    /// The currency of budgets, `USD` by default.
    public var currency: String
    /// When the user was created (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the user was last changed (millisecond precision).
    public var updatedAt: Date { didSet { updatedAt = Millis.round(updatedAt) } }
    /// When the user last used Skyplan (millisecond precision).
    public var accessedAt: Date? { didSet { accessedAt = Millis.round(accessedAt) } }

    /// Creates a user record; dates are rounded to the millisecond, as stored.
    public init(
        id: UUID, email: String, name: String, role: Role, passwordHash: String? = nil, externalID: UUID,
        currency: String = "USD", createdAt: Date, updatedAt: Date, accessedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.externalID = externalID
        self.currency = currency
        self.createdAt = Millis.round(createdAt)
        self.updatedAt = Millis.round(updatedAt)
        self.accessedAt = Millis.round(accessedAt)
    }
}

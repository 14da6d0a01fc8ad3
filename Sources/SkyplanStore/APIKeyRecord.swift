import Foundation

/// An API key. Only its hash is stored; the key itself is shown once, when created.
public struct APIKeyRecord: Sendable, Equatable, Codable {
    /// What a key may do.
    public enum Access: String, Sendable, Equatable, Codable, CaseIterable {
        /// Read-only routes.
        case read
        /// Every route the user may use.
        case readWrite = "read-write"
    }

    /// The key's id.
    public var id: UUID
    /// The user the key acts as.
    public var userID: UUID
    /// A name to recognise the key by.
    public var name: String
    /// The hash of the key (unique); never the key.
    public var hash: String
    /// What the key may do.
    public var access: Access
    /// When the key was created (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the key was last used (millisecond precision).
    public var lastUsedAt: Date? { didSet { lastUsedAt = Millis.round(lastUsedAt) } }
    /// When the key was revoked; a revoked key authenticates nothing.
    public var revokedAt: Date? { didSet { revokedAt = Millis.round(revokedAt) } }

    /// Creates an API key record; dates are rounded to the millisecond, as stored.
    public init(
        id: UUID, userID: UUID, name: String, hash: String, access: Access, createdAt: Date,
        lastUsedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.hash = hash
        self.access = access
        self.createdAt = Millis.round(createdAt)
        self.lastUsedAt = Millis.round(lastUsedAt)
        self.revokedAt = Millis.round(revokedAt)
    }
}

/// A browser session. Only the hash of the session token is stored.
public struct SessionRecord: Sendable, Equatable, Codable {
    /// The hash of the session cookie's token (unique).
    public var tokenHash: String
    /// The signed-in user.
    public var userID: UUID
    /// The CSRF token paired with the session.
    public var csrfToken: String
    /// When the session started (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the session ends (millisecond precision).
    public var expiresAt: Date { didSet { expiresAt = Millis.round(expiresAt) } }

    /// Creates a session record; dates are rounded to the millisecond, as stored.
    public init(tokenHash: String, userID: UUID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = Millis.round(createdAt)
        self.expiresAt = Millis.round(expiresAt)
    }
}

import Foundation

/// A saved diagram. Every save is a new version; ``currentVersionID`` is the etag.
public struct BlueprintRecord: Sendable, Equatable, Codable {
    /// The blueprint's id.
    public var id: UUID
    /// The blueprint's name.
    public var name: String
    /// Tags, in the caller's order.
    public var tags: [String]
    /// Who may read (`team/<uuid>` entries); `nil` means the default.
    public var readAccess: [String]?
    /// Who may write (`team/<uuid>` entries); `nil` means the default.
    public var writeAccess: [String]?
    /// The user who created it.
    public var creatorID: UUID
    /// The user who saved it last.
    public var lastUserID: UUID
    /// The id of the current version: the etag.
    public var currentVersionID: UUID
    /// The blueprint document (JSON) of the current version; empty in lists.
    public var data: Data
    /// When the blueprint was created (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the blueprint was last saved (millisecond precision).
    public var updatedAt: Date { didSet { updatedAt = Millis.round(updatedAt) } }

    /// Creates a blueprint record; dates are rounded to the millisecond, as stored.
    public init(
        id: UUID, name: String, tags: [String] = [], readAccess: [String]? = nil, writeAccess: [String]? = nil,
        creatorID: UUID, lastUserID: UUID, currentVersionID: UUID, data: Data, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.tags = tags
        self.readAccess = readAccess
        self.writeAccess = writeAccess
        self.creatorID = creatorID
        self.lastUserID = lastUserID
        self.currentVersionID = currentVersionID
        self.data = data
        self.createdAt = Millis.round(createdAt)
        self.updatedAt = Millis.round(updatedAt)
    }
}

/// One saved version of a blueprint.
public struct BlueprintVersionRecord: Sendable, Equatable, Codable {
    /// The version's id (an etag).
    public var id: UUID
    /// The blueprint.
    public var blueprintID: UUID
    /// 1 for the first version, then 2, 3, ...
    public var number: Int
    /// The blueprint document (JSON) of this version.
    public var data: Data
    /// The user who saved this version.
    public var userID: UUID
    /// When this version was saved (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }

    /// Creates a version record; the date is rounded to the millisecond, as stored.
    public init(id: UUID, blueprintID: UUID, number: Int, data: Data, userID: UUID, createdAt: Date) {
        self.id = id
        self.blueprintID = blueprintID
        self.number = number
        self.data = data
        self.userID = userID
        self.createdAt = Millis.round(createdAt)
    }
}

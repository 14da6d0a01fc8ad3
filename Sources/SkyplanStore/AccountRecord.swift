import Foundation

/// A connected AWS account: a role Skyplan assumes with its creator's external ID. Nothing live.
public struct AccountRecord: Sendable, Equatable, Codable {
    /// The account's id.
    public var id: UUID
    /// The name users see.
    public var name: String
    /// The IAM role ARN Skyplan assumes.
    public var roleARN: String
    /// The external ID used when assuming the role (the creator's).
    public var externalID: UUID
    /// The region used for AssumeRole and the default scan.
    public var region: String
    /// Who may read (`team/<uuid>` entries); `nil` means the default.
    public var readAccess: [String]?
    /// Who may write (`team/<uuid>` entries); `nil` means the default.
    public var writeAccess: [String]?
    /// The user who connected the account.
    public var creatorID: UUID
    /// When the account was connected (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the account was last changed (millisecond precision).
    public var updatedAt: Date { didSet { updatedAt = Millis.round(updatedAt) } }
    /// The outcome of the last role check (e.g. `ok`, `failed`), if any.
    public var checkStatus: String?
    /// What the last role check said.
    public var checkMessage: String?
    /// When the role was last checked (millisecond precision).
    public var checkedAt: Date? { didSet { checkedAt = Millis.round(checkedAt) } }

    /// Creates an account record; dates are rounded to the millisecond, as stored.
    public init(
        id: UUID, name: String, roleARN: String, externalID: UUID, region: String,
        readAccess: [String]? = nil, writeAccess: [String]? = nil, creatorID: UUID, createdAt: Date,
        updatedAt: Date, checkStatus: String? = nil, checkMessage: String? = nil, checkedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.roleARN = roleARN
        self.externalID = externalID
        self.region = region
        self.readAccess = readAccess
        self.writeAccess = writeAccess
        self.creatorID = creatorID
        self.createdAt = Millis.round(createdAt)
        self.updatedAt = Millis.round(updatedAt)
        self.checkStatus = checkStatus
        self.checkMessage = checkMessage
        self.checkedAt = Millis.round(checkedAt)
    }
}

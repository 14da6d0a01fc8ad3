import Foundation

/// One entry of the audit log: who did what to which record.
public struct AuditRecord: Sendable, Equatable, Codable {
    /// The entry's id.
    public var id: UUID
    /// When it happened (millisecond precision).
    public var at: Date { didSet { at = Millis.round(at) } }
    /// Who did it; `nil` for the system or the command line.
    public var actorID: UUID?
    /// What was done, e.g. `account.create`.
    public var action: String
    /// The kind of record acted on, e.g. `account`.
    public var targetType: String
    /// The id of the record acted on.
    public var targetID: String
    /// A short description; never secrets or live data.
    public var detail: String

    /// Creates an audit record; the date is rounded to the millisecond, as stored.
    public init(
        id: UUID, at: Date, actorID: UUID? = nil, action: String, targetType: String, targetID: String,
        detail: String = ""
    ) {
        self.id = id
        self.at = Millis.round(at)
        self.actorID = actorID
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.detail = detail
    }
}

import Foundation

/// A snapshot job: one render of an account's diagram, shared by replicas through the store
/// so that a client's retry (long poll) reaching another replica finds the same job.
public struct SnapshotJobRecord: Sendable, Equatable, Codable {
    /// Where a job is.
    public enum Status: String, Sendable, Equatable, Codable, CaseIterable {
        /// Claimed, not started.
        case pending
        /// Being computed.
        case running
        /// Finished with a result.
        case done
        /// Finished with an error.
        case failed
    }

    /// The job's key (e.g. account, region, format and options).
    public var key: String
    /// The account snapshotted.
    public var accountID: UUID
    /// Where the job is.
    public var status: Status
    /// The rendered result, once done.
    public var result: Data?
    /// The result's content type, once done.
    public var contentType: String?
    /// The error message, if failed.
    public var error: String?
    /// When the job was claimed (millisecond precision).
    public var createdAt: Date { didSet { createdAt = Millis.round(createdAt) } }
    /// When the job last changed (millisecond precision).
    public var updatedAt: Date { didSet { updatedAt = Millis.round(updatedAt) } }

    /// Creates a snapshot job record; dates are rounded to the millisecond, as stored.
    public init(
        key: String, accountID: UUID, status: Status, result: Data? = nil, contentType: String? = nil,
        error: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.key = key
        self.accountID = accountID
        self.status = status
        self.result = result
        self.contentType = contentType
        self.error = error
        self.createdAt = Millis.round(createdAt)
        self.updatedAt = Millis.round(updatedAt)
    }
}

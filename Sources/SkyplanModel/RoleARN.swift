import Foundation

/// The ARN of an IAM role that Skyplan assumes: `arn:<partition>:iam::<12 digits>:role/<path/name>`.
public struct RoleARN: Hashable, Sendable, Codable, CustomStringConvertible {
    public let arn: ARN

    /// The account that owns the role.
    public var accountID: String { arn.accountID }
    public var partition: Partition { Partition(rawValue: arn.partition) ?? .aws }
    /// The role's name, without its path.
    public var roleName: String { arn.resourceID }

    public init(parsing text: String) throws(ARNError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let arn = try ARN(parsing: trimmed)
        guard arn.service == "iam" else {
            throw .malformed(trimmed, "it names the \"\(arn.service)\" service; a role ARN names \"iam\"")
        }
        guard arn.region.isEmpty else {
            throw .malformed(trimmed, "IAM is global: the region part must be empty (arn:aws:iam::ACCOUNT:role/NAME)")
        }
        guard AccountID.isValid(arn.accountID) else {
            throw .malformed(trimmed, "the account id \"\(arn.accountID)\" is not 12 digits")
        }
        guard arn.resource.hasPrefix("role/"), arn.resource.count > 5 else {
            throw .malformed(trimmed, "the resource must be role/NAME (it is \"\(arn.resource)\")")
        }
        let name = arn.resourceID
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-")
        guard name.count <= 64, name.allSatisfy({ allowed.contains($0) }) else {
            throw .malformed(
                trimmed, "the role name \"\(name)\" is not a valid IAM role name (1-64 of A-Z a-z 0-9 +=,.@_-)")
        }
        self.arn = arn
    }

    public var description: String { arn.description }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A 12-digit AWS account id.
public enum AccountID {
    public static func isValid(_ text: String) -> Bool {
        text.count == 12 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

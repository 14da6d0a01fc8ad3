import Foundation
import SkyplanModel
import SkyplanStore

/// The account object of API.md (Cloudcraft's shape, `CreatorId` capitalised), plus Skyplan's
/// `accountId`, `region` and the last access check.
struct AccountJSON: Encodable {
    let record: AccountRecord

    struct Check: Encodable {
        let status: String
        let message: String?
        let checkedAt: Date?
    }

    enum CodingKeys: String, CodingKey {
        case id, name, roleArn, externalId, readAccess, writeAccess, createdAt, updatedAt, source, region
        case creatorId = "CreatorId"
        case accountId, check
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.roleARN, forKey: .roleArn)
        try container.encode(record.externalID.apiString, forKey: .externalId)
        try container.encode(record.readAccess, forKey: .readAccess)
        try container.encode(record.writeAccess, forKey: .writeAccess)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.updatedAt, forKey: .updatedAt)
        try container.encode(record.creatorID.apiString, forKey: .creatorId)
        try container.encode("aws", forKey: .source)
        try container.encode(record.region, forKey: .region)
        try container.encode((try? RoleARN(parsing: record.roleARN))?.accountID, forKey: .accountId)
        try container.encode(
            Check(status: record.checkStatus ?? "unchecked", message: record.checkMessage, checkedAt: record.checkedAt),
            forKey: .check)
    }
}

/// `POST /aws/account` and `PUT /aws/account/{id}` bodies.
struct AccountInput: Decodable {
    var name: String?
    var roleArn: String?
    var region: String?
    var readAccess: [String]?
    var writeAccess: [String]?

    /// Cloudcraft clients send `null` or omit the lists; both mean "shared with nobody".
    enum CodingKeys: String, CodingKey { case name, roleArn, region, readAccess, writeAccess }
}

/// The result of an access check, stored on the account so the list can say "access revoked".
enum AccountCheckStatus: String {
    case ok
    case failed
}

extension AccountRecord {
    /// The account with the outcome of an access check made at `moment`: `failure` nil means the role
    /// was assumed, otherwise it says why not.
    func checked(failure: String?, at moment: Date) -> AccountRecord {
        var record = self
        record.checkStatus = (failure == nil ? AccountCheckStatus.ok : .failed).rawValue
        record.checkMessage = failure
        record.checkedAt = moment
        return record
    }
}

import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanStore

/// A blueprint as API.md shows it: metadata, and `data` when the whole blueprint is asked for.
struct BlueprintJSON: Encodable {
    let record: BlueprintRecord
    let data: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, name, tags, readAccess, writeAccess, createdAt, updatedAt, data
        case creatorId = "CreatorId"
        case lastUserId = "LastUserId"
        case currentVersionId = "CurrentVersionId"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.tags, forKey: .tags)
        try container.encode(record.readAccess, forKey: .readAccess)
        try container.encode(record.writeAccess, forKey: .writeAccess)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.updatedAt, forKey: .updatedAt)
        try container.encode(record.creatorID.apiString, forKey: .creatorId)
        try container.encode(record.lastUserID.apiString, forKey: .lastUserId)
        try container.encode(record.currentVersionID.apiString, forKey: .currentVersionId)
        try container.encodeIfPresent(data, forKey: .data)
    }
}

/// `GET /blueprint/{id}/diff`.
struct BlueprintDiffJSON: Encodable {
    let from: Int
    let to: Int
    let diff: BlueprintDiff

    enum CodingKeys: String, CodingKey { case from, to, added, removed, changed }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(diff.added, forKey: .added)
        try container.encode(diff.removed, forKey: .removed)
        try container.encode(diff.changed, forKey: .changed)
    }
}

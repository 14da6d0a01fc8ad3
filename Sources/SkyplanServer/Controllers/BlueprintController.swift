import Foundation
import HTTPTypes
import Hummingbird
import SkyplanDiagram
import SkyplanModel
import SkyplanStore

/// `/blueprint` CRUD (API.md "Blueprints"), with ETags, versions kept on every update, and a diff
/// between two versions.
struct BlueprintController {
    let services: AppServices
    /// The list's rows as last encoded.
    let listRows = BlueprintListRows()
    /// Whole blueprints as last encoded, by version.
    let bodies = BlueprintBodies()

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("blueprint", use: list)
        group.post("blueprint", use: create)
        group.get("blueprint/:id", use: read)
        group.put("blueprint/:id", use: update)
        group.delete("blueprint/:id", use: delete)
        group.get("blueprint/:id/versions", use: versions)
        group.get("blueprint/:id/diff", use: diff)
    }

    /// A POST or PUT body: `{"data": {...}}` plus optional metadata.
    struct BlueprintInput: Decodable {
        var data: JSONValue?
        var name: String?
        var tags: [String]?
        var readAccess: [String]?
        var writeAccess: [String]?
    }

    @Sendable func list(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        // The store lists the most recently updated first, the API's order.
        let visible = try await services.store.blueprints().filter { AccessPolicy.canSee(identity, blueprint: $0) }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: listRows.body(visible))))
    }

    @Sendable func create(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let input = try await JSONResponse.decode(BlueprintInput.self, from: request, context: context)
        let data = try Self.validData(input.data)
        let now = services.now()
        let record = BlueprintRecord(
            id: UUID(), name: try Self.validName(input.name ?? data.name), tags: input.tags ?? [],
            readAccess: try await services.teamRefs(input.readAccess, property: "readAccess"),
            writeAccess: try await services.teamRefs(input.writeAccess, property: "writeAccess"),
            creatorID: identity.user.id, lastUserID: identity.user.id, currentVersionID: UUID(), data: data.encoded(),
            createdAt: now, updatedAt: now)
        try await services.store.createBlueprint(record)
        let stored = try await services.store.blueprint(id: record.id) ?? record
        return try JSONResponse.make(
            BlueprintJSON(record: stored, data: data.json), status: .created, headers: Self.etag(stored))
    }

    @Sendable func read(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let record = try await visibleBlueprint(context, data: false)
        let body = try await bodies.body(for: record) {
            // The version is kept even if the blueprint was saved meanwhile: this answer is as of the summary.
            guard
                let version = try await services.store.blueprintVersion(
                    id: record.id, versionID: record.currentVersionID)
            else { throw APIError.notFound("Blueprint not found") }
            let data = try BlueprintData.decode(version.data, checking: false)
            return Array(try JSONResponse.encoder().encode(BlueprintJSON(record: record, data: data.json)))
        }
        var headers = Self.etag(record)
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    @Sendable func update(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        var record = try await visibleBlueprint(context, data: false)
        guard AccessPolicy.canChange(identity, blueprint: record) else {
            throw APIError.forbidden("You may read this blueprint but not change it")
        }
        let input = try await JSONResponse.decode(BlueprintInput.self, from: request, context: context)
        let expected = try Self.ifMatch(request)
        if let expected, expected != record.currentVersionID {
            throw APIError.preconditionFailed("The blueprint was changed by someone else; reload it and try again")
        }
        let data = try Self.validData(input.data)
        record.name = try Self.validName(input.name ?? data.name)
        if let tags = input.tags { record.tags = tags }
        if input.readAccess != nil || input.writeAccess != nil {
            guard identity.user.id == record.creatorID || identity.isOwner else {
                throw APIError.forbidden("Only the blueprint's creator changes who it is shared with")
            }
            record.readAccess = try await services.teamRefs(input.readAccess, property: "readAccess")
            record.writeAccess = try await services.teamRefs(input.writeAccess, property: "writeAccess")
        }
        record.data = data.encoded()
        record.lastUserID = identity.user.id
        record.updatedAt = services.now()
        let updated = try await services.store.updateBlueprint(record, ifVersion: expected)
        var response = JSONResponse.noContent()
        response.headers[.eTag] = Self.etagValue(updated)
        return response
    }

    @Sendable func delete(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let record = try await visibleBlueprint(context, data: false)
        guard AccessPolicy.canChange(identity, blueprint: record) else {
            throw APIError.forbidden("You may read this blueprint but not delete it")
        }
        try await services.store.deleteBlueprint(id: record.id)
        bodies.forget(record.id)
        return JSONResponse.noContent()
    }

    struct VersionJSON: Encodable {
        let id: String
        let number: Int
        let userId: String
        let createdAt: Date
    }

    @Sendable func versions(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let record = try await visibleBlueprint(context, data: false)
        let versions = try await services.store.blueprintVersions(id: record.id).map {
            VersionJSON(id: $0.id.apiString, number: $0.number, userId: $0.userID.apiString, createdAt: $0.createdAt)
        }
        return try JSONResponse.make(["versions": versions])
    }

    /// Components added, removed and changed between two versions (default: previous → current).
    @Sendable func diff(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let record = try await visibleBlueprint(context, data: false)
        let versions = try await services.store.blueprintVersions(id: record.id)
        func version(_ parameter: String, fallback: BlueprintVersionRecord?) throws -> BlueprintVersionRecord {
            guard let text = request.uri.queryParameters.get(parameter) else {
                guard let fallback else { throw APIError.invalidParameter("\(parameter): no such version") }
                return fallback
            }
            if let number = Int(text), let match = versions.first(where: { $0.number == number }) { return match }
            if let id = UUID(uuidString: text), let match = versions.first(where: { $0.id == id }) { return match }
            throw APIError.invalidParameter("\(parameter): no version \"\(text.prefix(40))\" of this blueprint")
        }
        let to = try version("to", fallback: versions.last)
        let from = try version("from", fallback: versions.dropLast().last ?? versions.last)
        let result = BlueprintDiff.between(
            try BlueprintData.decode(from.data, checking: false), try BlueprintData.decode(to.data, checking: false))
        return try JSONResponse.make(BlueprintDiffJSON(from: from.number, to: to.number, diff: result))
    }

    func visibleBlueprint(_ context: SkyplanRequestContext, data: Bool) async throws -> BlueprintRecord {
        try await AccessPolicy.visibleBlueprint(
            try context.parameters.requireUUID("id"), store: services.store, identity: try context.requireIdentity(),
            data: data)
    }

    static func validData(_ json: JSONValue?) throws -> BlueprintData {
        guard let json else { throw APIError.invalidProperty("missing property \"data\"") }
        do {
            return try BlueprintData(json: json)
        } catch {
            throw APIError.invalidProperty("data: \(error)")
        }
    }

    static func validName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 255 else { throw APIError.invalidProperty("name is longer than 255 characters") }
        return trimmed.isEmpty ? "Untitled" : trimmed
    }

    static func etagValue(_ record: BlueprintRecord) -> String { "\"\(record.currentVersionID.apiString)\"" }

    static func etag(_ record: BlueprintRecord) -> HTTPFields { [.eTag: etagValue(record)] }

    /// The version an `If-Match` header names, if any.
    static func ifMatch(_ request: Request) throws -> UUID? {
        guard let header = request.headers[.ifMatch], header != "*" else { return nil }
        let value = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let id = UUID(uuidString: value) else {
            throw APIError.preconditionFailed("If-Match does not name a version of this blueprint")
        }
        return id
    }
}

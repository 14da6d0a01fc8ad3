import Foundation
import Hummingbird
import Logging
import SkyplanModel
import SkyplanStore

/// `/aws/account` routes: list, connect, edit, remove, verify (API.md "AWS accounts").
struct AccountController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("aws/account", use: list)
        group.post("aws/account", use: create)
        group.put("aws/account/:id", use: update)
        group.delete("aws/account/:id", use: delete)
        group.post("aws/account/:id/verify", use: verify)
    }

    static let maxNameLength = 255

    @Sendable func list(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let visible = try await services.store.accounts()
            .filter { AccessPolicy.canSee(identity, account: $0) }
            .sorted { ($0.name.lowercased(), $0.id.uuidString) < ($1.name.lowercased(), $1.id.uuidString) }
        return try JSONResponse.make(["accounts": visible.map(AccountJSON.init)])
    }

    @Sendable func create(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let input = try await JSONResponse.decode(AccountInput.self, from: request, context: context)
        let name = try Self.validName(input.name)
        guard let roleArn = input.roleArn else { throw APIError.invalidProperty("missing property \"roleArn\"") }
        let readAccess = try await services.teamRefs(input.readAccess, property: "readAccess")
        let writeAccess = try await services.teamRefs(input.writeAccess, property: "writeAccess")
        let region = input.region ?? ((try? RoleARN(parsing: roleArn))?.partition ?? .aws).defaultRegion
        let role = try await services.validator.validate(
            roleArn: roleArn, externalID: identity.user.externalID.apiString, region: region)
        let now = services.now()
        let record = AccountRecord(
            id: UUID(), name: name, roleARN: role.description, externalID: identity.user.externalID, region: region,
            readAccess: readAccess, writeAccess: writeAccess, creatorID: identity.user.id, createdAt: now,
            updatedAt: now, checkStatus: AccountCheckStatus.ok.rawValue, checkMessage: nil, checkedAt: now)
        try await services.store.createAccount(record)
        try await services.audit(identity, "account.connect", "account", record.id, "\(name) \(role)")
        return try JSONResponse.make(AccountJSON(record: record), status: .created)
    }

    @Sendable func update(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.parameters.requireUUID("id")
        var record = try await AccessPolicy.visibleAccount(id, store: services.store, identity: identity)
        guard AccessPolicy.canChange(identity, account: record) else {
            throw APIError.forbidden("You may use this account but not change it")
        }
        let input = try await JSONResponse.decode(AccountInput.self, from: request, context: context)
        if let name = input.name { record.name = try Self.validName(name) }
        let oldSharing = (record.readAccess, record.writeAccess)
        if input.readAccess != nil || input.writeAccess != nil {
            record.readAccess = try await services.teamRefs(input.readAccess, property: "readAccess")
            record.writeAccess = try await services.teamRefs(input.writeAccess, property: "writeAccess")
        }
        let roleArn = input.roleArn ?? record.roleARN
        if let region = input.region {
            // Checked here, not only with a new role: a region alone becomes part of every endpoint's host name.
            let partition = (try? RoleARN(parsing: roleArn))?.partition
            record.region = try Region.requireKnown(region, field: "region", partition: partition)
        }
        if roleArn != record.roleARN || input.region != nil {
            // A changed role or region is checked like a new account, with the creator's external ID.
            let role = try await services.validator.validate(
                roleArn: roleArn, externalID: record.externalID.apiString, region: record.region)
            record.roleARN = role.description
            record = record.checked(failure: nil, at: services.now())
        }
        record.updatedAt = services.now()
        try await services.store.updateAccount(record)
        let shared = oldSharing.0 != record.readAccess || oldSharing.1 != record.writeAccess
        try await services.audit(
            identity, shared ? "account.share" : "account.update", "account", record.id,
            "\(record.name) read=\(record.readAccess ?? []) write=\(record.writeAccess ?? [])")
        return try JSONResponse.make(AccountJSON(record: record))
    }

    @Sendable func delete(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.parameters.requireUUID("id")
        let record = try await AccessPolicy.visibleAccount(id, store: services.store, identity: identity)
        guard AccessPolicy.canChange(identity, account: record) else {
            throw APIError.forbidden("You may use this account but not remove it")
        }
        try await services.store.deleteAccount(id: id)
        try await services.audit(identity, "account.remove", "account", id, record.name)
        return JSONResponse.noContent()
    }

    /// Re-checks access now and stores the result, so the list can show "access revoked".
    @Sendable func verify(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.parameters.requireUUID("id")
        let record = try await AccessPolicy.visibleAccount(id, store: services.store, identity: identity)
        let checked = try await services.recheck(record)
        return try JSONResponse.make(AccountJSON(record: checked))
    }

    static func validName(_ name: String?) throws -> String {
        guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            throw APIError.invalidProperty("missing property \"name\"")
        }
        guard name.count <= maxNameLength else {
            throw APIError.invalidProperty("name is \(name.count) characters long; at most \(maxNameLength) allowed")
        }
        return name
    }
}

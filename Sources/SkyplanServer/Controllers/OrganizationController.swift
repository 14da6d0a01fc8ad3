import Foundation
import Hummingbird
import SkyplanModel
import SkyplanStore

/// `POST /aws/organization/import {roleName, managementRoleArn, region?, readAccess?, writeAccess?}`:
/// connects every member account of an AWS Organization where the role exists, and reports per account
/// what worked and what did not (beyond Cloudcraft, where each member is added by hand).
struct OrganizationController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.post("aws/organization/import", use: importMembers)
    }

    struct ImportInput: Decodable {
        let roleName: String?
        let managementRoleArn: String?
        let region: String?
        let readAccess: [String]?
        let writeAccess: [String]?
    }

    struct MemberResult: Encodable {
        let accountId: String
        let name: String
        /// `connected`, `already_connected`, `skipped` or `failed`.
        let status: String
        let message: String?
        let account: AccountJSON?
    }

    @Sendable func importMembers(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try identity.requireAdminWrite()
        let input = try await JSONResponse.decode(ImportInput.self, from: request, context: context)
        guard let roleName = input.roleName, !roleName.isEmpty else {
            throw APIError.invalidProperty("missing property \"roleName\"")
        }
        guard let managementText = input.managementRoleArn else {
            throw APIError.invalidProperty("missing property \"managementRoleArn\"")
        }
        let management: RoleARN
        do {
            management = try RoleARN(parsing: managementText)
        } catch {
            throw APIError.invalidProperty("managementRoleArn: \(error.description)")
        }
        let readAccess = try await services.teamRefs(input.readAccess, property: "readAccess")
        let writeAccess = try await services.teamRefs(input.writeAccess, property: "writeAccess")
        let region = try Region.requireKnown(
            input.region ?? management.partition.defaultRegion, field: "region", partition: management.partition)
        let externalID = identity.user.externalID.apiString
        let members = try await services.organizations.memberAccounts(
            managementRole: management, externalID: externalID)
        let connected = Set(
            try await services.store.accounts().compactMap { try? RoleARN(parsing: $0.roleARN).description })
        var results: [MemberResult] = []
        for member in members.sorted(by: { $0.id < $1.id }) {
            let arn = "arn:\(management.partition.rawValue):iam::\(member.id):role/\(roleName)"
            guard member.status == "ACTIVE" else {
                results.append(
                    MemberResult(
                        accountId: member.id, name: member.name, status: "skipped",
                        message: "the account is \(member.status)", account: nil))
                continue
            }
            guard !connected.contains(arn) else {
                results.append(
                    MemberResult(
                        accountId: member.id, name: member.name, status: "already_connected",
                        message: nil, account: nil))
                continue
            }
            do {
                let role = try await services.validator.validate(roleArn: arn, externalID: externalID, region: region)
                let now = services.now()
                let record = AccountRecord(
                    id: UUID(), name: member.name.isEmpty ? member.id : String(member.name.prefix(255)),
                    roleARN: role.description, externalID: identity.user.externalID, region: region,
                    readAccess: readAccess, writeAccess: writeAccess, creatorID: identity.user.id, createdAt: now,
                    updatedAt: now, checkStatus: AccountCheckStatus.ok.rawValue, checkMessage: nil, checkedAt: now)
                try await services.store.createAccount(record)
                try await services.audit(
                    identity, "account.connect", "account", record.id, "\(record.name) \(role) (organization import)")
                results.append(
                    MemberResult(
                        accountId: member.id, name: member.name, status: "connected", message: nil,
                        account: AccountJSON(record: record)))
            } catch let error as APIError {
                results.append(
                    MemberResult(
                        accountId: member.id, name: member.name, status: "failed",
                        message: error.message, account: nil))
            }
        }
        return try JSONResponse.make(["results": results])
    }
}

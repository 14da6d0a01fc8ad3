import Foundation
import SkyplanAWS
import SkyplanModel

/// Lists an AWS Organization's member accounts through a read-only role in its management account.
public protocol OrganizationDirectory: Sendable {
    func memberAccounts(managementRole: RoleARN, externalID: String) async throws -> [OrganizationMember]
}

public struct OrganizationMember: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`.
    public var status: String

    public init(id: String, name: String, status: String) {
        self.id = id
        self.name = name
        self.status = status
    }
}

/// Organizations `ListAccounts` with the management account's role, assumed with the caller's external ID.
public struct AWSOrganizationDirectory: OrganizationDirectory {
    public let roles: AssumedRoleCache

    public init(roles: AssumedRoleCache) {
        self.roles = roles
    }

    public func memberAccounts(managementRole: RoleARN, externalID: String) async throws -> [OrganizationMember] {
        let client = await roles.client(roleARN: managementRole.description, externalID: externalID)
            .with(region: managementRole.partition.defaultRegion)
        do {
            return try await client.listAccounts().map {
                OrganizationMember(id: $0.id, name: $0.name, status: $0.status)
            }
        } catch let error as AWSError {
            if error.code == "AWSOrganizationsNotInUseException" {
                throw APIError.badRequest("account \(managementRole.accountID) is not part of an AWS Organization")
            }
            if error.isAccessDenied {
                throw APIError.badRequest(
                    "the role \(managementRole) cannot list the organization's accounts (\(error.code)): it must be in the "
                        + "management account (or a delegated administrator) and allow organizations:ListAccounts")
            }
            throw APIError.serviceUnavailable("AWS Organizations could not be read: \(error.code)")
        }
    }
}

/// The organization directory of a server without AWS (tests that do not need it).
public struct NoOrganizationDirectory: OrganizationDirectory {
    public init() {}
    public func memberAccounts(managementRole: RoleARN, externalID: String) async throws -> [OrganizationMember] {
        throw APIError.serviceUnavailable("this server has no AWS Organizations access configured")
    }
}

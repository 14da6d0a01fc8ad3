import Foundation
import SkyplanModel

/// An IAM role, as `GetRole` shows it.
public struct IAMRole: Sendable, Hashable {
    public var roleName: String
    public var arn: String
    public var roleID: String
    /// The trust policy document (URL-decoded JSON text).
    public var assumeRolePolicyDocument: String
    public var maxSessionDuration: Int?
}

/// An account of an organization.
public struct OrganizationAccount: Sendable, Hashable {
    public var id: String
    public var arn: String
    public var name: String
    public var email: String
    /// `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`.
    public var status: String
}

extension AWSClient {
    /// IAM `GetRole` (global).
    /// See https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
    public func getRole(name: String, region: String? = nil) async throws -> IAMRole {
        let result = try await query(AWSOperation.IAM.getRole, ["RoleName": name], region: region)
        guard let role = result["Role"], let arn = role.string("Arn") else {
            throw AWSError(
                kind: .invalidResponse, code: "MissingRole", message: "GetRole answered without a role",
                service: "iam", operation: "GetRole")
        }
        let document = role.string("AssumeRolePolicyDocument") ?? ""
        return IAMRole(
            roleName: role.string("RoleName") ?? name, arn: arn, roleID: role.string("RoleId") ?? "",
            assumeRolePolicyDocument: document.removingPercentEncoding ?? document,
            maxSessionDuration: role.string("MaxSessionDuration").flatMap { Int($0) })
    }

    /// Organizations `ListAccounts` (from the management or a delegated administrator account), page by page.
    /// See https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
    public func listAccountsPages(region: String? = nil) -> Paginated<[OrganizationAccount]> {
        let client = self
        return Paginated { token in
            var body: [String: JSONValue] = ["MaxResults": 20]
            if let token { body["NextToken"] = .string(token) }
            let answer = try await client.json(AWSOperation.Organizations.listAccounts, .object(body), region: region)
            let accounts = (answer["Accounts"]?.arrayValue ?? []).compactMap { item -> OrganizationAccount? in
                guard let id = item["Id"]?.stringValue else { return nil }
                return OrganizationAccount(
                    id: id, arn: item["Arn"]?.stringValue ?? "", name: item["Name"]?.stringValue ?? "",
                    email: item["Email"]?.stringValue ?? "", status: item["Status"]?.stringValue ?? "")
            }
            return (accounts, answer["NextToken"]?.stringValue)
        }
    }

    /// Organizations `ListAccounts`, all accounts.
    public func listAccounts(region: String? = nil) async throws -> [OrganizationAccount] {
        try await listAccountsPages(region: region).all()
    }
}

import Foundation
import SkyplanAWS
import SkyplanBudget
import SkyplanModel
import SkyplanStore

/// Reads an account's actual cost of a month: Cost Explorer through the account's role in production, fixed
/// figures in tests. Throws `RoleAssumptionError` when the role cannot be assumed, `AWSError` when Cost
/// Explorer refuses or fails.
public protocol AccountCostSource: Sendable {
    func actualCosts(for account: AccountRecord, month: CostMonth) async throws -> ActualCosts
}

/// No Cost Explorer (a server built without AWS access): every request says so.
public struct NoAccountCostSource: AccountCostSource {
    public init() {}

    public func actualCosts(for account: AccountRecord, month: CostMonth) async throws -> ActualCosts {
        throw APIError.serviceUnavailable("this server reads no actual costs (it has no AWS access)")
    }
}

/// `ce:GetCostAndUsage` through the account's role: once grouped by service and region, once by the `Name`
/// cost allocation tag (an account without it activated answers everything as `Name$`).
public struct AWSAccountCostSource: AccountCostSource {
    public let roles: AssumedRoleCache

    public init(roles: AssumedRoleCache) {
        self.roles = roles
    }

    public func actualCosts(for account: AccountRecord, month: CostMonth) async throws -> ActualCosts {
        let role = try RoleARN(parsing: account.roleARN)
        let client = await roles.client(roleARN: role.description, externalID: account.externalID.apiString)
            .with(region: try account.checkedRegion())
        let byService: [CostAndUsageGroup]
        do {
            byService = try await client.getCostAndUsage(
                start: month.start, end: month.end, groupBy: [.dimension("SERVICE"), .dimension("REGION")])
        } catch let error as AWSError where error.kind == .credentials || error.service == "sts" {
            throw AWSRoleAssumer.classify(error)
        }
        let byName = try await client.getCostAndUsage(start: month.start, end: month.end, groupBy: [.tag("Name")])
        return ActualCosts(
            accountID: role.accountID, month: month, serviceRegion: byService.map { ($0.keys, $0.amount) },
            nameTag: byName.map { ($0.keys, $0.amount) }, estimated: byService.contains(where: \.estimated))
    }
}

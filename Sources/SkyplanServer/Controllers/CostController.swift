import Foundation
import Hummingbird
import SkyplanBudget
import SkyplanModel
import SkyplanStore

/// `GET /aws/account/{id}/costs?month=yyyy-MM`: the account's actual cost of a month that has ended (default the
/// last one) from Cost Explorer, per service and region and per `Name` tag. Only users who may see the account;
/// answered from memory for ten minutes, never stored.
struct CostController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("aws/account/:id/costs", use: costs)
    }

    @Sendable func costs(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let account = try await AccessPolicy.visibleAccount(
            try context.parameters.requireUUID("id"), store: services.store, identity: try context.requireIdentity())
        let month = try Self.month(request.uri.queryParameters.get("month"), now: services.now())
        let costs = try await services.actualCosts(account, month: month)
        return try JSONResponse.make(costs)
    }

    /// The `month` query value, else the last month that has ended.
    static func month(_ text: String?, now: Date) throws -> CostMonth {
        guard let text, !text.isEmpty else { return CostMonth.lastFull(before: now) }
        guard let month = CostMonth(text) else {
            throw APIError.invalidParameter("month \"\(text.prefix(20))\" is not of the form yyyy-MM (2026-11)")
        }
        return month
    }
}

import Foundation
import Hummingbird
import SkyplanBudget
import SkyplanDiagram
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore

/// `GET /aws/accounts/{format}?accounts=ID,ID&regions=a,b`: one diagram of several connected accounts and regions,
/// with the single-account snapshot's query parameters, long poll (202 `STILL_PROCESSING`) and access control;
/// `view=overview|full|auto` (default `auto`: the overview past `OverviewLayout`'s thresholds) and the drill-down
/// `account=<AWS account id>` (with `region=`) for one tile of the overview. See docs/API.md.
struct MultiAccountSnapshotController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("aws/accounts/:format", use: snapshot)
    }

    enum View: String { case auto, overview, full }

    @Sendable func snapshot(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let query = request.uri.queryParameters
        let scope = try await MultiAccountScope.resolve(
            accounts: query.get("accounts"), regions: query.get("regions"), store: services.store,
            identity: identity)
        let parameters = try ExportParameters(format: context.parameters.get("format") ?? "", query: query)
        guard let view = View(rawValue: (query.get("view") ?? "auto").lowercased()) else {
            throw APIError.invalidParameter("view: auto, overview or full")
        }
        let drillAccount = query.get("account").flatMap { $0.isEmpty ? nil : $0 }
        let drillRegion = query.get("region").flatMap { $0.isEmpty ? nil : $0 }
        if let drillAccount, drillAccount.count != 12 || !drillAccount.allSatisfy(\.isNumber) {
            throw APIError.invalidParameter("account: the 12-digit AWS account id of a tile to drill down to")
        }
        if let drillRegion, !scope.regions.contains(drillRegion) {
            throw APIError.invalidParameter("region: \(drillRegion.prefix(40)) is not among regions=")
        }
        let drill = "view=\(view.rawValue)|account=\(drillAccount ?? "")|region=\(drillRegion ?? "")"
        let key = scope.jobKey(query: parameters.canonicalQuery + "|" + drill)
        let services = self.services
        let outcome = try await services.snapshots.result(
            key: key, accountID: scope.accounts[0].id, wait: services.configuration.snapshotWait
        ) {
            var inventory = try await services.scan(scope)
            if let drillAccount {
                inventory = Self.drillDown(inventory, account: drillAccount, region: drillRegion)
            }
            let name = scope.accounts.count == 1 ? scope.accounts[0].name : "\(scope.accounts.count) AWS accounts"
            let overview =
                drillAccount == nil
                && (view == .overview || (view == .auto && OverviewLayout.prefersOverview(inventory)))
            // Tiles show their monthly cost: priced only for the overview (the full diagram's budget is the
            // blueprint budget route's).
            let costs =
                overview
                ? OverviewCosts.byTile(
                    await services.budget(of: OverviewCosts.components(of: inventory), pricing: try services.pricing()))
                : [:]
            let data =
                overview
                ? OverviewLayout.blueprint(
                    for: inventory, accountNames: scope.names, costs: costs, name: name,
                    projection: parameters.render.projection?.rawValue ?? "2d",
                    theme: parameters.render.theme?.rawValue ?? "light")
                : DiagramExporter.blueprint(
                    inventory, name: name, accountID: scope.accounts.count == 1 ? scope.accounts[0].id : nil,
                    parameters, accountNames: scope.names)
            return try DiagramExporter.export(data, parameters)
        }
        return try SnapshotController.response(outcome)
    }

    /// One tile of the overview: the account's resources (in `region` when given) and the relationships among
    /// them, with its diagnostics.
    static func drillDown(_ inventory: Inventory, account: String, region: String?) -> Inventory {
        var copy = inventory
        copy.resources = inventory.resources.filter {
            $0.accountID == account && (region == nil || $0.region == region || $0.region == Resource.globalRegion)
        }
        let kept = Set(copy.resources.map(\.arn))
        copy.relationships = inventory.relationships.filter { kept.contains($0.from) && kept.contains($0.to) }
        copy.diagnostics = inventory.diagnostics.filter { $0.accountID == account }
        copy.accountIDs = [account]
        copy.regions = region.map { [$0] } ?? inventory.regions
        return copy
    }
}

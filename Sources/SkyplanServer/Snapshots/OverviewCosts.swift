import SkyplanBudget
import SkyplanModel

/// The monthly cost of each overview tile (`account/region`, as `OverviewLayout` keys its tiles): the
/// inventory's components priced as the budget route prices a blueprint (the price book, then live prices when
/// the server has them), summed by the account and region each one sits in.
enum OverviewCosts {
    /// The components to price: every resource that is not a container (VPCs, subnets and zones cost nothing
    /// of their own; what is inside them is priced).
    static func components(of inventory: Inventory) -> [PricedComponent] {
        inventory.resources.filter { !$0.type.isContainer }.map(PricedComponent.init(resource:))
    }

    /// Monthly USD by tile key from a budget of `components(of:)`. Unpriced lines add nothing; a tile whose
    /// components are all unpriced is 0, not missing, so every tile with components shows a figure.
    static func byTile(_ budget: Budget) -> [String: Double] {
        var costs: [String: Double] = [:]
        for cost in budget.components {
            let account = cost.component.container.account ?? ""
            let region = cost.component.container.region ?? cost.component.region
            costs[account + "/" + region, default: 0] += cost.monthly()
        }
        return costs
    }
}

import SkyplanModel

/// The overview of a diagram of many accounts: one tile per account and region (a `region` group inside its
/// `account` group) with its component count, monthly cost and health, and the connections between tiles
/// (relationships whose ends are in different accounts or regions, counted, with their kinds and evidence).
/// Each tile names its drill-down (`drillDown`: account and region) for the API and the web UI.
///
/// Linear in the inventory; tiles in account-id then region order, so the same inventory in any order gives the
/// same overview.
public enum OverviewLayout {
    /// Past this many components (or this many accounts), `view=auto` starts at the overview.
    public static let componentThreshold = 2_000
    public static let accountThreshold = 12

    /// Whether an inventory of this size starts at the overview.
    public static func prefersOverview(_ inventory: Inventory) -> Bool {
        Set(inventory.resources.map(\.accountID)).count > accountThreshold
            || inventory.resources.count > componentThreshold
    }

    /// A tile: one account in one region.
    struct Tile {
        var account: String
        var region: String
        var components = 0
        var counts: [String: Int] = [:]
        var problems: [String] = []
    }

    /// The overview of `inventory`. `costs` are monthly costs by `account/region` (the caller prices them),
    /// `accountNames` label the accounts.
    public static func blueprint(
        for inventory: Inventory, accountNames: [String: String] = [:], costs: [String: Double] = [:],
        name: String = "", projection: String = "2d", theme: String = "light"
    ) -> BlueprintData {
        var tiles: [String: Tile] = [:]
        var tileOf: [String: String] = [:]
        for resource in inventory.resources {
            let key = resource.accountID + "/" + resource.region
            tileOf[resource.arn] = key
            guard !resource.type.isContainer else { continue }
            tiles[key, default: Tile(account: resource.accountID, region: resource.region)].components += 1
            tiles[key]?.counts[resource.type.rawValue, default: 0] += 1
        }
        for diagnostic in inventory.diagnostics {
            let region = diagnostic.region.isEmpty ? (inventory.regions.first ?? "") : diagnostic.region
            let key = diagnostic.accountID + "/" + region
            tiles[key, default: Tile(account: diagnostic.accountID, region: region)].problems.append(
                diagnostic.description)
        }
        for account in inventory.accountIDs where !tiles.keys.contains(where: { $0.hasPrefix(account + "/") }) {
            let region = inventory.regions.first ?? ""
            tiles[account + "/" + region] = Tile(account: account, region: region)
        }
        let accounts = Dictionary(grouping: tiles.values, by: \.account)
        let accountIDs = accounts.keys.sorted()
        // Accounts in a grid about 16:9; each account a row of its region tiles.
        let tileSize = GridPoint(x: 10, y: 6)
        let widestAccount = accounts.values.map(\.count).max() ?? 1
        let accountWidth = Double(widestAccount) * (tileSize.x + 1) + 1
        let accountHeight = tileSize.y + 3
        let columns = max(
            1, Int((Double(accountIDs.count) * accountHeight / accountWidth * 16 / 9).squareRoot().rounded(.up)))
        var data = BlueprintData(name: name, projection: projection, theme: theme)
        var groupOfTile: [String: String] = [:]
        for (index, account) in accountIDs.enumerated() {
            let origin = GridPoint(
                x: Double(index % columns) * (accountWidth + 2), y: Double(index / columns) * (accountHeight + 2))
            var members: [String] = []
            let label = accountNames[account].map { "\($0)  \(account)" } ?? account
            for (position, tile) in (accounts[account] ?? []).sorted(by: { $0.region < $1.region }).enumerated() {
                let key = tile.account + "/" + tile.region
                let id = StableID.uuid("overview:" + key)
                groupOfTile[key] = id
                members.append(id)
                let tilePosition = GridPoint(x: origin.x + 1 + Double(position) * (tileSize.x + 1), y: origin.y + 2)
                let cost = costs[key]
                var extra: [String: JSONValue] = [
                    "components": .number(Double(tile.components)),
                    "counts": .object(tile.counts.mapValues { .number(Double($0)) }),
                    "health": .string(tile.problems.isEmpty ? "ok" : "problems"),
                    "problems": .array(tile.problems.sorted().map(JSONValue.string)),
                    "drillDown": .object(["account": .string(tile.account), "region": .string(tile.region)]),
                ]
                if let cost { extra["monthlyCost"] = .number((cost * 100).rounded() / 100) }
                data.groups.append(
                    BlueprintGroup(
                        id: id, type: .region, name: tile.region, nodes: [], mapPos: tilePosition, mapSize: tileSize,
                        extra: extra))
                var lines = ["\(tile.components) components"]
                if let cost { lines.append("$\(Self.money(cost))/month") }
                lines.append(tile.problems.isEmpty ? "healthy" : "⚠ \(tile.problems.count) problems")
                for (row, line) in lines.enumerated() {
                    data.text.append(
                        BlueprintText(
                            id: StableID.uuid("overview-text:\(key):\(row)"), text: line,
                            mapPos: GridPoint(x: tilePosition.x + 0.6, y: tilePosition.y + 2.2 + Double(row) * 1.1),
                            textSize: 12))
                }
            }
            data.groups.append(
                BlueprintGroup(
                    id: StableID.uuid("overview-account:" + account), type: .account, name: label, nodes: members,
                    mapPos: origin, mapSize: GridPoint(x: accountWidth, y: accountHeight),
                    extra: ["accountId": .string(account)]))
        }
        data.edges = connections(inventory.relationships, tileOf: tileOf, groupOfTile: groupOfTile)
        return data
    }

    /// One edge per pair of tiles with relationships between them, with their kinds and evidence (first few).
    static func connections(
        _ relationships: [Relationship], tileOf: [String: String], groupOfTile: [String: String]
    ) -> [BlueprintEdge] {
        var pairs: [String: (kinds: Set<String>, evidence: [String], count: Int)] = [:]
        for relationship in relationships where relationship.kind != .contains {
            guard let from = tileOf[relationship.from], let to = tileOf[relationship.to], from != to,
                let a = groupOfTile[from], let b = groupOfTile[to]
            else { continue }
            let key = a + ">" + b
            pairs[key, default: ([], [], 0)].kinds.insert(relationship.kind.rawValue)
            pairs[key]?.count += 1
            if (pairs[key]?.evidence.count ?? 0) < 5 { pairs[key]?.evidence.append(relationship.evidence) }
        }
        return pairs.keys.sorted().compactMap { key in
            guard let pair = pairs[key] else { return nil }
            let ends = key.split(separator: ">").map(String.init)
            return BlueprintEdge(
                id: StableID.uuid("overview-edge:" + key), from: ends[0], to: ends[1],
                kind: pair.kinds.sorted().joined(separator: ","),
                evidence: "\(pair.count) connections: " + pair.evidence.sorted().joined(separator: "; "))
        }
    }

    static func money(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return whole + grouped + "." + String(format2(cents % 100))
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

/// A diagram of several accounts: account ⊃ region ⊃ VPC ⊃ ..., every resource inside its own account's outline,
/// cross-account connections as edges with their evidence, the same output whatever the inventory's order.
@Suite struct MultiAccountLayoutTests {
    static let inventory = SyntheticInventory.accounts(4, componentsPerRegion: 40)

    func rect(_ group: BlueprintGroup) -> (x: Double, y: Double, maxX: Double, maxY: Double)? {
        guard let position = group.mapPos, let size = group.mapSize else { return nil }
        return (position.x, position.y, position.x + size.x, position.y + size.y)
    }

    @Test func everyResourceIsDrawnInsideItsOwnAccountOutline() throws {
        let names = ["100000000000": "Network", "100000000001": "Shop"]
        var options = LayoutOptions()
        options.accountNames = names
        let data = Layout.blueprint(for: Self.inventory, options: options)
        let accounts = data.groups.filter { $0.type == ComponentType.account }
        #expect(accounts.count == 4)
        #expect(accounts.contains { $0.name == "Network  100000000000" })
        #expect(accounts.contains { $0.name == "100000000002" })
        var outline: [String: (x: Double, y: Double, maxX: Double, maxY: Double)] = [:]
        for group in accounts {
            outline[group.extra["accountId"]?.stringValue ?? ""] = rect(group)
        }
        let owner = Dictionary(Self.inventory.resources.map { ($0.arn, $0.accountID) }, uniquingKeysWith: { a, _ in a })
        #expect(!data.nodes.isEmpty)
        for node in data.nodes {
            let arn = try #require(node.arn, "aggregated node in a small diagram")
            let box = try #require(outline[owner[arn] ?? ""])
            let point: (x: Double, y: Double) = (node.mapPos.x, node.mapPos.y)
            let inX = point.x >= box.x && point.x <= box.maxX
            let inY = point.y >= box.y && point.y <= box.maxY
            let inside = inX && inY
            #expect(inside, "\(arn) outside account \(owner[arn] ?? "?")")
        }
        // Regions (and VPCs in them) sit inside exactly one account outline; no two accounts overlap.
        for group in data.groups where group.type == .region || group.type == .vpc {
            let r = try #require(rect(group))
            let holders = outline.values.filter { box in
                let inX = r.x >= box.x && r.maxX <= box.maxX
                return inX && r.y >= box.y && r.maxY <= box.maxY
            }
            #expect(holders.count == 1, "\(group.type.rawValue) \(group.name ?? "") in \(holders.count) accounts")
        }
        let boxes = Array(outline.values)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                let apartX = a.maxX <= b.x || b.maxX <= a.x
                let apartY = a.maxY <= b.y || b.maxY <= a.y
                #expect(apartX || apartY)
            }
        }
    }

    @Test func crossAccountConnectionsAreEdgesWithTheirEvidence() {
        let data = Layout.blueprint(for: Self.inventory)
        let crossing = data.edges.filter { $0.evidence == "synthetic cross-account" }
        // The hub's queue sends to each other account's queue, in each region.
        #expect(crossing.count == 3 * 2)
        // Peerings between accounts: the hub VPC's peeringConnections name the other accounts' VPC groups.
        let vpcIDs = Set(data.groups.filter { $0.type == .vpc }.map(\.id))
        let linked = data.groups.flatMap { $0.extra["peeringConnections"]?.arrayValue ?? [] }
            .filter { $0["arn"]?.stringValue?.contains("/pcx-1000") == true }
            .compactMap { $0["accepterId"]?.stringValue }
        #expect(linked.count == 3 * 2)
        #expect(linked.allSatisfy(vpcIDs.contains))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func shuffledInventoryGivesIdenticalOutput(seed: UInt64) {
        let first = Layout.blueprint(for: Self.inventory).encoded()
        let again = Layout.blueprint(for: RandomInventory.shuffled(Self.inventory, seed: seed)).encoded()
        #expect(again == first)
    }

    @Test func oneAccountKeepsCloudcraftsRegionOutermost() {
        let data = Layout.blueprint(for: SyntheticInventory.make(components: 60))
        #expect(!data.groups.contains { $0.type == ComponentType.account })
        #expect(data.groups.contains { $0.type == .region })
    }
}

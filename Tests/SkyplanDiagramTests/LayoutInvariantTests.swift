import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

@Suite("Layout invariants on seeded random inventories")
struct LayoutInvariantTests {
    /// Every drawn item with its rectangle and the id of the container that lists it.
    struct Item { let id: String; let rect: GridRect; let parent: String? }

    static func items(_ data: BlueprintData) -> [Item] {
        var parent: [String: String] = [:]
        for group in data.groups { for member in group.nodes { parent[member] = group.id } }
        for surface in data.surfaces {
            for member in surface.extra["nodes"]?.arrayValue ?? [] {
                if let id = member.stringValue { parent[id] = surface.id }
            }
        }
        var result = data.nodes.map { Item(id: $0.id, rect: $0.rect, parent: parent[$0.id]) }
        result += data.groups.compactMap { group in
            group.rect.map { Item(id: group.id, rect: $0, parent: parent[group.id]) }
        }
        result += data.surfaces.map { Item(id: $0.id, rect: $0.rect, parent: parent[$0.id]) }
        return result
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func childrenLieInsideTheirParents(seed: UInt64) throws {
        let data = Layout.blueprint(for: RandomInventory.make(seed: seed))
        let all = Self.items(data)
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(!data.nodes.isEmpty)
        for item in all {
            guard let parentID = item.parent else { continue }
            let parent = try #require(byID[parentID])
            #expect(parent.rect.contains(item.rect), "\(item.id) \(item.rect) is outside \(parentID) \(parent.rect)")
        }
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func siblingsDoNotOverlap(seed: UInt64) {
        let data = Layout.blueprint(for: RandomInventory.make(seed: seed, components: 200))
        let siblings = Dictionary(grouping: Self.items(data), by: { $0.parent ?? "" })
        var overlaps = 0
        for (_, items) in siblings {
            for i in items.indices {
                for j in items.indices where j > i && items[i].rect.overlaps(items[j].rect) { overlaps += 1 }
            }
        }
        #expect(overlaps == 0)
    }

    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func shuffledInputGivesByteIdenticalJSON(seed: UInt64) {
        let inventory = RandomInventory.make(seed: seed)
        let first = Layout.blueprint(for: inventory).encoded()
        for round in 0..<3 {
            let again = Layout.blueprint(for: RandomInventory.shuffled(inventory, seed: seed * 10 + UInt64(round)))
                .encoded()
            #expect(again == first)
        }
    }

    @Test func addingOneResourceMovesLittle() {
        let inventory = SyntheticInventory.make(components: 300, seed: 5)
        var grown = inventory
        let anyInstance = inventory.resources.first { $0.type == .ec2 }
        if var extra = anyInstance {
            extra.arn += "-new"
            extra.resourceID += "-new"
            extra.name = "new-instance"
            grown.resources.append(extra)
        }
        let before = Self.relativePositions(
            Layout.blueprint(for: inventory, options: LayoutOptions(aggregateAbove: 1000)))
        let after = Self.relativePositions(Layout.blueprint(for: grown, options: LayoutOptions(aggregateAbove: 1000)))
        let moved = before.filter { after[$0.key] != $0.value }.count
        #expect(after.count == before.count + 1)
        #expect(Double(moved) <= Double(before.count) * 0.2, "\(moved) of \(before.count) nodes moved")
    }

    /// Node positions relative to the container that holds them.
    static func relativePositions(_ data: BlueprintData) -> [String: GridPoint] {
        let all = items(data)
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [String: GridPoint] = [:]
        for node in data.nodes {
            let origin = byID[node.id]?.parent.flatMap { byID[$0] }?.rect.origin ?? GridPoint(x: 0, y: 0)
            result[node.id] = GridPoint(x: node.mapPos.x - origin.x, y: node.mapPos.y - origin.y)
        }
        return result
    }

    @Test func aggregatesPastTheThresholdAndSaysSo() throws {
        let inventory = SyntheticInventory.make(components: 2_000, seed: 9)
        let data = Layout.blueprint(for: inventory, options: LayoutOptions(aggregateAbove: 4))
        let aggregate = try #require(data.nodes.first { ($0.count ?? 0) > 4 })
        #expect(aggregate.arn == nil)
        #expect(aggregate.name?.contains("×") == true)
        #expect((aggregate.breakdown ?? [:]).values.reduce(0, +) == aggregate.count)
        #expect(data.text.contains { $0.text.hasPrefix("Level of detail") })
        let components = inventory.resources.filter { !$0.type.isContainer }.count
        #expect(data.nodes.count * 3 < components, "\(data.nodes.count) nodes for \(components) components")
    }
}

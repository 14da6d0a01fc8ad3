import Foundation
import SkyplanModel
import Testing

@Suite struct InventoryNormalizationTests {
    static func resource(_ id: String, name: String = "") -> Resource {
        Resource(
            arn: "arn:aws:ec2:us-east-1:123456789012:instance/\(id)", type: .ec2, resourceID: id,
            accountID: "123456789012", region: "us-east-1", name: name)
    }

    @Test func sortsResourcesByARNAndKeepsTheFirstOfEachARN() {
        let inventory = Inventory(
            resources: [
                Self.resource("i-c"), Self.resource("i-a", name: "first"), Self.resource("i-b"),
                Self.resource("i-a", name: "second"), Self.resource("i-c"), Self.resource("i-a", name: "third"),
            ]
        ).normalized()
        #expect(inventory.resources.map(\.resourceID) == ["i-a", "i-b", "i-c"])
        #expect(inventory.resources[0].name == "first")
    }

    @Test func dropsRepeatedRelationshipsAndOrdersTiesByEvidence() {
        let a = Relationship(from: "a", to: "b", kind: .uses, evidence: "y")
        let b = Relationship(from: "a", to: "b", kind: .uses, evidence: "x")
        let c = Relationship(from: "a", to: "b", kind: .contains, evidence: "z")
        let d = Relationship(from: "0", to: "b", kind: .uses, evidence: "z")
        let inventory = Inventory(relationships: [a, b, a, c, d, b, a]).normalized()
        #expect(inventory.relationships == [d, c, b, a])
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func givesTheSameResultWhateverTheInputOrder(seed: UInt64) {
        let original = InventoryFixtures.random(seed: seed, count: 60)
        var doubled = original
        doubled.resources += original.resources.reversed()
        doubled.relationships += original.relationships.reversed()
        var generator = SeededRandom(seed: seed)
        doubled.resources.shuffle(using: &generator)
        doubled.relationships.shuffle(using: &generator)
        let normalized = doubled.normalized()
        #expect(normalized == original.normalized())
        #expect(normalized.resources.count == 60)
        #expect(normalized.relationships.count == 59)
        #expect(normalized.resources.map(\.arn) == normalized.resources.map(\.arn).sorted())
        #expect(normalized.relationships == normalized.relationships.sorted())
        #expect(normalized.normalized() == normalized)
    }

    @Test func leavesEmptyAndSingleElementArraysAlone() {
        #expect(Inventory().normalized() == Inventory())
        let one = Inventory(
            resources: [Self.resource("i-a")], relationships: [.init(from: "a", to: "b", kind: .uses, evidence: "")])
        #expect(one.normalized() == one)
    }
}

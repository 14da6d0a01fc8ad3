import Testing

@testable import SkyplanDiagram

@Suite("Cluster order")
struct ClusterOrderTests {
    @Test func theClusterConnectedOutsideOpensAndItsNeighboursFollow() {
        // 0 and 3 are joined, 3 and 1; 1 reaches the VPCs; 2 is connected to nothing.
        let between = [[0, 0, 0, 2], [0, 0, 0, 1], [0, 0, 0, 0], [2, 1, 0, 0]]
        #expect(ClusterOrder.order(between: between, outside: [0, 3, 0, 0]) == [1, 3, 0, 2])
    }

    @Test func unconnectedClustersKeepTypeOrder() {
        let none = [[Int]](repeating: [0, 0, 0], count: 3)
        #expect(ClusterOrder.order(between: none, outside: [0, 0, 0]) == [0, 1, 2])
    }

    @Test func ranksComeFromTheConnectionsBetweenMembers() {
        // One strip: s3 (bucket), lambda (fn), sqs (queue); the function is reached from the VPC's instance.
        let strips = [[["bucket"], ["fn"], ["queue"]]]
        let connections = [("bucket", "fn"), ("instance", "fn"), ("fn", "queue"), ("queue", "fn")]
        let ranks = ClusterOrder.ranks(strips: strips, connections: connections)
        #expect(ranks.clusters == [[2, 0, 1]])
        // The function stands by the queue's cluster (rank 1), the bucket and the queue by the function's (0).
        #expect(ranks.members == ["fn": 100 * (2 + 1 + 1) / 3, "bucket": 0, "queue": 0])
    }

    @Test func theSameConnectionsInAnyOrderGiveTheSameRanks() {
        let strips = [[["a"], ["b"], ["c"], ["d"]], [["e"], ["f"]]]
        let connections = [("a", "c"), ("c", "d"), ("x", "d"), ("e", "f"), ("b", "y")]
        let expected = ClusterOrder.ranks(strips: strips, connections: connections)
        for _ in 0..<5 {
            let shuffled = ClusterOrder.ranks(strips: strips, connections: connections.shuffled())
            #expect(shuffled.clusters == expected.clusters && shuffled.members == expected.members)
        }
    }
}

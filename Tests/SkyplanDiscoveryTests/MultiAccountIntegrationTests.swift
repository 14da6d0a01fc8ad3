import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// Three accounts × two regions against moto: every cross-account and cross-region connection is found, none is
/// invented, and every resource is reported under the account that owns it.
@Suite(.enabled(if: MotoEnvironment.enabled), .serialized)
struct MultiAccountIntegrationTests {
    @Test func crossAccountConnectionsAreFoundAndNothingIsInvented() async throws {
        let (network, workloadA, workloadB) = (
            MotoEnvironment.freshAccount(), MotoEnvironment.freshAccount(), MotoEnvironment.freshAccount()
        )
        let summary = try MotoEnvironment.seed(
            MultiAccountEnvironment.text(network: network, workloadA: workloadA, workloadB: workloadB))
        func resources(_ account: String) throws -> [String: [String: Any]] {
            try #require(summary[account] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        }
        let seeded = [
            network: try resources(network), workloadA: try resources(workloadA),
            workloadB: try resources(workloadB),
        ]
        func arn(_ account: String, _ name: String) -> String { seeded[account]?[name]?["arn"] as? String ?? name }

        var accounts: [(client: AWSClient, request: ScanRequest)] = []
        for account in [network, workloadA, workloadB] {
            accounts.append(
                (
                    try await MotoEnvironment.client(account: account),
                    ScanRequest(accountID: account, regions: ["us-east-1", "eu-west-1"])
                ))
        }
        let inventory = await Scanner(client: accounts[0].client).scan(accounts)
        #expect(inventory.diagnostics.isEmpty, "\(inventory.diagnostics)")
        #expect(inventory.accountIDs == [network, workloadA, workloadB].sorted())
        let found = inventory.index()

        // Every seeded resource (of a type that is a component) under its own account.
        let owned: [(String, String)] = [
            (network, "shared-vpc"), (network, "shared-a"), (network, "shared-eu-vpc"), (network, "core-tgw"),
            (network, "net-to-a"), (network, "net-to-b"), (network, "net-logs"),
            (workloadA, "a-vpc"), (workloadA, "a-pub-a"), (workloadA, "a-alb"), (workloadA, "a-events"),
            (workloadA, "a-eu-jobs"), (workloadB, "b-vpc"), (workloadB, "b-a"), (workloadB, "b-orders"),
            (workloadB, "b-east-vpc"),
        ]
        for (account, name) in owned {
            let resource = found[arn(account, name)]
            #expect(resource?.accountID == account, "\(name) \(arn(account, name)) not found under \(account)")
        }
        let cdn = try #require(inventory.resources.first { $0.type == .cloudFront })
        #expect(cdn.accountID == network)

        // The shared gateway is one resource, the network account's, whichever accounts list it.
        #expect(inventory.resources.filter { $0.type == .transitGateway }.map(\.arn) == [arn(network, "core-tgw")])

        let attachA = arn(workloadA, "a-attach")
        let attachB = arn(workloadB, "b-attach")
        let expected: Set<String> = [
            "\(arn(network, "shared-vpc")) peering \(arn(network, "net-to-a"))",
            "\(arn(workloadA, "a-vpc")) peering \(arn(network, "net-to-a"))",
            "\(arn(network, "shared-vpc")) peering \(arn(network, "net-to-b"))",
            "\(arn(workloadB, "b-vpc")) peering \(arn(network, "net-to-b"))",
            "\(arn(workloadA, "a-vpc")) peering \(attachA)",
            "\(arn(workloadB, "b-east-vpc")) peering \(attachB)",
            "\(cdn.arn) origin \(arn(workloadA, "a-alb"))",
            "\(arn(network, "net-logs")) notification \(arn(workloadA, "a-events"))",
        ]
        let accountOf = Dictionary(inventory.resources.map { ($0.arn, $0.accountID) }, uniquingKeysWith: { a, _ in a })
        let regionOf = Dictionary(inventory.resources.map { ($0.arn, $0.region) }, uniquingKeysWith: { a, _ in a })
        let crossing = Set(
            inventory.relationships.filter {
                accountOf[$0.from] != accountOf[$0.to] || regionOf[$0.from] != regionOf[$0.to]
            }.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        // Both attachments (moto lists them in the gateway owner's account) reach the network's gateway.
        let toGateway = Set(
            inventory.relationships.filter { $0.to == arn(network, "core-tgw") && $0.kind == .peering }.map(\.from))
        #expect(toGateway == [attachA, attachB])
        let crossingExpected = expected.filter { line in
            let parts = line.split(separator: " ").map(String.init)
            return accountOf[parts[0]] != accountOf[parts[2]] || regionOf[parts[0]] != regionOf[parts[2]]
        }
        #expect(crossingExpected.count >= 6, "cross-account edges of the test: \(crossingExpected)")
        #expect(crossing.subtracting(expected).isEmpty, "invented: \(crossing.subtracting(expected).sorted())")
        #expect(crossingExpected.subtracting(crossing).isEmpty, "missing: \(crossingExpected.subtracting(crossing))")
        let relations = Set(inventory.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        #expect(expected.subtracting(relations).isEmpty, "missing: \(expected.subtracting(relations).sorted())")
        // Containment never crosses an account.
        for relationship in inventory.relationships where relationship.kind == .contains {
            #expect(accountOf[relationship.from] == accountOf[relationship.to], "\(relationship)")
        }
    }
}

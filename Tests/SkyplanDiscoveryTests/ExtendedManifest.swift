import Foundation
import SkyplanModel

/// What `tests/fixtures/seed_extended.py` made in moto: resources with the configuration a scan must report,
/// and the relationships it must find.
struct ExtendedManifest: Decodable {
    /// One seeded resource.
    struct Entry: Decodable {
        var name: String
        var type: String
        var account: String
        var region: String
        var id: String
        var arn: String
        var config: [String: JSONValue]
        /// Subnet ARNs and security group ids the resource must sit in (seed_families.py).
        var placement: SeededPlacement?
    }

    /// Where a seeded resource must be placed.
    struct SeededPlacement: Decodable {
        var subnets: [String]
        var securityGroups: [String]
    }

    var account: String
    /// The account, then the peer account when one was asked for.
    var accounts: [String]
    var regions: [String]
    var resources: [Entry]
    /// `[from ARN, kind, to ARN]`.
    var relationships: [[String]]
    /// `[from ARN, to ARN]` references to resources that do not exist, which the scan must report (seed_families.py).
    var dangling: [[String]]?

    /// Types a scan may report without the seed naming them, when AWS (moto) makes them by itself: the network
    /// interfaces of load balancers, endpoints, functions, instances and tasks.
    static let implicitTypes: Set<ComponentType> = [.networkInterface]

    /// A fresh account id for one run (moto is never reset between runs; ids must not collide).
    static func freshAccount() -> String {
        let digits = String(Int.random(in: 0..<100_000_000))
        return "3456" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Runs the seeding script against moto in `account` and decodes its manifest.
    static func seed(
        url: String, account: String, peer: String?, regions: [String], script name: String = "seed_extended.py"
    ) throws -> ExtendedManifest {
        let script = MotoEnvironment.root.appendingPathComponent("tests/fixtures/\(name)")
        var arguments = [script.path, url, "--account", account, "--regions", regions.joined(separator: ",")]
        if let peer { arguments += ["--peer-account", peer] }
        let data = try MotoEnvironment.python(arguments, name: name)
        return try JSONDecoder().decode(ExtendedManifest.self, from: data)
    }

    /// Relationship ends that are ARNs of the scanned accounts and regions but no resource the scan found.
    func danglingEnds(in inventory: Inventory) -> [String] {
        let found = inventory.index()
        let scanned = Set(accounts.flatMap { account in regions.map { "\(account):\($0)" } })
        let ends = inventory.relationships.flatMap { [$0.from, $0.to] }.filter { end in
            let parts = end.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count > 5 && scanned.contains("\(parts[4]):\(parts[3])") && found[end] == nil
        }
        return Set(ends).sorted()
    }

    /// Resources the seed did not make and AWS (moto) does not make by itself: default VPCs' contents, main route
    /// tables, default security groups and `implicitTypes`.
    func invented(in inventory: Inventory) -> [Resource] {
        let seeded = Set(resources.map(\.arn))
        let defaultVPCs = Set(
            inventory.resources.filter { $0.type == .vpc && $0.config["isDefault"] == true }.map(\.resourceID))
        return inventory.resources.filter { resource in
            !seeded.contains(resource.arn) && !Self.implicitTypes.contains(resource.type)
                && !defaultVPCs.contains(resource.placement.vpcID ?? "") && resource.config["main"] != true
                && resource.config["groupName"] != "default"
        }
    }
}

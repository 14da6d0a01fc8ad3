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
    }

    var account: String
    /// The account, then the peer account when one was asked for.
    var accounts: [String]
    var regions: [String]
    var resources: [Entry]
    /// `[from ARN, kind, to ARN]`.
    var relationships: [[String]]

    /// Types a scan may report without the seed naming them, when AWS (moto) makes them by itself: the network
    /// interfaces of load balancers, endpoints, functions, instances and tasks.
    static let implicitTypes: Set<ComponentType> = [.networkInterface]

    /// A fresh account id for one run (moto is never reset between runs; ids must not collide).
    static func freshAccount() -> String {
        let digits = String(Int.random(in: 0..<100_000_000))
        return "3456" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Runs the seeding script against moto in `account` and decodes its manifest.
    static func seed(url: String, account: String, peer: String?, regions: [String]) throws -> ExtendedManifest {
        let script = MotoEnvironment.root.appendingPathComponent("tests/fixtures/seed_extended.py")
        var arguments = [script.path, url, "--account", account, "--regions", regions.joined(separator: ",")]
        if let peer { arguments += ["--peer-account", peer] }
        let data = try MotoEnvironment.python(arguments, name: "seed_extended.py")
        return try JSONDecoder().decode(ExtendedManifest.self, from: data)
    }
}

import Foundation
import SkyplanModel

extension PricedComponent {
    /// Blueprint node keys that are drawing or identity, not configuration.
    static let nodeLayoutKeys: Set<String> = [
        "type", "id", "region", "mapPos", "mapSize", "color", "accentColor", "arn", "name", "link", "locked",
        "direction", "count", "breakdown", "platformLabel",
    ]

    /// A component from a Cloudcraft blueprint node's JSON object (`{"type":"ec2","id":...,
    /// "instanceType":"m5",...}`): every non-drawing key is configuration. `container` comes from the
    /// groups the node sits in, which only the caller knows. `nil` when the object has no `type`.
    public init?(nodeJSON: [String: JSONValue], container: ContainerPath = ContainerPath()) {
        guard let type = nodeJSON["type"]?.stringValue else { return nil }
        let id = nodeJSON["id"]?.stringValue ?? nodeJSON["arn"]?.stringValue ?? ""
        let config = nodeJSON.filter { !Self.nodeLayoutKeys.contains($0.key) }
        let region = nodeJSON["region"]?.stringValue ?? container.region ?? Resource.globalRegion
        var path = container
        if path.region == nil { path.region = region }
        self.init(
            id: id, name: nodeJSON["name"]?.stringValue ?? "", type: ComponentType(type), region: region,
            config: config, count: Int(saturating: nodeJSON["count"]?.doubleValue ?? 1), container: path)
    }
}

extension PriceImporter {
    /// `skyplan prices import FILE...`: imports every file (CSV or JSON offers) in order and lays the
    /// facts over `base`; the returned book keeps `base`'s sources and gets a version naming the offers.
    public func importFiles(_ urls: [URL], into base: PriceBook) throws -> (book: PriceBook, results: [Result]) {
        var book = base
        var results: [Result] = []
        for url in urls {
            let result = try importFile(at: url)
            book = book.merging(result.book)
            results.append(result)
        }
        if !results.isEmpty {
            book.version = ([base.version] + results.map { "\($0.offerCode)-\($0.offerVersion)" }).joined(
                separator: "+")
        }
        return (book, results)
    }
}

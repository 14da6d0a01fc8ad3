/// EC2 paging and parameter helpers shared by the typed EC2 operations.
///
/// Lists come back as `<xxxSet><item>...</item></xxxSet>`; paging uses `NextToken`/`MaxResults`.
/// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html
extension AWSClient {
    /// Pages of an EC2 describe call: `listKey` names the result set, `map` reads one item.
    /// `pageSize` nil means the operation does not paginate (DescribeRegions, DescribeAddresses, ...).
    func ec2Pages<Item: Sendable>(
        _ operation: AWSOperation, _ parameters: [String: String] = [:], listKey: String, pageSize: Int? = 1000,
        region: String?, map: @escaping @Sendable (XMLTree) -> Item?
    ) -> Paginated<[Item]> {
        let client = self
        return Paginated { token in
            var query = parameters
            if let pageSize { query["MaxResults"] = String(pageSize) }
            if let token { query["NextToken"] = token }
            let root = try await client.ec2Query(operation, query, region: region)
            let items = root.list(listKey).compactMap(map)
            return (items, pageSize == nil ? nil : root.string("nextToken"))
        }
    }
}

/// EC2 query parameters: filters and id lists, flattened as EC2 expects (`Filter.1.Name`, `Filter.1.Value.1`).
public struct EC2Filters: Sendable, Hashable {
    /// Filter name → values.
    public var filters: [String: [String]]
    /// Id list parameter name (`VpcId`, `InstanceId`) → ids.
    public var ids: [String: [String]]

    /// Creates parameters.
    public init(filters: [String: [String]] = [:], ids: [String: [String]] = [:]) {
        self.filters = filters
        self.ids = ids
    }

    /// The flattened query parameters, deterministic.
    public var parameters: [String: String] {
        var out: [String: String] = [:]
        for (index, name) in filters.keys.sorted().enumerated() {
            out["Filter.\(index + 1).Name"] = name
            for (valueIndex, value) in (filters[name] ?? []).enumerated() {
                out["Filter.\(index + 1).Value.\(valueIndex + 1)"] = value
            }
        }
        for (name, values) in ids {
            for (index, value) in values.enumerated() { out["\(name).\(index + 1)"] = value }
        }
        return out
    }
}

extension XMLTree {
    /// EC2 tags (`<tagSet><item><key>..</key><value>..</value></item></tagSet>`) as a dictionary.
    var ec2Tags: [String: String] {
        var tags: [String: String] = [:]
        for item in list("tagSet") {
            if let key = item.string("key") { tags[key] = item.string("value") ?? "" }
        }
        return tags
    }

    /// Texts of a list's items' `field` (`<groupSet><item><groupId>`).
    func ec2Values(_ wrapper: String, _ field: String) -> [String] {
        list(wrapper).compactMap { $0.string(field) }
    }

    /// Texts of a list of plain items (`<subnetIds><item>subnet-1</item>`).
    func ec2Texts(_ wrapper: String) -> [String] { list(wrapper).map(\.text) }

    /// An integer child.
    func ec2Int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }

    /// A boolean child (`true`/`false`).
    func ec2Bool(_ name: String) -> Bool? { string(name).map { $0 == "true" } }
}

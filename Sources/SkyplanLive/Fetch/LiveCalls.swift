import Foundation
import SkyplanAWS
import SkyplanModel
import Synchronization

/// Counts AWS calls (the figure that must not grow with the number of viewers).
final class CallCounter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// The AWS calls of one refresh: the generic protocol calls of `AWSClient`, counted, plus paging helpers.
struct LiveCalls: Sendable {
    let client: AWSClient
    let counter: CallCounter

    func query(_ operation: AWSOperation, _ parameters: [String: String], region: String?) async throws -> XMLTree {
        counter.add()
        return try await client.query(operation, parameters, region: region)
    }

    func ec2(_ operation: AWSOperation, _ parameters: [String: String], region: String?) async throws -> XMLTree {
        counter.add()
        return try await client.ec2Query(operation, parameters, region: region)
    }

    func json(_ operation: AWSOperation, _ body: JSONValue, region: String?) async throws -> JSONValue {
        counter.add()
        return try await client.json(operation, body, region: region)
    }

    func restJSON(
        _ operation: AWSOperation, path: [String: String], query: [QueryItem] = [], body: JSONValue? = nil,
        region: String?
    ) async throws -> JSONValue {
        counter.add()
        return try await client.restJSON(operation, path: path, query: query, body: body, region: region)
    }

    /// Every page of a REST-JSON list paged by a `nextToken` query item (MSK, Amazon MQ), 100 a page.
    func restJSONPages(_ operation: AWSOperation, list: String, region: String?) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let result = try await restJSON(operation, path: [:], query: query, region: region)
            items += result[list]?.arrayValue ?? []
            token = result["nextToken"]?.stringValue.flatMap { $0.isEmpty || seen.contains($0) ? nil : $0 }
            if let token { seen.insert(token) }
        } while token != nil
        return items
    }

    func restXML(_ operation: AWSOperation, query: [QueryItem], region: String?) async throws -> XMLTree {
        counter.add()
        return try await client.restXML(operation, query: query, region: region)
    }

    /// Every page of a query-protocol list: `tokenIn` is the request's token parameter, `tokenOut` the answer's.
    func queryPages(
        _ operation: AWSOperation, _ parameters: [String: String], region: String?, list: String,
        tokenIn: String = "NextToken", tokenOut: String = "NextToken"
    ) async throws -> [XMLTree] {
        var items: [XMLTree] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            var page = parameters
            if let token { page[tokenIn] = token }
            let result = try await query(operation, page, region: region)
            items += result.list(list)
            token = result.string(tokenOut).flatMap { $0.isEmpty || seen.contains($0) ? nil : $0 }
            if let token { seen.insert(token) }
        } while token != nil
        return items
    }

    /// Every page of an EC2 list (`nextToken`), items of `set`.
    func ec2Pages(_ operation: AWSOperation, _ parameters: [String: String], region: String?, set: String)
        async throws -> [XMLTree]
    {
        var items: [XMLTree] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            var page = parameters
            if let token { page["NextToken"] = token }
            let root = try await ec2(operation, page, region: region)
            items += root.list(set)
            token = root.string("nextToken").flatMap { $0.isEmpty || seen.contains($0) ? nil : $0 }
            if let token { seen.insert(token) }
        } while token != nil
        return items
    }

    /// EC2 `Filter.1` parameters naming `values`.
    static func filter(_ name: String, _ values: [String]) -> [String: String] {
        var parameters = ["Filter.1.Name": name]
        for (index, value) in values.enumerated() { parameters["Filter.1.Value.\(index + 1)"] = value }
        return parameters
    }

    /// Query-protocol list parameters (`Names.member.1`, ...).
    static func members(_ name: String, _ values: [String]) -> [String: String] {
        var parameters: [String: String] = [:]
        for (index, value) in values.enumerated() { parameters["\(name).member.\(index + 1)"] = value }
        return parameters
    }
}

/// Runs `body` over `items` with at most `limit` at a time; results in input order.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async throws -> Result
) async throws -> [Result] {
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        func start(_ index: Int) {
            group.addTask {
                let result = try await body(items[index])  // into a local before the pair: see `capture`
                return (index, result)
            }
        }
        while next < min(limit, items.count) {
            start(next)
            next += 1
        }
        while let (index, result) = try await group.next() {
            results[index] = result
            if next < items.count {
                start(next)
                next += 1
            }
        }
        return results.compactMap { $0 }
    }
}

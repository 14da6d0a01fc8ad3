import AWSSigV4
import Foundation
import SkyplanModel

/// One generic call per wire protocol. Typed operations (`Services/...`) are built on these.
extension AWSClient {
    /// Query protocol (form POST `Action`/`Version`, XML answer). Returns the `<NameResult>` element
    /// (or the root when there is none). `parameters` are already flattened (`Filters.member.1.Name`).
    /// See https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
    public func query(_ operation: AWSOperation, _ parameters: [String: String] = [:], region: String? = nil)
        async throws -> XMLTree
    {
        let root = try await formPost(operation, parameters, region: region)
        return root["\(operation.name)Result"] ?? root
    }

    /// EC2 query protocol: like `query`, with `Name.N` list flattening; returns the `<NameResponse>` root.
    /// See https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html
    public func ec2Query(_ operation: AWSOperation, _ parameters: [String: String] = [:], region: String? = nil)
        async throws -> XMLTree
    {
        try await formPost(operation, parameters, region: region)
    }

    private func formPost(_ operation: AWSOperation, _ parameters: [String: String], region: String?) async throws
        -> XMLTree
    {
        var items = [QueryItem("Action", operation.name), QueryItem("Version", operation.service.apiVersion)]
        for key in parameters.keys.sorted() { items.append(QueryItem(key, parameters[key] ?? "")) }
        let body = items.map { SigV4Canonical.uriEncode($0.name) + "=" + SigV4Canonical.uriEncode($0.value) }
            .joined(separator: "&")
        var wire = WireRequest()
        wire.headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8"
        wire.body = Data(body.utf8)
        let response = try await execute(operation, region: region, wire)
        return try parseXML(response, operation, region)
    }

    /// JSON 1.0 / 1.1 protocol: POST `/` with `X-Amz-Target: <prefix>.<Name>`.
    /// See https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
    public func json(_ operation: AWSOperation, _ body: JSONValue = .object([:]), region: String? = nil)
        async throws -> JSONValue
    {
        var wire = WireRequest()
        let version = operation.service.wireProtocol == .json10 ? "1.0" : "1.1"
        wire.headers["content-type"] = "application/x-amz-json-\(version)"
        wire.headers["x-amz-target"] = "\(operation.service.targetPrefix).\(operation.name)"
        wire.body = JSONCoding.encode(body)
        let response = try await execute(operation, region: region, wire)
        return try parseJSON(response, operation, region)
    }

    /// REST-JSON protocol: the operation's method and URI template, `{Label}` filled from `path`.
    /// See https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
    public func restJSON(
        _ operation: AWSOperation, path: [String: String] = [:], query: [QueryItem] = [], body: JSONValue? = nil,
        region: String? = nil
    ) async throws -> JSONValue {
        var wire = try restWire(operation, path: path, query: query)
        if let body {
            wire.headers["content-type"] = "application/json"
            wire.body = JSONCoding.encode(body)
        }
        let response = try await execute(operation, region: region, wire)
        return try parseJSON(response, operation, region)
    }

    /// REST-XML protocol (S3 path-style, CloudFront, Route 53); returns the root element.
    /// See https://smithy.io/2.0/aws/protocols/aws-restxml-protocol.html
    public func restXML(
        _ operation: AWSOperation, path: [String: String] = [:], query: [QueryItem] = [], region: String? = nil
    ) async throws -> XMLTree {
        let wire = try restWire(operation, path: path, query: query)
        let response = try await execute(operation, region: region, wire)
        return try parseXML(response, operation, region)
    }

    /// Expands `/a/{Label}/b?sub` into the wire path and query.
    func restWire(_ operation: AWSOperation, path: [String: String], query: [QueryItem]) throws -> WireRequest {
        var wire = WireRequest()
        wire.method = operation.method
        let parts = operation.requestURI.split(separator: "?", maxSplits: 1).map(String.init)
        var template = parts.first ?? "/"
        while let open = template.firstIndex(of: "{"), let close = template[open...].firstIndex(of: "}") {
            var label = String(template[template.index(after: open)..<close])
            let greedy = label.hasSuffix("+")
            if greedy { label.removeLast() }
            guard let value = path[label], !value.isEmpty else {
                throw AWSError(
                    kind: .refused, code: "MissingParameter", message: "\(operation.name) needs the \(label) parameter",
                    service: operation.service.id, operation: operation.name)
            }
            template.replaceSubrange(open...close, with: SigV4Canonical.uriEncode(value, keepSlash: greedy))
        }
        wire.path = template
        var items = query
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                items.append(QueryItem(kv[0], kv.count > 1 ? kv[1] : ""))
            }
        }
        wire.query = items
        return wire
    }

    private func parseXML(_ response: HTTPResponse, _ operation: AWSOperation, _ region: String?) throws -> XMLTree {
        if response.body.isEmpty { return XMLTree(name: "\(operation.name)Response") }
        do {
            return try XMLTree.parse(response.body)
        } catch var error as AWSError {
            error.service = operation.service.id
            error.operation = operation.name
            error.region = region ?? configuration.region
            error.status = response.status
            throw error
        }
    }

    private func parseJSON(_ response: HTTPResponse, _ operation: AWSOperation, _ region: String?) throws -> JSONValue {
        do {
            return try JSONCoding.decode(response.body)
        } catch var error as AWSError {
            error.service = operation.service.id
            error.operation = operation.name
            error.region = region ?? configuration.region
            error.status = response.status
            throw error
        }
    }
}

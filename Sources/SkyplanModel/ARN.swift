/// An Amazon Resource Name, parsed: `arn:partition:service:region:account-id:resource`.
///
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
public struct ARN: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public var partition: String
    public var service: String
    public var region: String
    public var accountID: String
    /// Everything after the fifth colon, e.g. `instance/i-0abc`, `role/path/name`, `my-bucket`.
    public var resource: String

    public init(partition: String = "aws", service: String, region: String, accountID: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.accountID = accountID
        self.resource = resource
    }

    /// Parses an ARN, or throws an error that says which part is wrong.
    public init(parsing text: String) throws(ARNError) {
        guard text.count <= 2048 else { throw .malformed(text, "it is longer than 2048 characters") }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6 else {
            throw .malformed(
                text, "an ARN has six colon-separated parts: arn:partition:service:region:account:resource")
        }
        guard parts[0] == "arn" else { throw .malformed(text, "it must start with \"arn:\"") }
        guard Partition(rawValue: parts[1]) != nil else {
            throw .malformed(text, "unknown partition \"\(parts[1])\" (expected aws, aws-cn or aws-us-gov)")
        }
        guard !parts[2].isEmpty else { throw .malformed(text, "the service part is empty") }
        guard parts[4].isEmpty || AccountID.isValid(parts[4]) else {
            throw .malformed(text, "the account id \"\(parts[4])\" is not 12 digits")
        }
        guard !parts[5].isEmpty else { throw .malformed(text, "the resource part is empty") }
        self.init(partition: parts[1], service: parts[2], region: parts[3], accountID: parts[4], resource: parts[5])
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(accountID):\(resource)" }

    /// The resource type of a `type/id` or `type:id` resource part (`instance`, `role`), if any.
    public var resourceType: String? {
        guard let sep = resource.firstIndex(where: { $0 == "/" || $0 == ":" }) else { return nil }
        return String(resource[..<sep])
    }

    /// The last path element of the resource part (`i-0abc`, the role name, the bucket).
    public var resourceID: String {
        let last = resource.split(whereSeparator: { $0 == "/" || $0 == ":" }).last
        return last.map(String.init) ?? resource
    }

    /// A global resource whose ARN still names a region: a CloudFront-scope WAF web ACL
    /// (`arn:aws:wafv2:us-east-1:…:global/webacl/…`) is managed in us-east-1 but belongs to no region, and is drawn
    /// (and watched) with the global services of every region's diagram.
    public var isGlobal: Bool { region.isEmpty || (service == "wafv2" && resource.hasPrefix("global/")) }

    public static func < (lhs: ARN, rhs: ARN) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a string is not a usable ARN.
public struct ARNError: Error, Hashable, Sendable, CustomStringConvertible {
    public let input: String
    public let reason: String

    static func malformed(_ input: String, _ reason: String) -> ARNError {
        ARNError(input: String(input.prefix(200)), reason: reason)
    }

    public var description: String { "\"\(input)\" is not a valid ARN: \(reason)" }
}

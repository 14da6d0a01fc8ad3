/// An AWS partition: a group of regions with its own DNS suffix and default region.
public enum Partition: String, Sendable, Codable, CaseIterable {
    case aws
    case awsCN = "aws-cn"
    case awsUSGov = "aws-us-gov"

    /// The region where global services (IAM, STS's global endpoint, Organizations) live.
    public var defaultRegion: String {
        switch self {
        case .aws: "us-east-1"
        case .awsCN: "cn-north-1"
        case .awsUSGov: "us-gov-west-1"
        }
    }

    public var dnsSuffix: String {
        switch self {
        case .aws, .awsUSGov: "amazonaws.com"
        case .awsCN: "amazonaws.com.cn"
        }
    }

    /// The partition a region belongs to, from its name.
    public static func of(region: String) -> Partition {
        if region.hasPrefix("cn-") { return .awsCN }
        if region.hasPrefix("us-gov-") { return .awsUSGov }
        return .aws
    }
}

/// Region names.
public enum Region {
    /// True when `name` looks like an AWS region (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`).
    /// Only `a`-`z`, digits and single hyphens, at most 32 characters: nothing that could change the
    /// host name an endpoint is built from (no `.`, `/`, `#`, `@`, `:`).
    public static func isWellFormed(_ name: String) -> Bool {
        guard name.utf8.count <= 32 else { return false }
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty,
            last.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return false }
        return parts.dropLast().allSatisfy {
            !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        }
    }
}

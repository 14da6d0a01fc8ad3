import Foundation

/// A live source of Price List products: `pricing:GetProducts` with the account's role (the AWS
/// helper's implementation), or a fake in tests.
public protocol PriceSource: Sendable {
    /// Every `PriceList` item (a JSON product with its terms) of `serviceCode` matching all filters
    /// (`TERM_MATCH`), all pages.
    func products(serviceCode: String, filters: [PriceFilter]) async throws -> [String]
}

/// One `TERM_MATCH` filter of `GetProducts`.
public struct PriceFilter: Hashable, Sendable, Codable, Comparable {
    public var field: String
    public var value: String

    /// Creates a filter on a Price List attribute.
    public init(_ field: String, _ value: String) {
        self.field = field
        self.value = value
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.field, lhs.value) < (rhs.field, rhs.value) }
}

/// One `GetProducts` call: service code and filters.
public struct PriceQuery: Hashable, Sendable, Codable, Comparable {
    public var serviceCode: String
    public var filters: [PriceFilter]

    /// Creates a query; filters are kept sorted so equal queries compare equal.
    public init(serviceCode: String, filters: [PriceFilter]) {
        self.serviceCode = serviceCode
        self.filters = filters.sorted()
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.serviceCode, lhs.filters.map { "\($0.field)=\($0.value)" }.joined(separator: "&"))
            < (rhs.serviceCode, rhs.filters.map { "\($0.field)=\($0.value)" }.joined(separator: "&"))
    }

    /// The query that finds the price behind `key`, or `nil` when Skyplan has no mapping for it.
    public static func forKey(_ key: PriceKey) -> PriceQuery? {
        guard key.region != "global" else { return nil }
        let attributes = Dictionary(
            key.attributes.split(separator: ";").compactMap { pair -> (String, String)? in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }, uniquingKeysWith: { first, _ in first })
        var filters = [PriceFilter("regionCode", key.region)]
        let service: String
        switch key.id {
        case "ec2.instance", "ec2.instance.ri", "ec2.instance.ri.upfront":
            let os = ["linux": "Linux", "windows": "Windows", "rhel": "RHEL", "suse": "SUSE"]
            let tenancy = ["shared": "Shared", "dedicated": "Dedicated", "host": "Host"]
            guard let type = attributes["instanceType"], let system = os[attributes["os"] ?? ""],
                let lease = tenancy[attributes["tenancy"] ?? ""]
            else { return nil }
            service = "AmazonEC2"
            filters += [
                PriceFilter("instanceType", type), PriceFilter("operatingSystem", system),
                PriceFilter("tenancy", lease),
                PriceFilter("preInstalledSw", "NA"), PriceFilter("capacitystatus", "Used"),
            ]
        case "rds.instance":
            guard let type = attributes["instanceClass"] else { return nil }
            service = "AmazonRDS"
            filters += [PriceFilter("instanceType", type), PriceFilter("productFamily", "Database Instance")]
        case "elasticache.node":
            guard let type = attributes["nodeType"] else { return nil }
            service = "AmazonElastiCache"
            let engines = ["redis": "Redis", "memcached": "Memcached", "valkey": "Valkey"]
            filters += [
                PriceFilter("instanceType", type),
                PriceFilter("cacheEngine", engines[attributes["engine"] ?? "redis"] ?? "Redis"),
            ]
        default:
            guard let (code, family) = familyByID[key.id] else { return nil }
            service = code
            filters.append(PriceFilter("productFamily", family))
        }
        return PriceQuery(serviceCode: service, filters: filters)
    }

    /// Service code and product family of the simple (one-key) prices.
    static let familyByID: [String: (String, String)] = [
        "nat.hours": ("AmazonEC2", "NAT Gateway"), "nat.data_processed": ("AmazonEC2", "NAT Gateway"),
        "ebs.gp3.storage": ("AmazonEC2", "Storage"), "ebs.gp2.storage": ("AmazonEC2", "Storage"),
        "ebs.io1.storage": ("AmazonEC2", "Storage"), "ebs.io2.storage": ("AmazonEC2", "Storage"),
        "ebs.st1.storage": ("AmazonEC2", "Storage"), "ebs.sc1.storage": ("AmazonEC2", "Storage"),
        "alb.hours": ("AWSELB", "Load Balancer-Application"), "alb.lcu": ("AWSELB", "Load Balancer-Application"),
        "nlb.hours": ("AWSELB", "Load Balancer-Network"), "nlb.nlcu": ("AWSELB", "Load Balancer-Network"),
        "clb.hours": ("AWSELB", "Load Balancer"), "clb.data_processed": ("AWSELB", "Load Balancer"),
        "lambda.requests": ("AWSLambda", "Serverless"), "lambda.duration.x86": ("AWSLambda", "Serverless"),
        "lambda.duration.arm": ("AWSLambda", "Serverless"), "eks.cluster.standard": ("AmazonEKS", "Compute"),
        "fargate.vcpu": ("AmazonECS", "Compute"), "fargate.memory": ("AmazonECS", "Compute"),
        "vpc.public_ipv4": ("AmazonVPC", "IP Address"),
    ]
}

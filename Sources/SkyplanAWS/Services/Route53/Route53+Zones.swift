import AWSSigV4

/// A Route 53 hosted zone.
public struct HostedZone: Sendable, Hashable {
    /// The id without the `/hostedzone/` prefix.
    public var id: String
    /// Name.
    public var name: String
    /// Is private.
    public var isPrivate: Bool
    /// Record count.
    public var recordCount: Int?
}

/// A Route 53 record set (only what relationships need).
public struct ResourceRecordSet: Sendable, Hashable {
    /// Name.
    public var name: String
    /// Type.
    public var type: String
    /// The alias target's DNS name, lowercased without the trailing dot.
    public var aliasDNSName: String?
    /// Values.
    public var values: [String]
}

extension AWSClient {
    /// Route 53 `ListHostedZones`, every page.
    /// See https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZones.html
    public func listHostedZones() async throws -> [HostedZone] {
        try await Paginated { marker in
            var query = [QueryItem("maxitems", "100")]
            if let marker { query.append(QueryItem("marker", marker)) }
            let root = try await self.restXML(AWSOperation.Route53.listHostedZones, query: query)
            let zones = root.list("HostedZones").map { item in
                HostedZone(
                    id: (item.string("Id") ?? "").replacingOccurrences(of: "/hostedzone/", with: ""),
                    name: item.string("Name") ?? "", isPrivate: item["Config"]?.bool("PrivateZone") ?? false,
                    recordCount: item.int("ResourceRecordSetCount"))
            }
            return (zones, root.string("IsTruncated") == "true" ? root.nonEmpty("NextMarker") : nil)
        }.all()
    }

    /// Route 53 `ListResourceRecordSets` of a zone, every page.
    /// See https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html
    public func listResourceRecordSets(zoneID: String) async throws -> [ResourceRecordSet] {
        // The next page starts at (name, type): carried in one token.
        try await Paginated { token in
            var query = [QueryItem("maxitems", "300")]
            if let token {
                let parts = token.split(separator: "\u{1}", maxSplits: 1).map(String.init)
                query.append(QueryItem("name", parts[0]))
                if parts.count > 1 { query.append(QueryItem("type", parts[1])) }
            }
            let root = try await self.restXML(
                AWSOperation.Route53.listResourceRecordSets, path: ["Id": zoneID], query: query)
            let records = root.list("ResourceRecordSets").map { item in
                ResourceRecordSet(
                    name: item.string("Name") ?? "", type: item.string("Type") ?? "",
                    aliasDNSName: item["AliasTarget"]?.nonEmpty("DNSName").map(Self.normalizedDNS),
                    values: item.list("ResourceRecords").compactMap { $0.nonEmpty("Value") })
            }
            var next: String?
            if root.string("IsTruncated") == "true", let name = root.nonEmpty("NextRecordName") {
                next = name + (root.nonEmpty("NextRecordType").map { "\u{1}" + $0 } ?? "")
            }
            return (records, next)
        }.all()
    }

    /// `Dualstack.My-ALB.example.com.` → `my-alb.example.com`, for matching alias targets to resources.
    public static func normalizedDNS(_ name: String) -> String {
        var lower = name.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        if lower.hasPrefix("dualstack.") { lower.removeFirst("dualstack.".count) }
        return lower
    }
}

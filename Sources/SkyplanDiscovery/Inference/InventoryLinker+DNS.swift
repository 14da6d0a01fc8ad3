import SkyplanModel

extension InventoryLinker {
    /// Resolves `dns:<host>` relationship ends (CloudFront origins, Route 53 aliases, HTTP integrations) to the
    /// resource that answers on that host: a load balancer or distribution by its `dnsName`, an S3 bucket by
    /// its S3 host names, an API by its execute-api host, and the APIs an API Gateway custom domain maps by the
    /// domain's regional or edge host (`customDomains`; one relationship per API, the domain in the evidence).
    /// Unresolved hosts stay `dns:<host>` (an external endpoint).
    static func resolveDNS(_ relationships: [Relationship], resources: [Resource]) -> [Relationship] {
        guard relationships.contains(where: { $0.to.hasPrefix("dns:") }) else { return relationships }
        var hosts: [String: String] = [:]
        var buckets: [String: String] = [:]
        var domains: [String: [(arn: String, domain: String)]] = [:]
        for resource in resources {
            if let host = resource.config["dnsName"]?.stringValue { hosts[ARNs.host(host)] = resource.arn }
            if resource.type == .s3 { buckets[resource.resourceID] = resource.arn }
            for entry in resource.config["customDomains"]?.arrayValue ?? [] {
                let domain = entry["domainName"]?.stringValue ?? ""
                let path = entry["basePath"]?.stringValue ?? ""
                for host in entry["dnsNames"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    domains[normalizedHost(host), default: []].append(
                        (resource.arn, path.isEmpty ? domain : "\(domain)/\(path)"))
                }
            }
        }
        return relationships.flatMap { relationship -> [Relationship] in
            guard relationship.to.hasPrefix("dns:") else { return [relationship] }
            let host = String(relationship.to.dropFirst(4))
            if let arn = hosts[host] ?? bucketHost(host).flatMap({ buckets[$0] }) {
                var copy = relationship
                copy.to = arn
                return [copy]
            }
            guard let mapped = domains[host] else { return [relationship] }
            // One relationship per API, all its mappings (base paths) of this host in the evidence.
            let byAPI = Dictionary(grouping: mapped, by: \.arn)
            return byAPI.keys.sorted().map { arn in
                var copy = relationship
                copy.to = arn
                let via = Set(byAPI[arn]?.map(\.domain) ?? []).sorted().joined(separator: ", ")
                copy.evidence += " (API Gateway custom domain \(via))"
                return copy
            }
        }
    }

    /// Whether a CNAME value names an endpoint `resolveDNS` can match to a scanned resource: a load balancer
    /// (`*.elb.amazonaws.com`, NLB `*.elb.<region>.amazonaws.com`), a CloudFront distribution (`*.cloudfront.net`),
    /// an S3 bucket or website endpoint, or an API Gateway host (`*.execute-api.<region>.amazonaws.com`). Other
    /// CNAMEs (certificate validation, mail, third-party services) link nothing. `host` as `ARNs.host` gives it.
    static func isServiceHost(_ host: String) -> Bool {
        if host.hasSuffix(".cloudfront.net") || host.hasSuffix(".cloudfront.cn") { return true }
        guard host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn") else { return false }
        return host.contains(".elb.") || host.contains(".execute-api.") || bucketHost(host) != nil
    }

    /// The host a Route 53 record links its zone to: an alias target's DNS name, else the value of a CNAME that
    /// names an AWS service endpoint (`isServiceHost`); nil for every other record. Lowercased, without the
    /// trailing dot and a `dualstack.` prefix.
    public static func recordTarget(type: String, aliasDNSName: String?, values: [String]) -> String? {
        if let aliasDNSName, !aliasDNSName.isEmpty { return normalizedHost(aliasDNSName) }
        guard type.uppercased() == "CNAME", let value = values.first.map(normalizedHost), isServiceHost(value) else {
            return nil
        }
        return value
    }

    static func normalizedHost(_ name: String) -> String {
        let host = ARNs.host(name)
        return host.hasPrefix("dualstack.") ? String(host.dropFirst("dualstack.".count)) : host
    }

    /// The bucket of an S3 host name (`b.s3.amazonaws.com`, `b.s3.eu-west-1.amazonaws.com`, `b.s3-eu-west-1...`,
    /// `b.s3-website-us-east-1.amazonaws.com`, `b.s3-website.eu-west-1.amazonaws.com`), or nil.
    static func bucketHost(_ host: String) -> String? {
        for marker in [".s3.", ".s3-"] {
            if let range = host.range(of: marker, options: .backwards),
                host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn")
            {
                let bucket = String(host[..<range.lowerBound])
                return bucket.isEmpty ? nil : bucket
            }
        }
        return nil
    }
}

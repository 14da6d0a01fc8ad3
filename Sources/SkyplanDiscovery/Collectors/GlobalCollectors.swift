import SkyplanAWS
import SkyplanModel

/// S3 buckets of the scanned regions, with their notifications (→ Lambda, SQS, SNS). Listed once per account.
public struct S3Collector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "s3" }
    /// Scope.
    public var scope: CollectorScope { .global }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let home = context.region
        let buckets = try await recorder.attempt("ListBuckets") { try await client.listBuckets(region: home) } ?? []
        let located = try await locate(buckets, context: context, recorder: &recorder)
        // Only the notifications remain per bucket: each signed for and sent to the bucket's own region, paced there.
        let wanted = Set(context.scanRegions)
        // Taking turns between regions, `concurrency` in flight per region: each region's limit is its own.
        let inScope = interleavedByRegion(
            buckets.compactMap { bucket in
                located[bucket.name].flatMap { wanted.contains($0) ? (name: bucket.name, region: $0) : nil }
            }, region: \.region)
        let regionCount = Set(inScope.map(\.region)).count
        let details = try await recorder.each(
            "GetBucketNotificationConfiguration", inScope, limit: concurrency * max(1, regionCount)
        ) { bucket in
            let notifications = await capture {
                try await client.getBucketNotifications(bucket: bucket.name, region: bucket.region)
            }
            return (region: bucket.region, notifications: notifications)
        }
        // A bucket whose notifications could not be read is still drawn; the failure is one diagnostic.
        var notifications: [((name: String, region: String), [S3Notification])] = []
        for (bucket, detail) in details {
            recorder.output.resources.append(
                Resource(
                    arn: "arn:\(context.partition.rawValue):s3:::\(bucket.name)", type: .s3, resourceID: bucket.name,
                    accountID: context.accountID, region: bucket.region, name: bucket.name,
                    config: ["volumeType": "standard"]))
            if let found = try recorder.take("GetBucketNotificationConfiguration", detail.notifications) {
                notifications.append((bucket, found))
            }
        }
        for (bucket, targets) in notifications {
            for target in targets {
                let to = target.kind == "lambda" ? ARNs.lambdaFunction(target.targetARN) : target.targetARN
                recorder.output.relate(
                    "arn:\(context.partition.rawValue):s3:::\(bucket.name)", to, .notification,
                    "s3:GetBucketNotificationConfiguration \(target.kind) \(target.events.joined(separator: ","))")
            }
        }
        return recorder.output
    }

    /// Each bucket's region: from `ListBuckets` (`BucketRegion`), else from one filtered listing per region, else
    /// (a server that ignores the filter) one `GetBucketLocation` per bucket still in doubt.
    func locate(
        _ buckets: [S3Bucket], context: CollectorContext, recorder: inout CollectorRecorder
    ) async throws -> [String: String] {
        guard buckets.contains(where: { $0.region == nil }) else {
            return BucketRegionResolver.resolve(all: buckets, filtered: [:]).regions
        }
        let client = self.client
        let spare =
            switch context.partition {
            case .aws: "us-west-2"
            case .awsCN: "cn-northwest-1"
            case .awsUSGov: "us-gov-east-1"
            }
        let regions = BucketRegionResolver.filterRegions(
            scanned: context.scanRegions, home: context.partition.defaultRegion, spare: spare)
        let answers = await concurrentMap(regions, limit: regions.count) { region in
            try await client.listBuckets(region: region, bucketRegion: region)
        }
        var filtered: [String: [S3Bucket]?] = [:]
        for (region, answer) in zip(regions, answers) {
            filtered[region] = try recorder.take("ListBuckets", answer)
        }
        var resolution = BucketRegionResolver.resolve(all: buckets, filtered: filtered)
        let home = context.region
        let asked = try await recorder.each("GetBucketLocation", resolution.unresolved, limit: concurrency) {
            try await client.getBucketLocation(bucket: $0, region: home)
        }
        for (name, region) in asked { resolution.regions[name] = region }
        return resolution.regions
    }
}

/// CloudFront distributions and their origins (→ S3, load balancers, custom). Global.
public struct CloudFrontCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "cloudfront" }
    /// Scope.
    public var scope: CollectorScope { .global }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        var distributions =
            try await recorder.attempt("ListDistributions") { try await client.listDistributions() } ?? []
        // Summaries normally carry the origins; when they do not (moto), ask for each distribution.
        let bare = distributions.filter { $0.originDomains.isEmpty }.map(\.id)
        let full = try await recorder.each("GetDistribution", bare, limit: 4) {
            try await client.getDistribution(id: $0)
        }
        let byID = Dictionary(full.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        distributions = distributions.map { summary in
            guard var detail = byID[summary.id] else { return summary }
            detail.priceClass = detail.priceClass ?? summary.priceClass
            detail.webACLID = detail.webACLID ?? summary.webACLID
            return detail
        }
        for distribution in distributions {
            let arn =
                "arn:\(context.partition.rawValue):cloudfront::\(context.accountID):distribution/\(distribution.id)"
            var config: [String: JSONValue] = ["dnsName": .string(ARNs.host(distribution.domainName))]
            if let priceClass = distribution.priceClass { config["priceClass"] = .string(priceClass) }
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .cloudFront, resourceID: distribution.id, accountID: context.accountID,
                    region: Resource.globalRegion, name: distribution.aliases.first ?? distribution.id, config: config))
            for origin in Set(distribution.originDomains).sorted() {
                recorder.output.relate(
                    arn, "dns:" + ARNs.host(origin), .origin, "cloudfront:GetDistribution Origin \(origin)")
            }
            // The WAFv2 web ACL in front of it (listed by the `wafv2` collector with the CLOUDFRONT scope).
            if let acl = distribution.webACLID, acl.hasPrefix("arn:") {
                recorder.output.relate(acl, arn, .uses, "cloudfront:ListDistributions WebACLId")
            }
        }
        return recorder.output
    }
}

/// Route 53 hosted zones and their alias and CNAME records (→ CloudFront, load balancers, S3, API Gateway). Global.
public struct Route53Collector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "route53" }
    /// Scope.
    public var scope: CollectorScope { .global }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let zones = try await recorder.attempt("ListHostedZones") { try await client.listHostedZones() } ?? []
        let records = try await recorder.each("ListResourceRecordSets", zones, limit: 4) {
            try await client.listResourceRecordSets(zoneID: $0.id)
        }
        for (zone, sets) in records {
            let arn = "arn:\(context.partition.rawValue):route53:::hostedzone/\(zone.id)"
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .route53, resourceID: zone.id, accountID: context.accountID,
                    region: Resource.globalRegion,
                    name: zone.name,
                    config: [
                        "zoneType": .string(zone.isPrivate ? "private" : "public"),
                        "records": .number(Double(sets.count)),
                    ]))
            for record in sets {
                guard
                    let host = InventoryLinker.recordTarget(
                        type: record.type, aliasDNSName: record.aliasDNSName, values: record.values)
                else { continue }
                let how = record.aliasDNSName == nil ? "CNAME \(host)" : "\(record.type) alias"
                recorder.output.relate(
                    arn, "dns:" + host, .alias, "route53:ListResourceRecordSets \(record.name) \(how)")
            }
        }
        return recorder.output
    }
}

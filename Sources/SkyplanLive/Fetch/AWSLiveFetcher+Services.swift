import SkyplanAWS
import SkyplanModel

/// Families read through RDS, ElastiCache, Lambda, DynamoDB, SQS, ECS, EKS and CloudFront. Where the API
/// lists many resources in one call it is used (RDS, ElastiCache, CloudFront, ECS by 10); the others have
/// only a per-resource call, made with bounded concurrency.
extension AWSLiveFetcher {
    static func services(
        _ family: LiveFamily, _ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?, _ limit: Int
    ) async throws -> [String: LiveStatus] {
        switch family {
        case .rdsInstance:
            let items = try await calls.queryPages(
                AWSOperation.RDS.describeDBInstances, ["MaxRecords": "100"], region: region, list: "DBInstances",
                tokenIn: "Marker", tokenOut: "Marker")
            return statuses(targets, index(items, "DBInstanceIdentifier"), LiveMapping.dbInstance)
        case .rdsCluster:
            let items = try await calls.queryPages(
                AWSOperation.RDS.describeDBClusters, ["MaxRecords": "100"], region: region, list: "DBClusters",
                tokenIn: "Marker", tokenOut: "Marker")
            return statuses(targets, index(items, "DBClusterIdentifier"), LiveMapping.dbCluster)
        case .elastiCache: return try await caches(targets, calls, region)
        case .lambda:
            return try await perResource(targets, limit) { target in
                LiveMapping.lambda(
                    try await calls.restJSON(
                        AWSOperation.Lambda.getFunction, path: ["FunctionName": target.id],
                        region: region))
            }
        case .dynamoDB:
            return try await perResource(targets, limit) { target in
                LiveMapping.dynamoDBTable(
                    try await calls.json(
                        AWSOperation.DynamoDB.describeTable, .object(["TableName": .string(target.id)]),
                        region: region))
            }
        case .sqs:
            return try await perResource(targets, limit) { target in
                let parameters = ["QueueUrl": queueURL(target.parsed), "AttributeName.1": "All"]
                return LiveMapping.queue(
                    try await calls.query(AWSOperation.SQS.getQueueAttributes, parameters, region: region))
            }
        case .ecsService: return try await ecsServices(targets, calls, region)
        case .eks:
            return try await perResource(targets, limit) { target in
                LiveMapping.eksCluster(
                    try await calls.restJSON(
                        AWSOperation.EKS.describeCluster, path: ["name": target.id],
                        region: region))
            }
        case .cloudFront: return try await distributions(targets, calls)
        case .redshift:
            let items = try await calls.queryPages(
                AWSOperation.Redshift.describeClusters, ["MaxRecords": "100"], region: region, list: "Clusters",
                tokenIn: "Marker", tokenOut: "Marker")
            return statuses(targets, index(items, "ClusterIdentifier"), LiveMapping.redshiftCluster)
        case .openSearch: return try await domains(targets, calls, region)
        case .kinesisStream:
            return try await perResource(targets, limit) { target in
                LiveMapping.kinesisStream(
                    try await calls.json(
                        AWSOperation.Kinesis.describeStreamSummary, .object(["StreamARN": .string(target.arn)]),
                        region: region))
            }
        case .firehose:
            return try await perResource(targets, limit) { target in
                LiveMapping.deliveryStream(
                    try await calls.json(
                        AWSOperation.Firehose.describeDeliveryStream,
                        .object(["DeliveryStreamName": .string(target.id)]), region: region))
            }
        case .msk:
            // One list call a region gives every cluster's state (ListClustersV2 `state`).
            let items = try await calls.restJSONPages(
                AWSOperation.MSK.listClustersV2, list: "clusterInfoList", region: region)
            return statuses(targets, jsonIndex(items, "clusterArn"), LiveMapping.mskCluster)
        case .mq:
            // ListBrokers' summaries carry each broker's state: one call a region, none per broker.
            let items = try await calls.restJSONPages(
                AWSOperation.MQ.listBrokers, list: "brokerSummaries", region: region)
            return statuses(targets, jsonIndex(items, "brokerId"), LiveMapping.mqBroker)
        default: return [:]
        }
    }

    static func jsonIndex(_ items: [JSONValue], _ field: String) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for item in items { if let id = item[field]?.stringValue { result[id] = item } }
        return result
    }

    static func index(_ items: [XMLTree], _ field: String) -> [String: XMLTree] {
        var result: [String: XMLTree] = [:]
        for item in items { if let id = item.string(field) { result[id] = item } }
        return result
    }

    /// One call per resource; a resource that no longer exists is `unknown`, any other error fails the family.
    static func perResource(
        _ targets: [LiveTarget], _ limit: Int, _ read: @escaping @Sendable (LiveTarget) async throws -> LiveStatus
    ) async throws -> [String: LiveStatus] {
        let answers = try await boundedMap(targets, limit: limit) { target -> (String, LiveStatus) in
            // Awaited into a local before it is paired with the ARN: see `capture`.
            let status: LiveStatus
            do {
                status = try await read(target)
            } catch let error as AWSError
                where error.isNotFound || error.code == "AWS.SimpleQueueService.NonExistentQueue"
            {
                status = LiveStatus(health: .unknown, values: ["state": "not found"])
            }
            return (target.arn, status)
        }
        return Dictionary(answers) { $1 }
    }

    /// The queue URL of a queue ARN (`https://sqs.<region>.<domain>/<account>/<name>`).
    static func queueURL(_ arn: ARN) -> String {
        let domain = arn.partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
        return "https://sqs.\(arn.region).\(domain)/\(arn.accountID)/\(arn.resourceID)"
    }

    static func caches(_ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?) async throws
        -> [String: LiveStatus]
    {
        var items = index(
            try await calls.queryPages(
                AWSOperation.ElastiCache.describeCacheClusters, ["MaxRecords": "100"], region: region,
                list: "CacheClusters", tokenIn: "Marker", tokenOut: "Marker"), "CacheClusterId")
        if targets.contains(where: { $0.parsed.resourceType == "replicationgroup" }) {
            let groups = try await calls.queryPages(
                AWSOperation.ElastiCache.describeReplicationGroups, ["MaxRecords": "100"], region: region,
                list: "ReplicationGroups", tokenIn: "Marker", tokenOut: "Marker")
            items.merge(index(groups, "ReplicationGroupId")) { $1 }
        }
        return statuses(targets, items, LiveMapping.cache)
    }

    /// OpenSearch `DescribeDomains`: up to 5 domains per call.
    static func domains(_ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?) async throws
        -> [String: LiveStatus]
    {
        var result: [String: LiveStatus] = [:]
        for batch in targets.batches(of: 5) {
            let body = JSONValue.object(["DomainNames": .array(batch.map { .string($0.id) })])
            let answer = try await calls.restJSON(
                AWSOperation.OpenSearch.describeDomains, path: [:], body: body, region: region)
            var found: [String: JSONValue] = [:]
            for item in answer["DomainStatusList"]?.arrayValue ?? [] {
                if let name = item["DomainName"]?.stringValue { found[name] = item }
            }
            for target in batch {
                result[target.arn] =
                    found[target.id].map(LiveMapping.openSearchDomain)
                    ?? LiveStatus(health: .unknown, values: ["state": "not found"])
            }
        }
        return result
    }

    /// ECS `DescribeServices`: up to 10 services of one cluster per call.
    static func ecsServices(_ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?) async throws
        -> [String: LiveStatus]
    {
        var result: [String: LiveStatus] = [:]
        let byCluster = Dictionary(grouping: targets) { $0.parent ?? "default" }
        for cluster in byCluster.keys.sorted() {
            for batch in (byCluster[cluster] ?? []).batches(of: 10) {
                let body = JSONValue.object([
                    "cluster": .string(cluster), "services": .array(batch.map { .string($0.arn) }),
                ])
                let answer = try await calls.json(AWSOperation.ECS.describeServices, body, region: region)
                var found: [String: JSONValue] = [:]
                for item in answer["services"]?.arrayValue ?? [] {
                    if let arn = item["serviceArn"]?.stringValue { found[arn] = item }
                    if let name = item["serviceName"]?.stringValue { found[name] = item }
                }
                for target in batch {
                    result[target.arn] =
                        (found[target.arn] ?? found[target.id]).map(LiveMapping.ecsService)
                        ?? LiveStatus(health: .unknown, values: ["state": "not found"])
                }
            }
        }
        return result
    }

    /// CloudFront `ListDistributions`, every page: one call for all distributions of the account.
    static func distributions(_ targets: [LiveTarget], _ calls: LiveCalls) async throws -> [String: LiveStatus] {
        var items: [String: XMLTree] = [:]
        var marker: String?
        repeat {
            var query = [QueryItem("MaxItems", "1000")]
            if let marker { query.append(QueryItem("Marker", marker)) }
            let root = try await calls.restXML(AWSOperation.CloudFront.listDistributions, query: query, region: nil)
            let list = root.first(named: "DistributionList") ?? root
            for item in list.list("Items") { if let id = item.string("Id") { items[id] = item } }
            let next = list.string("NextMarker")
            marker = list.string("IsTruncated") == "true" && next != marker ? next : nil
        } while marker != nil
        return statuses(targets, items, LiveMapping.distribution)
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel

extension LiveMapping {
    /// RDS DB instance (`DescribeDBInstances` item).
    /// See https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html#Overview.DBInstance.Status
    public static func dbInstance(_ item: XMLTree) -> LiveStatus {
        let state = item.string("DBInstanceStatus") ?? "unknown"
        var values = ["state": state]
        values["endpoint"] = item.string("Endpoint", "Address")
        return LiveStatus(health: rdsHealth(state), values: values)
    }

    /// Aurora / Multi-AZ DB cluster (`DescribeDBClusters` item).
    public static func dbCluster(_ item: XMLTree) -> LiveStatus {
        let state = item.string("Status") ?? "unknown"
        return LiveStatus(health: rdsHealth(state), values: ["state": state])
    }

    /// RDS status words: `available` is fine, `stopped` is deliberate, failures and credential problems are errors,
    /// everything else (backing-up, modifying, rebooting, ...) is a transition.
    static func rdsHealth(_ state: String) -> LiveHealth {
        switch state {
        case "available": .ok
        case "stopped", "stopping", "deleting": .stopped
        case "failed", "storage-full", "inaccessible-encryption-credentials", "restore-error":
            .error
        case "unknown": .unknown
        default: state.hasPrefix("incompatible-") ? .error : .warning
        }
    }

    /// ElastiCache cluster or replication group (`CacheClusterStatus` / `Status`).
    /// See https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.html (cluster status)
    public static func cache(_ item: XMLTree) -> LiveStatus {
        let state = item.string("CacheClusterStatus") ?? item.string("Status") ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "available": .ok
            case "deleting", "deleted": .stopped
            case "create-failed", "incompatible-network", "restore-failed": .error
            case "unknown": .unknown
            default: .warning
            }
        var values = ["state": state]
        values["nodes"] = item.string("NumCacheNodes")
        return LiveStatus(health: health, values: values)
    }

    /// Lambda function (`GetFunction` answer's `Configuration`): state and last update status.
    /// See https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
    public static func lambda(_ answer: JSONValue) -> LiveStatus {
        let configuration = answer["Configuration"] ?? answer
        let state = configuration["State"]?.stringValue ?? "Active"
        let update = configuration["LastUpdateStatus"]?.stringValue ?? "Successful"
        var health: LiveHealth =
            switch state {
            case "Active": .ok
            case "Pending": .warning
            case "Inactive": .stopped
            case "Failed": .error
            default: .unknown
            }
        switch update {
        case "Failed": health = health.worst(.error)
        case "InProgress": health = health.worst(.warning)
        default: break
        }
        var values = ["state": state, "lastUpdateStatus": update]
        values["reason"] = configuration["StateReason"]?.stringValue
        return LiveStatus(health: health, values: values)
    }

    /// DynamoDB table (`DescribeTable` answer): status and item count.
    /// See https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
    public static func dynamoDBTable(_ answer: JSONValue) -> LiveStatus {
        let table = answer["Table"] ?? answer
        let state = table["TableStatus"]?.stringValue ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "ACTIVE": .ok
            case "CREATING", "UPDATING": .warning
            case "DELETING", "ARCHIVING", "ARCHIVED": .stopped
            case "INACCESSIBLE_ENCRYPTION_CREDENTIALS": .error
            default: .unknown
            }
        var values = ["state": state]
        values["itemCount"] = table["ItemCount"]?.doubleValue.map { String(Int($0)) }
        return LiveStatus(health: health, values: values)
    }

    /// SQS queue (`GetQueueAttributes` result): visible and in-flight messages.
    /// See https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
    public static func queue(_ result: XMLTree) -> LiveStatus {
        var attributes: [String: String] = [:]
        for item in result.all("Attribute") {
            if let name = item.string("Name") { attributes[name] = item.string("Value") ?? "" }
        }
        var values: [String: String] = [:]
        values["visible"] = attributes["ApproximateNumberOfMessages"] ?? "0"
        values["inFlight"] = attributes["ApproximateNumberOfMessagesNotVisible"] ?? "0"
        values["delayed"] = attributes["ApproximateNumberOfMessagesDelayed"]
        return LiveStatus(health: .ok, values: values)
    }

    /// ECS service (`DescribeServices` item): running / desired / pending tasks.
    /// See https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html
    public static func ecsService(_ item: JSONValue) -> LiveStatus {
        let state = item["status"]?.stringValue ?? "unknown"
        let running = Int(item["runningCount"]?.doubleValue ?? 0)
        let desired = Int(item["desiredCount"]?.doubleValue ?? 0)
        let pending = Int(item["pendingCount"]?.doubleValue ?? 0)
        let health: LiveHealth
        if state != "ACTIVE" {
            health = state == "unknown" ? .unknown : .stopped  // DRAINING, INACTIVE
        } else if desired == 0 {
            health = .stopped
        } else if running == 0 {
            health = .error
        } else if running < desired || pending > 0 {
            health = .warning
        } else {
            health = .ok
        }
        return LiveStatus(
            health: health,
            values: [
                "state": state, "running": String(running), "desired": String(desired), "pending": String(pending),
            ])
    }

    /// EKS cluster (`DescribeCluster` answer).
    /// See https://docs.aws.amazon.com/eks/latest/APIReference/API_Cluster.html
    public static func eksCluster(_ answer: JSONValue) -> LiveStatus {
        let cluster = answer["cluster"] ?? answer
        let state = cluster["status"]?.stringValue ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "ACTIVE": .ok
            case "CREATING", "UPDATING", "PENDING": .warning
            case "FAILED": .error
            case "DELETING": .stopped
            default: .unknown
            }
        var values = ["state": state]
        values["version"] = cluster["version"]?.stringValue
        return LiveStatus(health: health, values: values)
    }

    /// CloudFront distribution (`ListDistributions` summary): status and enabled.
    /// See https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionSummary.html
    public static func distribution(_ item: XMLTree) -> LiveStatus {
        let state = item.string("Status") ?? "unknown"
        let enabled = item.string("Enabled") == "true"
        let health: LiveHealth =
            !enabled ? .stopped : state == "Deployed" ? .ok : state == "InProgress" ? .warning : .unknown
        return LiveStatus(health: health, values: ["state": state, "enabled": String(enabled)])
    }
}

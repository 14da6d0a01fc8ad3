import SkyplanAWS
import SkyplanModel

extension LiveMapping {
    /// Redshift cluster (`DescribeClusters` item, `ClusterStatus`).
    /// See https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-cluster-status
    public static func redshiftCluster(_ item: XMLTree) -> LiveStatus {
        let state = item.string("ClusterStatus") ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "available": .ok
            case "paused", "deleting": .stopped
            case "hardware-failure", "incompatible-hsm", "incompatible-network", "incompatible-parameters",
                "incompatible-restore", "storage-full":
                .error
            case "unknown": .unknown
            default: .warning
            }
        var values = ["state": state]
        values["nodes"] = item.string("NumberOfNodes")
        return LiveStatus(health: health, values: values)
    }

    /// OpenSearch domain (`DescribeDomains` item): `Deleted`, `Processing` (a configuration change or upgrade
    /// under way), else active.
    public static func openSearchDomain(_ item: JSONValue) -> LiveStatus {
        let state =
            item["Deleted"]?.boolValue == true
            ? "deleted"
            : item["Processing"]?.boolValue == true || item["UpgradeProcessing"]?.boolValue == true
                ? "processing" : item["Created"]?.boolValue == false ? "creating" : "active"
        let health: LiveHealth =
            switch state {
            case "active": .ok
            case "deleted": .stopped
            default: .warning
            }
        return LiveStatus(health: health, values: ["state": state])
    }

    /// Kinesis stream (`DescribeStreamSummary` answer): `StreamStatus` and open shards.
    public static func kinesisStream(_ answer: JSONValue) -> LiveStatus {
        let item = answer["StreamDescriptionSummary"] ?? answer
        let state = item["StreamStatus"]?.stringValue ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "ACTIVE": .ok
            case "DELETING": .stopped
            case "unknown": .unknown
            default: .warning
            }
        var values = ["state": state.lowercased()]
        values["shards"] = item["OpenShardCount"]?.doubleValue.map { String(Int($0)) }
        return LiveStatus(health: health, values: values)
    }

    /// Firehose delivery stream (`DescribeDeliveryStream` answer): `DeliveryStreamStatus`.
    public static func deliveryStream(_ answer: JSONValue) -> LiveStatus {
        let item = answer["DeliveryStreamDescription"] ?? answer
        let state = item["DeliveryStreamStatus"]?.stringValue ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "ACTIVE": .ok
            case "DELETING": .stopped
            case "CREATING_FAILED", "DELETING_FAILED": .error
            case "unknown": .unknown
            default: .warning
            }
        return LiveStatus(health: health, values: ["state": state.lowercased()])
    }

    /// MSK cluster (`ListClustersV2` item, `state`).
    /// See https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html#clusters-model-clusterstate
    public static func mskCluster(_ item: JSONValue) -> LiveStatus {
        let state = item["state"]?.stringValue ?? "UNKNOWN"
        let health: LiveHealth =
            switch state {
            case "ACTIVE": .ok
            case "DELETING": .stopped
            case "FAILED": .error
            case "UNKNOWN": .unknown
            default: .warning
            }
        var values = ["state": state.lowercased()]
        if let brokers = item["provisioned"]?["numberOfBrokerNodes"]?.doubleValue {
            values["brokers"] = String(Int(brokers))
        }
        return LiveStatus(health: health, values: values)
    }

    /// Amazon MQ broker (`ListBrokers` summary, `brokerState`).
    /// See https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers.html#brokers-model-brokerstate
    public static func mqBroker(_ item: JSONValue) -> LiveStatus {
        let state = item["brokerState"]?.stringValue ?? "UNKNOWN"
        let health: LiveHealth =
            switch state {
            case "RUNNING": .ok
            case "DELETION_IN_PROGRESS": .stopped
            case "CRITICAL_ACTION_REQUIRED": .error
            case "UNKNOWN": .unknown
            default: .warning
            }
        return LiveStatus(health: health, values: ["state": state.lowercased()])
    }
}

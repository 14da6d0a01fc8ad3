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
}

import SkyplanAWS

/// CloudWatch alarms matched to the watched components by their dimensions.
/// See https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html
public enum LiveAlarms {
    /// One alarm as the live feed needs it.
    public struct Alarm: Sendable, Hashable {
        /// The alarm name.
        public var name: String
        /// `OK`, `ALARM`, `INSUFFICIENT_DATA`.
        public var state: String
        /// Why it is in its state.
        public var reason: String
        /// The metric's dimensions.
        public var dimensions: [String: String]

        /// Reads a `MetricAlarms` member of `DescribeAlarms`.
        public init?(_ item: XMLTree) {
            guard let name = item.string("AlarmName") else { return nil }
            self.name = name
            state = item.string("StateValue") ?? "INSUFFICIENT_DATA"
            reason = item.string("StateReason") ?? ""
            var dimensions: [String: String] = [:]
            for dimension in item.list("Dimensions") {
                if let key = dimension.string("Name") { dimensions[key] = dimension.string("Value") ?? "" }
            }
            self.dimensions = dimensions
        }
    }

    /// The dimension (name, value) pairs that identify `target` in CloudWatch.
    public static func dimensions(of target: LiveTarget) -> [(String, String)] {
        let resource = target.parsed.resource
        switch target.family {
        case .ec2: return [("InstanceId", target.id)]
        case .ebs: return [("VolumeId", target.id)]
        case .natGateway: return [("NatGatewayId", target.id)]
        case .autoScaling: return [("AutoScalingGroupName", target.id)]
        case .loadBalancer: return [("LoadBalancer", String(resource.dropFirst("loadbalancer/".count)))]
        case .classicLoadBalancer: return [("LoadBalancerName", target.id)]
        case .targetGroup: return [("TargetGroup", resource)]
        case .rdsInstance: return [("DBInstanceIdentifier", target.id)]
        case .rdsCluster: return [("DBClusterIdentifier", target.id)]
        case .elastiCache: return [("CacheClusterId", target.id), ("ReplicationGroupId", target.id)]
        case .lambda: return [("FunctionName", target.id)]
        case .dynamoDB: return [("TableName", target.id)]
        case .sqs: return [("QueueName", target.id)]
        case .ecsService: return [("ServiceName", target.id)]
        case .eks: return [("ClusterName", target.id)]
        case .cloudFront: return [("DistributionId", target.id)]
        case .redshift: return [("ClusterIdentifier", target.id)]
        case .openSearch: return [("DomainName", target.id)]
        case .kinesisStream: return [("StreamName", target.id)]
        case .firehose: return [("DeliveryStreamName", target.id)]
        case .msk:
            return [
                (
                    "Cluster Name",
                    target.parsed.resource.split(separator: "/").dropFirst().first.map(String.init) ?? target.id
                )
            ]
        case .mq:
            return [
                ("Broker", target.parsed.resource.split(separator: ":").dropFirst().first.map(String.init) ?? target.id)
            ]
        }
    }

    /// Alarms per ARN. An ECS alarm must also name the service's cluster when it has a `ClusterName` dimension.
    public static func match(_ alarms: [Alarm], to targets: [LiveTarget]) -> [String: [Alarm]] {
        var index: [String: [LiveTarget]] = [:]
        for target in targets {
            for (name, value) in dimensions(of: target) { index["\(name)=\(value)", default: []].append(target) }
        }
        var matched: [String: [Alarm]] = [:]
        for alarm in alarms.sorted(by: { $0.name < $1.name }) {
            var seen: Set<String> = []
            for key in alarm.dimensions.keys.sorted() {
                for target in index["\(key)=\(alarm.dimensions[key] ?? "")"] ?? [] where !seen.contains(target.arn) {
                    if target.family == .ecsService, let cluster = alarm.dimensions["ClusterName"],
                        cluster != target.parent
                    {
                        continue
                    }
                    seen.insert(target.arn)
                    matched[target.arn, default: []].append(alarm)
                }
            }
        }
        return matched
    }

    /// Adds alarms to a status: the `ALARM` count, each alarm's state and reason, and `error` health when one fires.
    public static func apply(_ alarms: [Alarm], to status: inout LiveStatus) {
        let firing = alarms.filter { $0.state == "ALARM" }
        status.alarms = firing.count
        for alarm in alarms {
            status.values["alarm.\(alarm.name)"] =
                alarm.reason.isEmpty ? alarm.state : "\(alarm.state): \(alarm.reason)"
        }
        if !firing.isEmpty { status.health = status.health.worst(.error) }
    }
}

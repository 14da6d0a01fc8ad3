import Foundation
import SkyplanAWS

/// Pure functions from an AWS answer to a `LiveStatus`, one per family. No I/O: every rule is unit-tested.
///
/// State words come from each service's API reference (e.g. EC2 `InstanceState`, RDS "Viewing DB instance
/// status", ELBv2 `TargetHealth.State`).
public enum LiveMapping {
    /// EC2 instance: `DescribeInstances` item plus optional `DescribeInstanceStatus` item.
    /// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html
    public static func instance(_ item: XMLTree, status: XMLTree?) -> LiveStatus {
        let state = item.string("instanceState", "name") ?? status?.string("instanceState", "name") ?? "unknown"
        var values = ["state": state]
        values["type"] = item.string("instanceType")
        values["privateIp"] = item.string("privateIpAddress")
        values["publicIp"] = item.string("ipAddress")
        var health: LiveHealth
        switch state {
        case "running": health = .ok
        case "pending": health = .warning
        case "stopping", "stopped", "shutting-down", "terminated": health = .stopped
        default: health = .unknown
        }
        if let status, state == "running" {
            let system = status.string("systemStatus", "status") ?? "not-applicable"
            let instance = status.string("instanceStatus", "status") ?? "not-applicable"
            values["systemStatus"] = system
            values["instanceStatus"] = instance
            let checks = [system, instance]
            if checks.contains("impaired") {
                health = .error
            } else if checks.contains("initializing") || checks.contains("insufficient-data") {
                health = health.worst(.warning)
            }
        }
        return LiveStatus(health: health, values: values.compactMapValues { $0 })
    }

    /// EBS volume (`DescribeVolumes` item).
    /// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Volume.html
    public static func volume(_ item: XMLTree) -> LiveStatus {
        let state = item.string("status") ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "in-use", "available": .ok
            case "creating": .warning
            case "error": .error
            case "deleting", "deleted": .stopped
            default: .unknown
            }
        var values = ["state": state]
        values["attachedTo"] = item.list("attachmentSet").compactMap { $0.string("instanceId") }.first
        return LiveStatus(health: health, values: values)
    }

    /// NAT gateway (`DescribeNatGateways` item).
    /// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NatGateway.html
    public static func natGateway(_ item: XMLTree) -> LiveStatus {
        let state = item.string("state") ?? "unknown"
        let health: LiveHealth =
            switch state {
            case "available": .ok
            case "pending": .warning
            case "failed": .error
            case "deleting", "deleted": .stopped
            default: .unknown
            }
        var values = ["state": state]
        values["publicIp"] = item.list("natGatewayAddressSet").compactMap { $0.string("publicIp") }.first
        values["reason"] = item.string("failureMessage")
        return LiveStatus(health: health, values: values)
    }

    /// Auto Scaling group (`DescribeAutoScalingGroups` member): desired / in-service / pending.
    /// See https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html
    public static func autoScalingGroup(_ item: XMLTree) -> LiveStatus {
        let desired = Int(item.string("DesiredCapacity") ?? "") ?? 0
        let instances = item.list("Instances")
        let inService = instances.filter { $0.string("LifecycleState") == "InService" }.count
        let pending = instances.filter { ($0.string("LifecycleState") ?? "").hasPrefix("Pending") }.count
        let unhealthy = instances.filter { $0.string("HealthStatus") == "Unhealthy" }.count
        var health: LiveHealth
        if item.string("Status") != nil || desired == 0 {
            health = .stopped  // "Delete in progress", or scaled to zero on purpose
        } else if inService == 0 {
            health = .error
        } else if inService < desired || unhealthy > 0 {
            health = .warning
        } else {
            health = .ok
        }
        if pending > 0, health == .ok { health = .warning }
        return LiveStatus(
            health: health,
            values: [
                "desired": String(desired), "inService": String(inService), "pending": String(pending),
                "unhealthy": String(unhealthy),
            ])
    }

    /// Target health counts of one target group (`DescribeTargetHealth` members).
    public struct TargetCounts: Sendable, Hashable {
        /// Targets whose state is `healthy`.
        public var healthy = 0
        /// Targets whose state is `unhealthy` or `unavailable`.
        public var unhealthy = 0
        /// Targets starting, draining or unused.
        public var other = 0

        /// Counts nothing.
        public init(healthy: Int = 0, unhealthy: Int = 0, other: Int = 0) {
            self.healthy = healthy
            self.unhealthy = unhealthy
            self.other = other
        }

        /// Counts the `TargetHealthDescriptions` of a `DescribeTargetHealth` result.
        /// See https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
        public init(describeTargetHealth result: XMLTree) {
            for member in result.list("TargetHealthDescriptions") {
                switch member.string("TargetHealth", "State") {
                case "healthy": healthy += 1
                case "unhealthy", "unavailable": unhealthy += 1
                default: other += 1
                }
            }
        }

        /// Health implied by targets alone: none healthy but some unhealthy is an error.
        public var health: LiveHealth {
            if unhealthy > 0 { return healthy == 0 ? .error : .warning }
            if healthy == 0 { return other > 0 ? .warning : .ok }
            return .ok
        }
    }

    /// Target group: its target counts.
    public static func targetGroup(_ counts: TargetCounts) -> LiveStatus {
        LiveStatus(
            health: counts.health,
            values: ["healthyTargets": String(counts.healthy), "unhealthyTargets": String(counts.unhealthy)])
    }

    /// ALB/NLB (`DescribeLoadBalancers` member) with the target counts of each of its target groups by name.
    /// See https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerState.html
    public static func loadBalancer(_ item: XMLTree, targetGroups: [String: TargetCounts]) -> LiveStatus {
        let state = item.string("State", "Code") ?? "unknown"
        var health: LiveHealth =
            switch state {
            case "active": .ok
            case "provisioning", "active_impaired": .warning
            case "failed": .error
            default: .unknown
            }
        var values = ["state": state]
        values["reason"] = item.string("State", "Reason")
        var total = TargetCounts()
        for name in targetGroups.keys.sorted() {
            guard let counts = targetGroups[name] else { continue }
            values["targets.\(name)"] = "\(counts.healthy) healthy, \(counts.unhealthy) unhealthy"
            total.healthy += counts.healthy
            total.unhealthy += counts.unhealthy
            total.other += counts.other
            if counts.unhealthy > 0 { health = health.worst(counts.health) }
        }
        values["healthyTargets"] = String(total.healthy)
        values["unhealthyTargets"] = String(total.unhealthy)
        return LiveStatus(health: health, values: values)
    }

    /// Classic load balancer (`DescribeInstanceHealth` result): InService / OutOfService counts.
    /// See https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_InstanceState.html
    public static func classicLoadBalancer(_ result: XMLTree) -> LiveStatus {
        let states = result.list("InstanceStates").map { $0.string("State") ?? "Unknown" }
        var counts = TargetCounts()
        counts.healthy = states.filter { $0 == "InService" }.count
        counts.unhealthy = states.filter { $0 == "OutOfService" }.count
        counts.other = states.count - counts.healthy - counts.unhealthy
        var status = targetGroup(counts)
        status.values["state"] = "active"
        return status
    }
}

extension XMLTree {
    /// Text at a path of child names (`item.string("instanceState", "name")`).
    func string(_ first: String, _ second: String) -> String? {
        let text = self[first]?[second]?.text
        return text?.isEmpty == false ? text : nil
    }
}

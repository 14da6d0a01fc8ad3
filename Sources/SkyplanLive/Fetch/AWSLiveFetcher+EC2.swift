import SkyplanAWS
import SkyplanModel

/// Families read through EC2, Auto Scaling and Elastic Load Balancing: one call per batch of resources.
extension AWSLiveFetcher {
    static func fetch(
        _ family: LiveFamily, _ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?, _ limit: Int
    ) async throws -> [String: LiveStatus] {
        switch family {
        case .ec2: return try await instances(targets, calls, region)
        case .ebs:
            let items = try await ec2Items(
                AWSOperation.EC2.describeVolumes, "volume-id", "volumeSet", "volumeId", targets, calls, region)
            return statuses(targets, items, LiveMapping.volume)
        case .natGateway:
            let items = try await ec2Items(
                AWSOperation.EC2.describeNatGateways, "nat-gateway-id", "natGatewaySet", "natGatewayId", targets,
                calls, region)
            return statuses(targets, items, LiveMapping.natGateway)
        case .autoScaling: return try await autoScalingGroups(targets, calls, region)
        case .loadBalancer, .targetGroup: return try await loadBalancing(family, targets, calls, region, limit)
        case .classicLoadBalancer:
            let answers = try await boundedMap(targets, limit: limit) { target in
                let health = try await calls.query(
                    AWSOperation.ELB.describeInstanceHealth, ["LoadBalancerName": target.id], region: region)
                return (target.arn, health)  // into a local before the pair: see `capture`
            }
            return Dictionary(answers.map { ($0.0, LiveMapping.classicLoadBalancer($0.1)) }) { $1 }
        default: return try await services(family, targets, calls, region, limit)
        }
    }

    /// Maps found items by id; a target whose item is absent is `unknown` ("not found").
    static func statuses<Item>(_ targets: [LiveTarget], _ items: [String: Item], _ map: (Item) -> LiveStatus)
        -> [String: LiveStatus]
    {
        var result: [String: LiveStatus] = [:]
        for target in targets {
            result[target.arn] =
                items[target.id].map(map) ?? LiveStatus(health: .unknown, values: ["state": "not found"])
        }
        return result
    }

    /// EC2 describe call filtered by id, 200 ids per call (the filter value limit).
    static func ec2Items(
        _ operation: AWSOperation, _ filter: String, _ set: String, _ idField: String, _ targets: [LiveTarget],
        _ calls: LiveCalls, _ region: String?
    ) async throws -> [String: XMLTree] {
        var items: [String: XMLTree] = [:]
        for batch in targets.map(\.id).batches(of: 200) {
            for item in try await calls.ec2Pages(operation, LiveCalls.filter(filter, batch), region: region, set: set) {
                if let id = item.string(idField) { items[id] = item }
            }
        }
        return items
    }

    /// Instances: `DescribeInstances` (state, IPs) then `DescribeInstanceStatus` for running ones (checks).
    static func instances(_ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?) async throws
        -> [String: LiveStatus]
    {
        var instances: [String: XMLTree] = [:]
        for batch in targets.map(\.id).batches(of: 200) {
            let reservations = try await calls.ec2Pages(
                AWSOperation.EC2.describeInstances, LiveCalls.filter("instance-id", batch), region: region,
                set: "reservationSet")
            for item in reservations.flatMap({ $0.list("instancesSet") }) {
                if let id = item.string("instanceId") { instances[id] = item }
            }
        }
        let running = instances.filter { $0.value.string("instanceState", "name") == "running" }.keys.sorted()
        var checks: [String: XMLTree] = [:]
        for batch in running.batches(of: 100) {
            var parameters = ["IncludeAllInstances": "true"]
            for (index, id) in batch.enumerated() { parameters["InstanceId.\(index + 1)"] = id }
            do {
                let items = try await calls.ec2Pages(
                    AWSOperation.EC2.describeInstanceStatus, parameters, region: region, set: "instanceStatusSet")
                for item in items { if let id = item.string("instanceId") { checks[id] = item } }
            } catch let error as AWSError where error.isNotFound {
                continue  // an instance vanished between the two calls: its checks are simply absent
            }
        }
        return statuses(targets, instances) { item in
            LiveMapping.instance(item, status: item.string("instanceId").flatMap { checks[$0] })
        }
    }

    /// Auto Scaling groups by name, 50 names per call.
    static func autoScalingGroups(_ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?) async throws
        -> [String: LiveStatus]
    {
        var items: [String: XMLTree] = [:]
        for batch in targets.map(\.id).batches(of: 50) {
            var parameters = LiveCalls.members("AutoScalingGroupNames", batch)
            parameters["MaxRecords"] = "100"
            for item in try await calls.queryPages(
                AWSOperation.AutoScaling.describeAutoScalingGroups, parameters, region: region,
                list: "AutoScalingGroups")
            {
                if let name = item.string("AutoScalingGroupName") { items[name] = item }
            }
        }
        return statuses(targets, items, LiveMapping.autoScalingGroup)
    }

    /// ALB/NLB state (20 ARNs per call), their target groups (one paged call), target health per group.
    static func loadBalancing(
        _ family: LiveFamily, _ targets: [LiveTarget], _ calls: LiveCalls, _ region: String?, _ limit: Int
    ) async throws -> [String: LiveStatus] {
        if family == .targetGroup {
            let answers = try await boundedMap(targets, limit: limit) { target in
                let counts = try await targetCounts(target.arn, calls, region)
                return (target.arn, counts)  // into a local before the pair: see `capture`
            }
            return Dictionary(answers.map { ($0.0, LiveMapping.targetGroup($0.1)) }) { $1 }
        }
        var balancers: [String: XMLTree] = [:]
        for batch in targets.map(\.arn).batches(of: 20) {
            do {
                let items = try await calls.queryPages(
                    AWSOperation.ELBv2.describeLoadBalancers, LiveCalls.members("LoadBalancerArns", batch),
                    region: region, list: "LoadBalancers", tokenIn: "Marker", tokenOut: "NextMarker")
                for item in items { if let arn = item.string("LoadBalancerArn") { balancers[arn] = item } }
            } catch let error as AWSError where error.isNotFound && batch.count > 1 {
                // One deleted balancer fails the whole batch: ask for each alone.
                for arn in batch {
                    let items = try? await calls.queryPages(
                        AWSOperation.ELBv2.describeLoadBalancers, LiveCalls.members("LoadBalancerArns", [arn]),
                        region: region, list: "LoadBalancers", tokenIn: "Marker", tokenOut: "NextMarker")
                    if let item = items?.first { balancers[arn] = item }
                }
            }
        }
        let groups = try await calls.queryPages(
            AWSOperation.ELBv2.describeTargetGroups, [:], region: region, list: "TargetGroups", tokenIn: "Marker",
            tokenOut: "NextMarker")
        var attached: [(balancer: String, name: String, arn: String)] = []
        for group in groups {
            guard let arn = group.string("TargetGroupArn") else { continue }
            for balancer in group.list("LoadBalancerArns").map(\.text) where balancers[balancer] != nil {
                attached.append((balancer, group.string("TargetGroupName") ?? arn, arn))
            }
        }
        let counts = try await boundedMap(attached, limit: limit) { entry in
            let counts = try await targetCounts(entry.arn, calls, region)
            return (entry, counts)  // into a local before the pair: see `capture`
        }
        var result: [String: LiveStatus] = [:]
        for target in targets {
            guard let item = balancers[target.arn] else {
                result[target.arn] = LiveStatus(health: .unknown, values: ["state": "not found"])
                continue
            }
            var byName: [String: LiveMapping.TargetCounts] = [:]
            for (entry, count) in counts where entry.balancer == target.arn { byName[entry.name] = count }
            result[target.arn] = LiveMapping.loadBalancer(item, targetGroups: byName)
        }
        return result
    }

    static func targetCounts(_ arn: String, _ calls: LiveCalls, _ region: String?) async throws
        -> LiveMapping.TargetCounts
    {
        let result = try await calls.query(
            AWSOperation.ELBv2.describeTargetHealth, ["TargetGroupArn": arn], region: region)
        return LiveMapping.TargetCounts(describeTargetHealth: result)
    }
}

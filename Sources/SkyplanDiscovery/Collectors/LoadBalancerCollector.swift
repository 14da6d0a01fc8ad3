import SkyplanAWS
import SkyplanModel

/// Classic ELBs, ALBs, NLBs and GWLBs with their target groups and registered targets. A load balancer's target groups
/// come from the groups' own `LoadBalancerArns` (listener default actions and rules alike), so no per-balancer
/// `DescribeListeners` call is needed: one per-item call remains, target health per group.
public struct LoadBalancerCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "elb" }
    /// Target health per target group.
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        async let classicCall = capture { try await client.describeClassicLoadBalancers(region: region) }
        async let balancersCall = capture { try await client.describeLoadBalancersV2(region: region) }
        async let groupsCall = capture { try await client.describeTargetGroups(region: region) }
        let prefix = "arn:\(context.partition.rawValue):elasticloadbalancing:\(region):\(context.accountID)"
        for balancer in try recorder.take("DescribeLoadBalancers", await classicCall) ?? [] {
            let arn = "\(prefix):loadbalancer/\(balancer.name)"
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .elb, resourceID: balancer.name, accountID: context.accountID, region: region,
                    name: balancer.name,
                    placement: Placement(
                        vpcID: balancer.vpcID, subnetIDs: balancer.subnetIDs.sorted(),
                        availabilityZones: balancer.availabilityZones.sorted(),
                        securityGroupIDs: balancer.securityGroupIDs.sorted()),
                    config: [
                        "elbType": "classic", "scheme": .string(balancer.scheme),
                        "dnsName": .string(ARNs.host(balancer.dnsName)),
                        "listeners": .array(
                            balancer.listeners.map { .string("\($0.loadBalancerProtocol):\($0.loadBalancerPort)") }),
                    ]))
            for instance in Set(balancer.instanceIDs).sorted() {
                recorder.output.relate(
                    arn, context.arn("ec2", "instance", instance), .targets,
                    "elb:DescribeLoadBalancers Instances \(instance)")
            }
        }
        let balancers = try recorder.take("DescribeLoadBalancersV2", await balancersCall) ?? []
        for balancer in balancers {
            recorder.output.resources.append(
                Resource(
                    arn: balancer.arn, type: .elb, resourceID: balancer.name, accountID: context.accountID,
                    region: region,
                    name: balancer.name,
                    placement: Placement(
                        vpcID: balancer.vpcID, subnetIDs: balancer.subnetIDs.sorted(),
                        availabilityZones: balancer.availabilityZones.sorted(),
                        securityGroupIDs: balancer.securityGroupIDs.sorted()),
                    config: [
                        "elbType": .string(balancer.type), "scheme": .string(balancer.scheme),
                        "dnsName": .string(ARNs.host(balancer.dnsName)),
                    ]))
        }
        let groups = try recorder.take("DescribeTargetGroups", await groupsCall) ?? []
        for group in groups {
            var config: [String: JSONValue] = ["targetType": .string(group.targetType)]
            if let port = group.port { config["port"] = .number(Double(port)) }
            if let proto = group.targetProtocol { config["protocol"] = .string(proto) }
            recorder.output.resources.append(
                Resource(
                    arn: group.arn, type: .targetGroup, resourceID: group.name, accountID: context.accountID,
                    region: region,
                    name: group.name, placement: Placement(vpcID: group.vpcID), config: config))
            for balancer in group.loadBalancerARNs {
                recorder.output.relate(balancer, group.arn, .targets, "elbv2:DescribeTargetGroups LoadBalancerArns")
            }
        }
        let health = try await recorder.each("DescribeTargetHealth", groups, limit: concurrency) {
            try await client.describeTargetHealth(targetGroupARN: $0.arn, region: region)
        }
        for (group, targets) in health {
            for target in targets {
                recorder.output.relate(
                    group.arn, Self.target(target.targetID, type: group.targetType, context: context), .targets,
                    "elbv2:DescribeTargetHealth target \(target.targetID)" + (target.port.map { " port \($0)" } ?? ""))
            }
        }
        return recorder.output
    }

    /// The ARN (or `ip:` address) a registered target id stands for.
    static func target(_ id: String, type: String, context: CollectorContext) -> String {
        if id.hasPrefix("arn:") { return ARNs.lambdaFunction(id) }
        if type == "ip" || id.first?.isNumber == true { return "ip:\(id)" }
        return context.arn("ec2", "instance", id)
    }
}

import SkyplanAWS
import SkyplanModel

/// Auto scaling groups: their subnets, members, and the load balancers / target groups that feed them.
public struct AutoScalingCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "autoscaling" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let groups =
            try await recorder.attempt("DescribeAutoScalingGroups") {
                try await client.describeAutoScalingGroups(region: region)
            } ?? []
        let prefix = "arn:\(context.partition.rawValue):elasticloadbalancing:\(region):\(context.accountID)"
        for group in groups {
            recorder.output.resources.append(
                Resource(
                    arn: group.arn, type: .autoScalingGroup, resourceID: group.name, accountID: context.accountID,
                    region: region, name: group.name, tags: group.tags,
                    placement: Placement(
                        subnetIDs: group.subnetIDs.sorted(), availabilityZones: group.availabilityZones.sorted()),
                    config: [
                        "minSize": .number(Double(group.minSize)), "maxSize": .number(Double(group.maxSize)),
                        "desiredCapacity": .number(Double(group.desiredCapacity)),
                    ]))
            for instance in group.instanceIDs {
                recorder.output.relate(
                    group.arn, context.arn("ec2", "instance", instance), .contains,
                    "autoscaling:DescribeAutoScalingGroups Instances \(instance)")
            }
            for targetGroup in group.targetGroupARNs {
                recorder.output.relate(
                    targetGroup, group.arn, .targets, "autoscaling:DescribeAutoScalingGroups TargetGroupARNs")
            }
            for name in group.loadBalancerNames {
                recorder.output.relate(
                    "\(prefix):loadbalancer/\(name)", group.arn, .targets,
                    "autoscaling:DescribeAutoScalingGroups LoadBalancerNames")
            }
        }
        return recorder.output
    }
}

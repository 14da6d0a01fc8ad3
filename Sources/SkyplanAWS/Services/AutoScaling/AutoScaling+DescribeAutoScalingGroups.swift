import Foundation

/// An Auto Scaling group.
public struct AutoScalingGroup: Sendable, Hashable {
    public var name: String
    public var arn: String
    public var minSize: Int
    public var maxSize: Int
    public var desiredCapacity: Int
    public var availabilityZones: [String]
    /// Subnets from `VPCZoneIdentifier`.
    public var subnetIDs: [String]
    /// Members (group ⊃ instance relationships).
    public var instanceIDs: [String]
    public var loadBalancerNames: [String]
    public var targetGroupARNs: [String]
    public var tags: [String: String]
}

extension AWSClient {
    /// `DescribeAutoScalingGroups`, page by page.
    /// See https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html
    public func describeAutoScalingGroupsPages(region: String? = nil) -> Paginated<[AutoScalingGroup]> {
        let client = self
        return Paginated { token in
            var parameters = ["MaxRecords": "100"]
            if let token { parameters["NextToken"] = token }
            let result = try await client.query(
                AWSOperation.AutoScaling.describeAutoScalingGroups, parameters, region: region)
            let groups = result.list("AutoScalingGroups").compactMap { item -> AutoScalingGroup? in
                guard let name = item.string("AutoScalingGroupName") else { return nil }
                var tags: [String: String] = [:]
                for tag in item.list("Tags") {
                    if let key = tag.string("Key") { tags[key] = tag.string("Value") ?? "" }
                }
                return AutoScalingGroup(
                    name: name, arn: item.string("AutoScalingGroupARN") ?? "",
                    minSize: Int(item.string("MinSize") ?? "") ?? 0, maxSize: Int(item.string("MaxSize") ?? "") ?? 0,
                    desiredCapacity: Int(item.string("DesiredCapacity") ?? "") ?? 0,
                    availabilityZones: item.list("AvailabilityZones").map(\.text),
                    subnetIDs: (item.string("VPCZoneIdentifier") ?? "").split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty },
                    instanceIDs: item.list("Instances").compactMap { $0.string("InstanceId") },
                    loadBalancerNames: item.list("LoadBalancerNames").map(\.text),
                    targetGroupARNs: item.list("TargetGroupARNs").map(\.text), tags: tags)
            }
            return (groups, result.string("NextToken"))
        }
    }

    /// `DescribeAutoScalingGroups`, all items.
    public func describeAutoScalingGroups(region: String? = nil) async throws -> [AutoScalingGroup] {
        try await describeAutoScalingGroupsPages(region: region).all()
    }
}

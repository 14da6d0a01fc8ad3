/// An application, network or gateway load balancer.
public struct LoadBalancerV2: Sendable, Hashable {
    public var arn: String
    public var name: String
    public var dnsName: String
    /// `application`, `network`, `gateway`.
    public var type: String
    public var scheme: String
    public var vpcID: String
    public var state: String
    public var subnetIDs: [String]
    public var availabilityZones: [String]
    public var securityGroupIDs: [String]
}

/// A target group.
public struct TargetGroup: Sendable, Hashable {
    public var arn: String
    public var name: String
    /// `instance`, `ip`, `lambda`, `alb`.
    public var targetType: String
    public var targetProtocol: String?
    public var port: Int?
    public var vpcID: String?
    public var loadBalancerARNs: [String]
}

/// The health of one target.
public struct TargetHealth: Sendable, Hashable {
    public var targetID: String
    public var port: Int?
    /// `healthy`, `unhealthy`, `initial`, `unused`, `draining`, `unavailable`.
    public var state: String
    public var reason: String?
}

extension AWSClient {
    private func elbv2Pages<Item: Sendable>(
        _ operation: AWSOperation, _ parameters: [String: String], listKey: String, region: String?,
        map: @escaping @Sendable (XMLTree) -> Item?
    ) -> Paginated<[Item]> {
        let client = self
        return Paginated { marker in
            var query = parameters
            if let marker { query["Marker"] = marker }
            let result = try await client.query(operation, query, region: region)
            return (result.list(listKey).compactMap(map), result.string("NextMarker"))
        }
    }

    /// ELBv2 `DescribeLoadBalancers`, all items.
    public func describeLoadBalancersV2(region: String? = nil) async throws -> [LoadBalancerV2] {
        try await elbv2Pages(
            AWSOperation.ELBv2.describeLoadBalancers, ["PageSize": "400"], listKey: "LoadBalancers", region: region
        ) { item in
            guard let arn = item.string("LoadBalancerArn") else { return nil }
            let zones = item.list("AvailabilityZones")
            return LoadBalancerV2(
                arn: arn, name: item.string("LoadBalancerName") ?? "", dnsName: item.string("DNSName") ?? "",
                type: item.string("Type") ?? "application", scheme: item.string("Scheme") ?? "",
                vpcID: item.string("VpcId") ?? "", state: item["State"]?.string("Code") ?? "",
                subnetIDs: zones.compactMap { $0.string("SubnetId") },
                availabilityZones: zones.compactMap { $0.string("ZoneName") },
                securityGroupIDs: item.list("SecurityGroups").map(\.text))
        }.all()
    }

    /// ELBv2 `DescribeTargetGroups`, all items.
    public func describeTargetGroups(region: String? = nil) async throws -> [TargetGroup] {
        try await elbv2Pages(
            AWSOperation.ELBv2.describeTargetGroups, ["PageSize": "400"], listKey: "TargetGroups", region: region
        ) { item in
            guard let arn = item.string("TargetGroupArn") else { return nil }
            return TargetGroup(
                arn: arn, name: item.string("TargetGroupName") ?? "",
                targetType: item.string("TargetType") ?? "instance",
                targetProtocol: item.string("Protocol"), port: item.string("Port").flatMap { Int($0) },
                vpcID: item.string("VpcId"), loadBalancerARNs: item.list("LoadBalancerArns").map(\.text))
        }.all()
    }

    /// ELBv2 `DescribeTargetHealth` of one target group (not paginated).
    public func describeTargetHealth(targetGroupARN: String, region: String? = nil) async throws -> [TargetHealth] {
        let result = try await query(
            AWSOperation.ELBv2.describeTargetHealth, ["TargetGroupArn": targetGroupARN], region: region)
        return result.list("TargetHealthDescriptions").compactMap { item in
            guard let id = item["Target"]?.string("Id") else { return nil }
            return TargetHealth(
                targetID: id, port: item["Target"]?.string("Port").flatMap { Int($0) },
                state: item["TargetHealth"]?.string("State") ?? "", reason: item["TargetHealth"]?.string("Reason"))
        }
    }
}

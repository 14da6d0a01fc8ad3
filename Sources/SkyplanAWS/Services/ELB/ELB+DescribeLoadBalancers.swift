/// A classic load balancer.
public struct ClassicLoadBalancer: Sendable, Hashable {
    public var name: String
    public var dnsName: String
    /// `internet-facing` or `internal`.
    public var scheme: String
    public var vpcID: String?
    public var subnetIDs: [String]
    public var availabilityZones: [String]
    public var securityGroupIDs: [String]
    /// Registered instances (load balancer → target relationships).
    public var instanceIDs: [String]
    /// `(protocol, port, instance protocol, instance port)` listeners.
    public var listeners: [Listener]

    /// A classic listener.
    public struct Listener: Sendable, Hashable {
        public var loadBalancerProtocol: String
        public var loadBalancerPort: Int
        public var instanceProtocol: String
        public var instancePort: Int
    }
}

extension AWSClient {
    /// ELB classic `DescribeLoadBalancers`, page by page (`Marker`/`NextMarker`).
    /// See https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeLoadBalancers.html
    public func describeClassicLoadBalancersPages(region: String? = nil) -> Paginated<[ClassicLoadBalancer]> {
        let client = self
        return Paginated { marker in
            var parameters = ["PageSize": "400"]
            if let marker { parameters["Marker"] = marker }
            let result = try await client.query(AWSOperation.ELB.describeLoadBalancers, parameters, region: region)
            let items = result.list("LoadBalancerDescriptions").compactMap { item -> ClassicLoadBalancer? in
                guard let name = item.string("LoadBalancerName") else { return nil }
                return ClassicLoadBalancer(
                    name: name, dnsName: item.string("DNSName") ?? "",
                    scheme: item.string("Scheme") ?? "internet-facing",
                    vpcID: item.string("VPCId") ?? item.string("VpcId"), subnetIDs: item.list("Subnets").map(\.text),
                    availabilityZones: item.list("AvailabilityZones").map(\.text),
                    securityGroupIDs: item.list("SecurityGroups").map(\.text),
                    instanceIDs: item.list("Instances").compactMap { $0.string("InstanceId") },
                    listeners: item.list("ListenerDescriptions").compactMap { description in
                        guard let listener = description["Listener"] else { return nil }
                        return ClassicLoadBalancer.Listener(
                            loadBalancerProtocol: listener.string("Protocol") ?? "",
                            loadBalancerPort: Int(listener.string("LoadBalancerPort") ?? "") ?? 0,
                            instanceProtocol: listener.string("InstanceProtocol") ?? "",
                            instancePort: Int(listener.string("InstancePort") ?? "") ?? 0)
                    })
            }
            return (items, result.string("NextMarker"))
        }
    }

    /// ELB classic `DescribeLoadBalancers`, all items.
    public func describeClassicLoadBalancers(region: String? = nil) async throws -> [ClassicLoadBalancer] {
        try await describeClassicLoadBalancersPages(region: region).all()
    }
}

import Foundation

/// An EC2 instance (only what Skyplan draws, prices and shows live).
public struct Instance: Sendable, Hashable {
    public var instanceID: String
    /// `m5.large`.
    public var instanceType: String
    /// `pending`, `running`, `stopping`, `stopped`, `shutting-down`, `terminated`.
    public var state: String
    public var subnetID: String?
    public var vpcID: String?
    public var availabilityZone: String
    public var privateIP: String?
    public var publicIP: String?
    public var securityGroupIDs: [String]
    /// `Linux/UNIX`, `Windows`, ... (for pricing).
    public var platformDetails: String?
    /// The billing code, `RunInstances:0002` (Windows), ... (for pricing when `platformDetails` is absent).
    public var usageOperation: String?
    /// `windows` for Windows instances, else absent.
    public var platform: String?
    /// `spot` or `capacity-block`; absent for on-demand (and reserved) instances.
    public var instanceLifecycle: String?
    /// The spot request that launched the instance (`sir-...`).
    public var spotInstanceRequestID: String?
    /// `default`, `dedicated`, `host`.
    public var tenancy: String
    public var architecture: String?
    public var imageID: String?
    public var iamInstanceProfileARN: String?
    public var volumeIDs: [String]
    public var launchTime: String?
    public var tags: [String: String]
    /// The attached network interfaces (`networkInterfaceSet`), their `attachedInstanceID` set to this instance,
    /// their zone to its zone; no tags (DescribeInstances does not return ENI tags).
    public var networkInterfaces: [NetworkInterface] = []
}

/// Live status of an instance (`DescribeInstanceStatus`).
public struct InstanceStatus: Sendable, Hashable {
    public var instanceID: String
    public var availabilityZone: String
    public var state: String
    /// `ok`, `impaired`, `initializing`, `insufficient-data`, `not-applicable`.
    public var systemStatus: String
    public var instanceStatus: String
}

/// An EBS volume.
public struct Volume: Sendable, Hashable {
    /// An attachment to an instance.
    public struct Attachment: Sendable, Hashable {
        public var instanceID: String
        public var device: String
        public var state: String
    }

    public var volumeID: String
    /// `gp3`, `gp2`, `io1`, `io2`, `st1`, `sc1`, `standard`.
    public var volumeType: String
    /// GiB.
    public var size: Int
    public var iops: Int?
    public var throughput: Int?
    public var state: String
    public var availabilityZone: String
    public var encrypted: Bool
    public var attachments: [Attachment]
    public var tags: [String: String]
}

/// An Elastic IP address.
public struct ElasticIPAddress: Sendable, Hashable {
    public var allocationID: String?
    public var publicIP: String
    public var instanceID: String?
    public var networkInterfaceID: String?
    public var privateIP: String?
    /// `vpc` or `standard`.
    public var domain: String
    public var tags: [String: String]
}

extension AWSClient {
    /// `DescribeInstances`: every instance of every reservation, page by page.
    public func describeInstancesPages(_ filters: EC2Filters = EC2Filters(), region: String? = nil)
        -> Paginated<[Instance]>
    {
        let client = self
        return Paginated { token in
            var query = filters.parameters
            query["MaxResults"] = "1000"
            if let token { query["NextToken"] = token }
            let root = try await client.ec2Query(AWSOperation.EC2.describeInstances, query, region: region)
            let instances = root.list("reservationSet").flatMap { $0.list("instancesSet") }.compactMap(Self.instance)
            return (instances, root.string("nextToken"))
        }
    }

    /// `DescribeInstances`, all instances.
    public func describeInstances(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [Instance]
    {
        try await describeInstancesPages(filters, region: region).all()
    }

    static func instance(_ item: XMLTree) -> Instance? {
        guard let id = item.string("instanceId") else { return nil }
        let zone = item["placement"]?.string("availabilityZone") ?? ""
        return Instance(
            instanceID: id, instanceType: item.string("instanceType") ?? "",
            state: item["instanceState"]?.string("name") ?? "", subnetID: item.string("subnetId"),
            vpcID: item.string("vpcId"), availabilityZone: zone,
            privateIP: item.string("privateIpAddress"), publicIP: item.string("ipAddress"),
            securityGroupIDs: item.ec2Values("groupSet", "groupId"), platformDetails: item.string("platformDetails"),
            usageOperation: item.string("usageOperation"), platform: item.string("platform"),
            instanceLifecycle: item.string("instanceLifecycle"),
            spotInstanceRequestID: item.string("spotInstanceRequestId"),
            tenancy: item["placement"]?.string("tenancy") ?? "default", architecture: item.string("architecture"),
            imageID: item.string("imageId"), iamInstanceProfileARN: item["iamInstanceProfile"]?.string("arn"),
            volumeIDs: item.list("blockDeviceMapping").compactMap { $0["ebs"]?.string("volumeId") },
            launchTime: item.string("launchTime"), tags: item.ec2Tags,
            networkInterfaces: item.list("networkInterfaceSet").compactMap {
                instanceNetworkInterface($0, instanceID: id, availabilityZone: zone)
            })
    }

    /// One item of an instance's `networkInterfaceSet` (shape `InstanceNetworkInterface`).
    /// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterface.html
    static func instanceNetworkInterface(_ item: XMLTree, instanceID: String, availabilityZone: String)
        -> NetworkInterface?
    {
        guard let id = item.string("networkInterfaceId") else { return nil }
        return NetworkInterface(
            networkInterfaceID: id, subnetID: item.string("subnetId") ?? "", vpcID: item.string("vpcId") ?? "",
            availabilityZone: availabilityZone, interfaceType: item.string("interfaceType") ?? "interface",
            description: item.string("description") ?? "", privateIP: item.string("privateIpAddress") ?? "",
            publicIP: item["association"]?.string("publicIp"), attachedInstanceID: instanceID,
            securityGroupIDs: item.ec2Values("groupSet", "groupId"), requesterID: nil,
            status: item.string("status") ?? "", tags: [:])
    }

    /// `DescribeInstanceStatus` (all instances, stopped ones included), all items.
    public func describeInstanceStatus(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [InstanceStatus]
    {
        var parameters = filters.parameters
        parameters["IncludeAllInstances"] = "true"
        return try await ec2Pages(
            AWSOperation.EC2.describeInstanceStatus, parameters, listKey: "instanceStatusSet", region: region
        ) { item in
            guard let id = item.string("instanceId") else { return nil }
            return InstanceStatus(
                instanceID: id, availabilityZone: item.string("availabilityZone") ?? "",
                state: item["instanceState"]?.string("name") ?? "",
                systemStatus: item["systemStatus"]?.string("status") ?? "not-applicable",
                instanceStatus: item["instanceStatus"]?.string("status") ?? "not-applicable")
        }.all()
    }

    /// `DescribeVolumes`, all items.
    public func describeVolumes(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws -> [Volume] {
        try await ec2Pages(AWSOperation.EC2.describeVolumes, filters.parameters, listKey: "volumeSet", region: region) {
            item in
            guard let id = item.string("volumeId") else { return nil }
            return Volume(
                volumeID: id, volumeType: item.string("volumeType") ?? "", size: item.ec2Int("size") ?? 0,
                iops: item.ec2Int("iops"), throughput: item.ec2Int("throughput"), state: item.string("status") ?? "",
                availabilityZone: item.string("availabilityZone") ?? "", encrypted: item.ec2Bool("encrypted") ?? false,
                attachments: item.list("attachmentSet").map {
                    Volume.Attachment(
                        instanceID: $0.string("instanceId") ?? "", device: $0.string("device") ?? "",
                        state: $0.string("status") ?? "")
                }, tags: item.ec2Tags)
        }.all()
    }

    /// `DescribeAddresses` (not paginated).
    public func describeAddresses(_ filters: EC2Filters = EC2Filters(), region: String? = nil) async throws
        -> [ElasticIPAddress]
    {
        try await ec2Pages(
            AWSOperation.EC2.describeAddresses, filters.parameters, listKey: "addressesSet", pageSize: nil,
            region: region
        ) { item in
            guard let ip = item.string("publicIp") else { return nil }
            return ElasticIPAddress(
                allocationID: item.string("allocationId"), publicIP: ip, instanceID: item.string("instanceId"),
                networkInterfaceID: item.string("networkInterfaceId"), privateIP: item.string("privateIpAddress"),
                domain: item.string("domain") ?? "vpc", tags: item.ec2Tags)
        }.all()
    }
}

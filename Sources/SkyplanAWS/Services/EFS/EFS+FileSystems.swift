import AWSSigV4
import SkyplanModel

/// An EFS file system, as `DescribeFileSystems` gives it.
public struct EFSFileSystem: Sendable, Hashable {
    /// Id.
    public var id: String
    /// Arn.
    public var arn: String
    /// Name.
    public var name: String?
    /// Performance mode.
    public var performanceMode: String?
    /// Throughput mode.
    public var throughputMode: String?
    /// Size bytes.
    public var sizeBytes: Int?
    /// Tags.
    public var tags: [String: String]
}

/// An EFS mount target: where a file system is reachable in a subnet.
public struct EFSMountTarget: Sendable, Hashable {
    /// Id.
    public var id: String
    /// File system ID.
    public var fileSystemID: String
    /// Subnet ID.
    public var subnetID: String?
    /// Vpc ID.
    public var vpcID: String?
    /// Availability zone.
    public var availabilityZone: String?
}

extension AWSClient {
    /// EFS `DescribeFileSystems`, every page.
    /// See https://docs.aws.amazon.com/efs/latest/ug/API_DescribeFileSystems.html
    public func describeFileSystems(region: String? = nil) async throws -> [EFSFileSystem] {
        try await Paginated { marker in
            var query = [QueryItem("MaxItems", "100")]
            if let marker { query.append(QueryItem("Marker", marker)) }
            let result = try await self.restJSON(AWSOperation.EFS.describeFileSystems, query: query, region: region)
            let systems = result.items("FileSystems").map { item in
                EFSFileSystem(
                    id: item.str("FileSystemId") ?? "", arn: item.str("FileSystemArn") ?? "", name: item.str("Name"),
                    performanceMode: item.str("PerformanceMode"), throughputMode: item.str("ThroughputMode"),
                    sizeBytes: item["SizeInBytes"]?.int("Value"), tags: item.tagMap("Tags"))
            }
            return (systems, result.str("NextMarker"))
        }.all()
    }

    /// EFS `DescribeMountTargets` of one file system.
    /// See https://docs.aws.amazon.com/efs/latest/ug/API_DescribeMountTargets.html
    public func describeMountTargets(fileSystemID: String, region: String? = nil) async throws -> [EFSMountTarget] {
        try await Paginated { marker in
            var query = [QueryItem("FileSystemId", fileSystemID)]
            if let marker { query.append(QueryItem("Marker", marker)) }
            let result = try await self.restJSON(AWSOperation.EFS.describeMountTargets, query: query, region: region)
            let targets = result.items("MountTargets").map { item in
                EFSMountTarget(
                    id: item.str("MountTargetId") ?? "", fileSystemID: item.str("FileSystemId") ?? fileSystemID,
                    subnetID: item.str("SubnetId"), vpcID: item.str("VpcId"),
                    availabilityZone: item.str("AvailabilityZoneName"))
            }
            return (targets, result.str("NextMarker"))
        }.all()
    }
}

import SkyplanAWS
import SkyplanModel

/// The VPC network of a region: VPCs, subnets (classified), route tables, gateways, endpoints, peering,
/// transit gateways, VPN and customer gateways, security groups (with rules), network interfaces and Elastic IPs.
public struct NetworkCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "vpc" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        // Independent calls, side by side: a region costs one round trip of latency, not seventeen.
        async let vpcsCall = capture { try await client.describeVpcs(region: region) }
        async let subnetsCall = capture { try await client.describeSubnets(region: region) }
        async let tablesCall = capture { try await client.describeRouteTables(region: region) }
        async let igwsCall = capture { try await client.describeInternetGateways(region: region) }
        async let eigwsCall = capture { try await client.describeEgressOnlyInternetGateways(region: region) }
        async let natsCall = capture { try await client.describeNatGateways(region: region) }
        async let endpointsCall = capture { try await client.describeVpcEndpoints(region: region) }
        async let peeringsCall = capture { try await client.describeVpcPeeringConnections(region: region) }
        async let tgwsCall = capture { try await client.describeTransitGateways(region: region) }
        async let attachmentsCall = capture { try await client.describeTransitGatewayAttachments(region: region) }
        async let vgwsCall = capture { try await client.describeVpnGateways(region: region) }
        async let cgwsCall = capture { try await client.describeCustomerGateways(region: region) }
        async let vpnsCall = capture { try await client.describeVpnConnections(region: region) }
        async let tgwPeeringsCall = capture {
            try await client.describeTransitGatewayPeeringAttachments(region: region)
        }
        async let groupsCall = capture { try await client.describeSecurityGroups(region: region) }
        async let addressesCall = capture { try await client.describeAddresses(region: region) }
        // Only the ENIs no instance reports (see NetworkInventoryBuilder+Interfaces): not a full second listing.
        let (managed, detached) = (
            NetworkInventoryBuilder.managedInterfaces, NetworkInventoryBuilder.detachedInterfaces
        )
        async let managedENIsCall = capture { try await client.describeNetworkInterfaces(managed, region: region) }
        async let detachedENIsCall = capture { try await client.describeNetworkInterfaces(detached, region: region) }

        var builder = NetworkInventoryBuilder(context: context)
        let tables = try recorder.take("DescribeRouteTables", await tablesCall) ?? []
        builder.addVPCs(try recorder.take("DescribeVpcs", await vpcsCall) ?? [])
        builder.addSubnets(try recorder.take("DescribeSubnets", await subnetsCall) ?? [], tables: tables)
        builder.addRouteTables(tables)
        builder.addInternetGateways(try recorder.take("DescribeInternetGateways", await igwsCall) ?? [])
        builder.addEgressOnlyGateways(try recorder.take("DescribeEgressOnlyInternetGateways", await eigwsCall) ?? [])
        let natGateways = try recorder.take("DescribeNatGateways", await natsCall) ?? []
        builder.addNATGateways(natGateways)
        builder.addEndpoints(try recorder.take("DescribeVpcEndpoints", await endpointsCall) ?? [])
        builder.addPeerings(try recorder.take("DescribeVpcPeeringConnections", await peeringsCall) ?? [])
        builder.addTransitGateways(try recorder.take("DescribeTransitGateways", await tgwsCall) ?? [])
        builder.addTransitGatewayAttachments(
            try recorder.take("DescribeTransitGatewayAttachments", await attachmentsCall) ?? [])
        builder.addVPNGateways(try recorder.take("DescribeVpnGateways", await vgwsCall) ?? [])
        builder.addCustomerGateways(try recorder.take("DescribeCustomerGateways", await cgwsCall) ?? [])
        if let connections = try recorder.take("DescribeVpnConnections", await vpnsCall) {
            builder.addVPNConnections(connections)
        }
        builder.addTransitGatewayPeerings(
            try recorder.take("DescribeTransitGatewayPeeringAttachments", await tgwPeeringsCall) ?? [])
        builder.addSecurityGroups(try recorder.take("DescribeSecurityGroups", await groupsCall) ?? [])
        let interfaces = NetworkInventoryBuilder.serviceInterfaces(
            [
                try recorder.take("DescribeNetworkInterfaces", await managedENIsCall) ?? [],
                try recorder.take("DescribeNetworkInterfaces", await detachedENIsCall) ?? [],
            ], accountID: context.accountID)
        builder.addNetworkInterfaces(interfaces, from: "DescribeNetworkInterfaces")
        builder.addAddresses(
            try recorder.take("DescribeAddresses", await addressesCall) ?? [], natGateways: natGateways)
        recorder.output.merge(builder.output)
        return recorder.output
    }
}

/// EC2 instances (shape, platform, tenancy, spot, placement), their network interfaces and EBS volumes (type,
/// size, attachments).
public struct EC2Collector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "ec2" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        async let instancesCall = capture { try await client.describeInstances(region: region) }
        async let volumesCall = capture { try await client.describeVolumes(region: region) }
        let instances = (try recorder.take("DescribeInstances", await instancesCall) ?? []).filter {
            $0.state != "terminated"
        }
        var interfaces = NetworkInventoryBuilder(context: context)
        interfaces.addNetworkInterfaces(instances.flatMap(\.networkInterfaces), from: "DescribeInstances")
        recorder.output.merge(interfaces.output)
        for instance in instances {
            recorder.output.resources.append(
                Resource(
                    arn: context.arn("ec2", "instance", instance.instanceID), type: .ec2,
                    resourceID: instance.instanceID,
                    accountID: context.accountID, region: region, tags: instance.tags,
                    placement: Placement(
                        vpcID: instance.vpcID, subnetIDs: instance.subnetID.map { [$0] } ?? [],
                        availabilityZones: instance.availabilityZone.isEmpty ? [] : [instance.availabilityZone],
                        securityGroupIDs: instance.securityGroupIDs.sorted()),
                    config: InstanceShape.config(of: instance)))
        }
        for volume in try recorder.take("DescribeVolumes", await volumesCall) ?? [] {
            var config: [String: JSONValue] = [
                "volumeType": .string(volume.volumeType), "volumeSize": .number(Double(volume.size)),
            ]
            if let iops = volume.iops { config["iops"] = .number(Double(iops)) }
            if let throughput = volume.throughput { config["throughput"] = .number(Double(throughput)) }
            let arn = context.arn("ec2", "volume", volume.volumeID)
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .ebs, resourceID: volume.volumeID, accountID: context.accountID, region: region,
                    tags: volume.tags, placement: Placement(availabilityZones: [volume.availabilityZone]),
                    config: config))
            for attachment in volume.attachments {
                recorder.output.relate(
                    arn, context.arn("ec2", "instance", attachment.instanceID), .attachment,
                    "ec2:DescribeVolumes Attachment \(attachment.instanceID) \(attachment.device)")
            }
        }
        return recorder.output
    }
}

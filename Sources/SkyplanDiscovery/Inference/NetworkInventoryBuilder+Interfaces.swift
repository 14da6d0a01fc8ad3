import SkyplanAWS
import SkyplanModel

/// Network interfaces (ENIs), split between two collectors so that no region lists every ENI twice.
///
/// An ENI attached to an instance of the scanned account is part of that instance: the `ec2` collector reads it
/// from `DescribeInstances` (`networkInterfaceSet`). The `vpc` collector asks `DescribeNetworkInterfaces` only for
/// the rest, filtered on the server: `requester-managed=true` (ENIs that AWS services create: ELB, Lambda, RDS,
/// NAT gateways, VPC endpoints, ECS tasks, ...) and `status=available` (detached). So a scan of `vpc` alone shows
/// no instance ENIs, just as it shows no instances; a scan of both shows each ENI once.
/// See https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html
extension NetworkInventoryBuilder {
    /// The `vpc` collector's first `DescribeNetworkInterfaces` filter: ENIs that AWS services manage.
    static let managedInterfaces = EC2Filters(filters: ["requester-managed": ["true"]])
    /// Its second (a call of its own: EC2 ANDs different filter names): detached ENIs.
    static let detachedInterfaces = EC2Filters(filters: ["status": ["available"]])

    /// The ENIs the `vpc` collector reports from its filtered answers: each id once (a detached requester-managed
    /// ENI is in both answers), without those attached to an instance of `accountID` (the `ec2` collector reports
    /// them from `DescribeInstances`). Order of first appearance.
    static func serviceInterfaces(_ answers: [[NetworkInterface]], accountID: String) -> [NetworkInterface] {
        var seen = Set<String>()
        return answers.joined().filter { interface in
            guard seen.insert(interface.networkInterfaceID).inserted else { return false }
            guard let instance = interface.attachedInstanceID, !instance.isEmpty else { return true }
            let owner = interface.attachedInstanceOwnerID ?? accountID
            return owner != accountID
        }
    }

    /// Network interfaces, attached to their instance; `operation` is the EC2 call that reported them (evidence).
    mutating func addNetworkInterfaces(_ interfaces: [NetworkInterface], from operation: String) {
        for interface in interfaces {
            add(
                .networkInterface, "network-interface", interface.networkInterfaceID, tags: interface.tags,
                placement: Placement(
                    vpcID: interface.vpcID, subnetIDs: interface.subnetID.isEmpty ? [] : [interface.subnetID],
                    availabilityZones: interface.availabilityZone.isEmpty ? [] : [interface.availabilityZone],
                    securityGroupIDs: interface.securityGroupIDs.sorted()),
                config: ["interfaceType": .string(interface.interfaceType)])
            if let instance = interface.attachedInstanceID, !instance.isEmpty {
                output.relate(
                    arn("network-interface", interface.networkInterfaceID), arn("instance", instance), .attachment,
                    "ec2:\(operation) Attachment \(instance)")
            }
        }
    }
}

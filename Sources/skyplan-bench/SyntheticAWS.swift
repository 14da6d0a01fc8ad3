import Foundation
import SkyplanAWS

/// An in-process AWS that answers a scan without network or emulator: EC2 holds a generated estate (VPCs with six
/// subnets and a security group each, instances with a root volume and an interface each), paged as EC2 pages
/// (`MaxResults`/`NextToken`) and generated page by page, so the scanner's memory is what is measured; every other
/// operation answers an empty list in its protocol's shape. Used by `skyplan-bench discovery --synthetic-aws N`
/// to measure a whole scan of N resources (parse, collect, link, JSON) where moto cannot hold them.
struct SyntheticAWS: HTTPTransport {
    /// The account every answer belongs to.
    static let account = "123456789012"
    /// Instances per VPC; a VPC block is 1 VPC + 6 subnets + 1 group + 3 × this many resources.
    static let instancesPerVPC = 80

    /// VPC blocks per region.
    let vpcsPerRegion: Int

    /// An estate of about `resources` resources over `regions` regions.
    init(resources: Int, regions: Int) {
        let block = 8 + 3 * Self.instancesPerVPC
        vpcsPerRegion = max(1, Int((Double(resources) / Double(block * regions)).rounded()))
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let scope = Self.credentialScope(request.headers["authorization"] ?? "")
        let region = scope.region, service = scope.service
        if request.headers["x-amz-target"] != nil {
            return HTTPResponse(
                status: 200, headers: ["content-type": "application/x-amz-json-1.1"], body: Data("{}".utf8))
        }
        guard request.headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            // REST protocols: S3, CloudFront and Route 53 speak XML, the others JSON.
            let xml = ["s3", "cloudfront", "route53"].contains(service)
            return HTTPResponse(
                status: 200, headers: ["content-type": xml ? "application/xml" : "application/json"],
                body: Data((xml ? "<Result></Result>" : "{}").utf8))
        }
        let form = Self.form(request.body)
        let action = form["Action"] ?? ""
        let body: String
        if service == "ec2" {
            let offset = Int(form["NextToken"] ?? "") ?? 0
            let limit = Int(form["MaxResults"] ?? "") ?? 1000
            body = ec2(action, region: region, offset: offset, limit: limit)
        } else if action == "GetCallerIdentity" {
            body =
                "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>\(Self.account)</Account>"
                + "<Arn>arn:aws:iam::\(Self.account):user/bench</Arn><UserId>AIDABENCH</UserId>"
                + "</GetCallerIdentityResult></GetCallerIdentityResponse>"
        } else {
            body = "<\(action)Response><\(action)Result></\(action)Result></\(action)Response>"
        }
        return HTTPResponse(status: 200, headers: ["content-type": "text/xml"], body: Data(body.utf8))
    }

    /// One page of an EC2 describe call; items numbered across the region's VPC blocks.
    func ec2(_ action: String, region: String, offset: Int, limit: Int) -> String {
        let perVPC: Int
        let set: String
        let item: (Int, Int, String) -> String
        switch action {
        case "DescribeVpcs": (perVPC, set, item) = (1, "vpcSet", Self.vpc)
        case "DescribeSubnets": (perVPC, set, item) = (6, "subnetSet", Self.subnet)
        case "DescribeSecurityGroups": (perVPC, set, item) = (1, "securityGroupInfo", Self.group)
        case "DescribeInstances": (perVPC, set, item) = (Self.instancesPerVPC, "reservationSet", Self.reservation)
        case "DescribeVolumes": (perVPC, set, item) = (Self.instancesPerVPC, "volumeSet", Self.volume)
        case "DescribeNetworkInterfaces":
            (perVPC, set, item) = (Self.instancesPerVPC, "networkInterfaceSet", Self.interface)
        default: return "<\(action)Response><requestId>bench</requestId></\(action)Response>"
        }
        let total = perVPC * vpcsPerRegion
        let end = min(total, offset + limit)
        var xml = "<\(action)Response><requestId>bench</requestId><\(set)>"
        xml.reserveCapacity((end - offset) * 1200)
        for index in offset..<max(offset, end) {
            xml += "<item>" + item(index / perVPC, index % perVPC, region) + "</item>"
        }
        xml += "</\(set)>"
        if end < total { xml += "<nextToken>\(end)</nextToken>" }
        return xml + "</\(action)Response>"
    }

    static func tags(_ pairs: [(String, String)]) -> String {
        "<tagSet>" + pairs.map { "<item><key>\($0.0)</key><value>\($0.1)</value></item>" }.joined() + "</tagSet>"
    }
    static func vpcID(_ vpc: Int) -> String { String(format: "vpc-%012x", vpc) }
    static func subnetID(_ vpc: Int, _ subnet: Int) -> String { String(format: "subnet-%08x%04x", vpc, subnet) }
    static func instanceID(_ vpc: Int, _ index: Int) -> String { String(format: "i-%08x%04x", vpc, index) }
    static func groupID(_ vpc: Int) -> String { String(format: "sg-%012x", vpc) }
    static func privateIP(_ vpc: Int, _ index: Int) -> String { "10.\(vpc % 256).\(index % 6).\(index % 250 + 4)" }
    static func zone(_ region: String, _ subnet: Int) -> String { region + ["a", "b", "c"][subnet % 3] }

    static func vpc(_ vpc: Int, _: Int, _ region: String) -> String {
        "<vpcId>\(vpcID(vpc))</vpcId><ownerId>\(account)</ownerId><state>available</state>"
            + "<cidrBlock>10.\(vpc % 256).0.0/16</cidrBlock><isDefault>false</isDefault>"
            + tags([("Name", "vpc-\(vpc)"), ("env", "prod")])
    }

    static func subnet(_ vpc: Int, _ subnet: Int, _ region: String) -> String {
        "<subnetId>\(subnetID(vpc, subnet))</subnetId><vpcId>\(vpcID(vpc))</vpcId><state>available</state>"
            + "<availabilityZone>\(zone(region, subnet))</availabilityZone><cidrBlock>10.\(vpc % 256).\(subnet).0/24"
            + "</cidrBlock><availableIpAddressCount>200</availableIpAddressCount>"
            + "<mapPublicIpOnLaunch>\(subnet < 2)</mapPublicIpOnLaunch>" + tags([("Name", "subnet-\(subnet)")])
    }

    static func group(_ vpc: Int, _: Int, _ region: String) -> String {
        "<groupId>\(groupID(vpc))</groupId><groupName>web-\(vpc)</groupName>"
            + "<vpcId>\(vpcID(vpc))</vpcId><groupDescription>web tier</groupDescription><ipPermissions><item>"
            + "<ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><ipRanges><item>"
            + "<cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissions>"
    }

    static func reservation(_ vpc: Int, _ index: Int, _ region: String) -> String {
        let subnet = index % 6
        let id = instanceID(vpc, index)
        return "<reservationId>r-\(id.dropFirst(2))</reservationId><ownerId>\(account)</ownerId><instancesSet><item>"
            + "<instanceId>\(id)</instanceId><imageId>ami-0abcdef1234567890</imageId><instanceState><code>16</code>"
            + "<name>running</name></instanceState><instanceType>m5.large</instanceType>"
            + "<placement><availabilityZone>\(zone(region, subnet))</availabilityZone><tenancy>default</tenancy>"
            + "</placement><subnetId>\(subnetID(vpc, subnet))</subnetId><vpcId>\(vpcID(vpc))</vpcId>"
            + "<privateIpAddress>\(privateIP(vpc, index))</privateIpAddress>"
            + "<groupSet><item><groupId>\(groupID(vpc))</groupId><groupName>web-\(vpc)</groupName>"
            + "</item></groupSet><architecture>x86_64</architecture><platformDetails>Linux/UNIX</platformDetails>"
            + "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-\(id.dropFirst(2))"
            + "</volumeId><status>attached</status></ebs></item></blockDeviceMapping>"
            + "<networkInterfaceSet><item>\(interface(vpc, index, region))</item></networkInterfaceSet>"
            + tags([("Name", "web-\(index)"), ("app", "shop"), ("env", "prod"), ("team", "platform")])
            + "</item></instancesSet>"
    }

    static func volume(_ vpc: Int, _ index: Int, _ region: String) -> String {
        "<volumeId>vol-\(instanceID(vpc, index).dropFirst(2))</volumeId><size>100</size><volumeType>gp3</volumeType>"
            + "<iops>3000</iops><throughput>125</throughput><status>in-use</status><encrypted>true</encrypted>"
            + "<availabilityZone>\(zone(region, index % 6))</availabilityZone><attachmentSet><item>"
            + "<instanceId>\(instanceID(vpc, index))</instanceId><device>/dev/xvda</device><status>attached</status></item>"
            + "</attachmentSet>" + tags([("Name", "web-\(index)-root")])
    }

    static func interface(_ vpc: Int, _ index: Int, _ region: String) -> String {
        [
            "<networkInterfaceId>eni-\(instanceID(vpc, index).dropFirst(2))</networkInterfaceId>",
            "<subnetId>\(subnetID(vpc, index % 6))</subnetId><vpcId>\(vpcID(vpc))</vpcId>",
            "<availabilityZone>\(zone(region, index % 6))</availabilityZone><interfaceType>interface</interfaceType>",
            "<description>Primary network interface</description>",
            "<privateIpAddress>\(privateIP(vpc, index))</privateIpAddress><attachment>",
            "<instanceId>\(instanceID(vpc, index))</instanceId><instanceOwnerId>\(account)</instanceOwnerId></attachment>",
            "<groupSet><item><groupId>\(groupID(vpc))</groupId></item></groupSet><status>in-use</status>",
        ].joined()
    }

    /// Region and service of a SigV4 `Authorization` header's credential scope.
    static func credentialScope(_ authorization: String) -> (region: String, service: String) {
        guard let range = authorization.range(of: "Credential=") else { return ("us-east-1", "") }
        let scope = authorization[range.upperBound...].prefix { $0 != "," }.split(separator: "/")
        guard scope.count >= 4 else { return ("us-east-1", "") }
        return (String(scope[2]), String(scope[3]))
    }

    /// A form-encoded body as a dictionary.
    static func form(_ body: Data) -> [String: String] {
        var out: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            out[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return out
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// Against moto, in an account of its own: spot and Windows instances, ENIs from DescribeInstances plus the
/// detached one from the filtered DescribeNetworkInterfaces, and a Route 53 CNAME to an ALB.
@Suite(.enabled(if: MotoEnvironment.enabled))
struct EC2DNSIntegrationTests {
    /// Creates the resources with boto3 (AssumeRole into the account) and prints their ids as JSON.
    static let seed = #"""
        import boto3, json, sys
        url, account = sys.argv[1], sys.argv[2]
        creds = boto3.client("sts", endpoint_url=url, region_name="us-east-1").assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/skyplan", RoleSessionName="seed")["Credentials"]
        def client(name):
            return boto3.client(name, endpoint_url=url, region_name="eu-west-1",
                aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                aws_session_token=creds["SessionToken"])
        ec2, elb, r53 = client("ec2"), client("elbv2"), client("route53")
        vpc = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
        a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.7.1.0/24", AvailabilityZone="eu-west-1a")["Subnet"]["SubnetId"]
        b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.7.2.0/24", AvailabilityZone="eu-west-1b")["Subnet"]["SubnetId"]
        images = ec2.describe_images(Owners=["amazon"])["Images"]
        windows = next(i["ImageId"] for i in images if i.get("Platform") == "windows")
        linux = next(i["ImageId"] for i in images if i.get("Platform") != "windows")
        def run(image, **extra):
            return ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="c5.large", SubnetId=a,
                **extra)["Instances"][0]["InstanceId"]
        spot = run(linux, InstanceMarketOptions={"MarketType": "spot"})
        win = run(windows)
        # An attached ENI is in its instance's zone (AWS requires it), not necessarily in its subnet.
        c = ec2.create_subnet(VpcId=vpc, CidrBlock="10.7.3.0/24", AvailabilityZone="eu-west-1a")["Subnet"]["SubnetId"]
        second = ec2.create_network_interface(SubnetId=c, TagSpecifications=[{"ResourceType": "network-interface",
            "Tags": [{"Key": "role", "Value": "replication"}]}])["NetworkInterface"]["NetworkInterfaceId"]
        ec2.attach_network_interface(NetworkInterfaceId=second, InstanceId=spot, DeviceIndex=1)
        spare = ec2.create_network_interface(SubnetId=a)["NetworkInterface"]["NetworkInterfaceId"]
        alb = elb.create_load_balancer(Name="cname-alb", Subnets=[a, b])["LoadBalancers"][0]
        zone = r53.create_hosted_zone(Name="cname.example.com.", CallerReference=account)["HostedZone"]["Id"]
        records = [("app.cname.example.com.", alb["DNSName"]), ("_v.cname.example.com.", "_x.acm-validations.aws.")]
        r53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
            {"Action": "CREATE", "ResourceRecordSet": {"Name": name, "Type": "CNAME", "TTL": 300,
             "ResourceRecords": [{"Value": value}]}} for name, value in records]})
        print(json.dumps({"spot": spot, "windows": win, "second": second, "spare": spare, "c": c,
            "alb": alb["LoadBalancerArn"], "zone": zone.split("/")[-1]}))
        """#

    static func run(account: String) throws -> [String: String] {
        let data = try MotoEnvironment.python(["-c", seed, MotoEnvironment.url ?? "", account], name: "the seed")
        return try JSONSerialization.jsonObject(with: data) as? [String: String] ?? [:]
    }

    @Test func spotWindowsInterfacesAndCNAMEAreFound() async throws {
        let account = MotoEnvironment.freshAccount()
        let ids = try Self.run(account: account)
        let client = try await MotoEnvironment.client(account: account)
        let inventory = await Scanner(client: client).scan(
            ScanRequest(accountID: account, regions: ["eu-west-1"], services: ["vpc", "ec2", "elb", "route53"]))
        #expect(inventory.diagnostics.isEmpty, "\(inventory.diagnostics)")
        let found = inventory.index()
        func arn(_ type: String, _ key: String) -> String {
            "arn:aws:ec2:eu-west-1:\(account):\(type)/\(ids[key] ?? key)"
        }
        let spot = try #require(found[arn("instance", "spot")])
        #expect(spot.config["billingOptions"] == .object(["type": "si"]) && spot.config["lifecycle"] == "spot")
        let windows = try #require(found[arn("instance", "windows")])
        #expect(windows.config["platform"] == "mswin" && windows.config["billingOptions"] == nil)
        // Every ENI once: two of the spot instance, one of the Windows instance, the detached one.
        let enis = inventory.resources.filter { $0.type == .networkInterface }
        #expect(enis.count == 4 && Set(enis.map(\.arn)).count == 4)
        #expect(found[arn("network-interface", "spare")] != nil)
        let relations = Set(inventory.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        #expect(relations.contains("\(arn("network-interface", "second")) attachment \(spot.arn)"))
        let second = try #require(found[arn("network-interface", "second")])
        #expect(second.placement.subnetIDs == [ids["c"] ?? "c"] && second.placement.availabilityZones == ["eu-west-1a"])
        // DescribeInstances omits an interface's own tags; the bulk tag read fills them in.
        #expect(second.tags["role"] == "replication")
        let zone = "arn:aws:route53:::hostedzone/\(ids["zone"] ?? "")"
        #expect(relations.contains("\(zone) alias \(ids["alb"] ?? "")"))
        #expect(!inventory.relationships.contains { $0.from == zone && $0.to.contains("acm-validations") })
    }
}

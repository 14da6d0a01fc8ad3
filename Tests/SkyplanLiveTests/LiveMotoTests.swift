import Foundation
import SkyplanAWS
import Testing

@testable import SkyplanLive

/// Live status against moto: state changes made in moto during a session reach the viewer within one refresh.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"] != nil))
struct LiveMotoTests {
    let moto = ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"] ?? ""
    /// An account of this suite's own (moto switches account on AssumeRole).
    let account = "42424" + String(Int.random(in: 1_000_000..<9_999_999))

    /// Seeds (`seed`) or changes (the seed's JSON) the environment with boto3.
    func python(_ step: String, script source: String = Self.script) throws -> [String: String] {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-live-\(UUID()).py")
        try Data(source.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, moto, account, step]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    func fetcher() throws -> AWSLiveFetcher {
        let url = try #require(URL(string: moto))
        let base = AWSClient(
            credentials: StaticCredentialProvider(accessKeyID: "testing", secretAccessKey: "testing"),
            configuration: AWSConfiguration(region: "eu-west-1", endpointURL: url))
        let role = AssumeRoleCredentialProvider(
            roleARN: "arn:aws:iam::\(account):role/x", externalID: "live-test", stsClient: base)
        return AWSLiveFetcher(client: base.with(credentials: role))
    }

    @Test func changesMadeInMotoReachTheViewerWithinOneRefresh() async throws {
        let seeded = try python("seed")
        let instance = try #require(seeded["instance"])
        let balancer = try #require(seeded["lb"])
        let group = try #require(seeded["tg"])
        let fetcher = try fetcher()
        let hub = LiveHub(configuration: LiveHubConfiguration(interval: .seconds(1)))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await hub.run() }
            let key = LiveFeedKey(account: account, region: "eu-west-1")
            let subscription = await hub.subscribe(key, arns: [instance, balancer, group]) { fetcher }
            let reader = EventReader(subscription.events)
            let state = try await reader.next(.state, within: 30)
            #expect(state.statuses[instance]?.values["state"] == "running")
            #expect(state.statuses[instance]?.values["cpu"] == "17")
            #expect(state.statuses[group]?.values["healthyTargets"] == "1")
            #expect(state.statuses[balancer]?.values["state"] == "active")

            let data = try JSONEncoder().encode(seeded)
            _ = try python(String(decoding: data, as: UTF8.self))
            var latest = state.statuses
            // Within one refresh (1 s; 10 s allowed for a slow machine) every change has arrived.
            while latest[instance]?.values["state"] != "stopped" || latest[group]?.values["healthyTargets"] != "0"
                || latest[instance]?.values["cpu"] != "93"
            {
                let change = try await reader.next(.change, within: 10)
                latest.merge(change.statuses) { $1 }
            }
            #expect(latest[instance]?.health == .stopped)
            #expect(latest[balancer]?.values["healthyTargets"] == "0")
            await hub.unsubscribe(subscription)
            tasks.cancelAll()
        }
    }

    @Test func everyFamilyAnswersFromMoto() async throws {
        let seeded = try python("families", script: Self.familiesScript)
        let live = try fetcher()
        let snapshot = await live.fetch(Array(seeded.values))
        #expect(snapshot.failures == [])
        for (family, arn) in seeded.sorted(by: { $0.key < $1.key }) {
            let status = snapshot.statuses[arn]
            #expect(status != nil, "\(family)")
            #expect(status?.health != .unknown, "\(family): \(String(describing: status))")
        }
        #expect(snapshot.statuses[seeded["sqs"] ?? ""]?.values["visible"] == "1")
        #expect(snapshot.statuses[seeded["dynamodb"] ?? ""]?.values["state"] == "ACTIVE")
        #expect(snapshot.statuses[seeded["asg"] ?? ""]?.values["desired"] == "1")
        #expect(snapshot.statuses[seeded["ecs"] ?? ""]?.health == .stopped)  // desired 0
        #expect(snapshot.statuses[seeded["redshift"] ?? ""]?.values["state"] == "available")
        #expect(snapshot.statuses[seeded["kinesis"] ?? ""]?.values["shards"] == "2")
        #expect(snapshot.statuses[seeded["firehose"] ?? ""]?.values["state"] == "active")
        #expect(snapshot.statuses[seeded["es"] ?? ""]?.health == .ok)
        #expect(snapshot.statuses[seeded["msk"] ?? ""]?.values["brokers"] == "2")
        #expect(snapshot.statuses[seeded["mq"] ?? ""]?.values["state"] != nil)
    }

    static let familiesScript = #"""
        import boto3, json, sys, io, zipfile
        url, acct = sys.argv[1], sys.argv[2]
        base = dict(endpoint_url=url, region_name="eu-west-1", aws_access_key_id="testing", aws_secret_access_key="testing")
        creds = boto3.client("sts", **base).assume_role(RoleArn=f"arn:aws:iam::{acct}:role/x", RoleSessionName="seed")["Credentials"]
        kw = dict(endpoint_url=url, region_name="eu-west-1", aws_access_key_id=creds["AccessKeyId"],
                  aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        c = lambda name: boto3.client(name, **kw)
        out = {}
        ec2 = c("ec2")
        vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
        sub = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.1.0/24", AvailabilityZone="eu-west-1a")["Subnet"]["SubnetId"]
        vol = ec2.create_volume(Size=8, AvailabilityZone="eu-west-1a")["VolumeId"]
        out["ebs"] = f"arn:aws:ec2:eu-west-1:{acct}:volume/{vol}"
        eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
        nat = ec2.create_nat_gateway(SubnetId=sub, AllocationId=eip)["NatGateway"]["NatGatewayId"]
        out["nat"] = f"arn:aws:ec2:eu-west-1:{acct}:natgateway/{nat}"
        asg = c("autoscaling")
        asg.create_launch_configuration(LaunchConfigurationName="lc", ImageId="ami-12c6146b", InstanceType="t3.micro")
        asg.create_auto_scaling_group(AutoScalingGroupName="live-asg", LaunchConfigurationName="lc", MinSize=1, MaxSize=2, DesiredCapacity=1, VPCZoneIdentifier=sub)
        out["asg"] = asg.describe_auto_scaling_groups()["AutoScalingGroups"][0]["AutoScalingGroupARN"]
        rds = c("rds")
        out["rds"] = rds.create_db_instance(DBInstanceIdentifier="live-db", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="u", MasterUserPassword="password123", AllocatedStorage=20)["DBInstance"]["DBInstanceArn"]
        iam = c("iam")
        role = iam.create_role(RoleName="lambda-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        buf = io.BytesIO(); z = zipfile.ZipFile(buf, "w"); z.writestr("index.py", "def handler(e, c): return 1"); z.close()
        out["lambda"] = c("lambda").create_function(FunctionName="live-fn", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": buf.getvalue()})["FunctionArn"]
        out["dynamodb"] = c("dynamodb").create_table(TableName="live-table", KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")["TableDescription"]["TableArn"]
        sqs = c("sqs")
        q = sqs.create_queue(QueueName="live-queue")["QueueUrl"]
        sqs.send_message(QueueUrl=q, MessageBody="hello")
        out["sqs"] = sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        ecs = c("ecs")
        ecs.create_cluster(clusterName="prod")
        ecs.register_task_definition(family="web", containerDefinitions=[{"name": "web", "image": "nginx", "memory": 128}])
        out["ecs"] = ecs.create_service(cluster="prod", serviceName="web", taskDefinition="web", desiredCount=0)["service"]["serviceArn"]
        try:
            out["eks"] = c("eks").create_cluster(name="live-k8s", roleArn=role, resourcesVpcConfig={"subnetIds": [sub]})["cluster"]["arn"]
        except Exception as e:
            print(e, file=sys.stderr)
        try:
            out["elasticache"] = c("elasticache").create_cache_cluster(CacheClusterId="live-cache", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1)["CacheCluster"]["ARN"]
        except Exception as e:
            print(e, file=sys.stderr)
        out["redshift"] = f"arn:aws:redshift:eu-west-1:{acct}:cluster:" + c("redshift").create_cluster(ClusterIdentifier="live-wh", NodeType="dc2.large", MasterUsername="u", MasterUserPassword="Passw0rd!", ClusterType="single-node")["Cluster"]["ClusterIdentifier"]
        out["es"] = c("opensearch").create_domain(DomainName="live-search")["DomainStatus"]["ARN"]
        c("kinesis").create_stream(StreamName="live-stream", ShardCount=2)
        out["kinesis"] = c("kinesis").describe_stream_summary(StreamName="live-stream")["StreamDescriptionSummary"]["StreamARN"]
        out["firehose"] = c("firehose").create_delivery_stream(DeliveryStreamName="live-fh", S3DestinationConfiguration={"RoleARN": role, "BucketARN": "arn:aws:s3:::live-fh"})["DeliveryStreamARN"]
        out["msk"] = c("kafka").create_cluster_v2(ClusterName="live-kafka", Provisioned={"BrokerNodeGroupInfo": {"InstanceType": "kafka.m5.large", "ClientSubnets": [sub]}, "KafkaVersion": "3.5.1", "NumberOfBrokerNodes": 2})["ClusterArn"]
        out["mq"] = c("mq").create_broker(BrokerName="live-mq", EngineType="ACTIVEMQ", EngineVersion="5.17.6", HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE", PubliclyAccessible=False, AutoMinorVersionUpgrade=True, Users=[{"Username": "u", "Password": "NotASecret123"}])["BrokerArn"]
        print(json.dumps(out))
        """#

    static let script = #"""
        import boto3, json, sys, datetime
        url, acct, step = sys.argv[1], sys.argv[2], sys.argv[3]
        base = dict(endpoint_url=url, region_name="eu-west-1", aws_access_key_id="testing", aws_secret_access_key="testing")
        creds = boto3.client("sts", **base).assume_role(RoleArn=f"arn:aws:iam::{acct}:role/x", RoleSessionName="seed")["Credentials"]
        kw = dict(endpoint_url=url, region_name="eu-west-1", aws_access_key_id=creds["AccessKeyId"],
                  aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        ec2, elb, cw = boto3.client("ec2", **kw), boto3.client("elbv2", **kw), boto3.client("cloudwatch", **kw)
        if step == "seed":
            vpc = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
            a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.8.1.0/24", AvailabilityZone="eu-west-1a")["Subnet"]["SubnetId"]
            b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.8.2.0/24", AvailabilityZone="eu-west-1b")["Subnet"]["SubnetId"]
            inst = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=a)["Instances"][0]["InstanceId"]
            lb = elb.create_load_balancer(Name="live-web", Subnets=[a, b])["LoadBalancers"][0]["LoadBalancerArn"]
            tg = elb.create_target_group(Name="live-tg", Protocol="HTTP", Port=80, VpcId=vpc, TargetType="instance")["TargetGroups"][0]["TargetGroupArn"]
            elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])
            elb.register_targets(TargetGroupArn=tg, Targets=[{"Id": inst, "Port": 80}])
            cw.put_metric_data(Namespace="AWS/EC2", MetricData=[{"MetricName": "CPUUtilization", "Dimensions": [{"Name": "InstanceId", "Value": inst}],
                "Timestamp": datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10), "Value": 17.0}])
            print(json.dumps({"instance": f"arn:aws:ec2:eu-west-1:{acct}:instance/{inst}", "id": inst, "lb": lb, "tg": tg}))
        else:
            ids = json.loads(step)
            ec2.stop_instances(InstanceIds=[ids["id"]])
            elb.deregister_targets(TargetGroupArn=ids["tg"], Targets=[{"Id": ids["id"], "Port": 80}])
            cw.put_metric_data(Namespace="AWS/EC2", MetricData=[{"MetricName": "CPUUtilization", "Dimensions": [{"Name": "InstanceId", "Value": ids["id"]}],
                "Timestamp": datetime.datetime.now(datetime.timezone.utc), "Value": 93.0}])
            print("{}")
        """#
}

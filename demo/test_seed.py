"""Seeds a fresh moto (started here, on a free port, with scripts/moto.sh) and reads the sample back.

    python3 -m pytest demo/test_seed.py -q
"""

import json
import os
import random
import socket
import subprocess
import sys

import boto3
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MOTO_SH = os.path.join(ROOT, "scripts", "moto.sh")
PROD, STAGING = "111111111111", "222222222222"


def free_port():
    """A free port below the ephemeral range, so no outgoing connection takes it before moto binds it."""
    for _ in range(500):
        port = random.randint(20000, 32000)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port between 20000 and 32000")


@pytest.fixture(scope="module")
def endpoint():
    port = str(free_port())
    url = subprocess.run([MOTO_SH, "start", port], check=True, capture_output=True, text=True,
                         timeout=60).stdout.strip()
    yield url
    subprocess.run([MOTO_SH, "stop", port], check=False, capture_output=True, timeout=30)


def seed(endpoint, *args):
    return subprocess.run([sys.executable, os.path.join(HERE, "seed.py"), endpoint, *args],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def summary(endpoint, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "summary.json"
    result = seed(endpoint, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())


def client(endpoint, service, account, region):
    """A client in `account`, reached the way Skyplan reaches it: AssumeRole into role/skyplan."""
    sts = boto3.client("sts", endpoint_url=endpoint, region_name=region,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/skyplan",
                            RoleSessionName="test")["Credentials"]
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"])


def res(summary, account, name):
    return summary["accounts"][account]["resources"][name]


def tags(items, key="Key", value="Value"):
    return {t[key]: t[value] for t in items}


def test_summary_lists_both_accounts_with_their_role(summary):
    assert sorted(summary["accounts"]) == [PROD, STAGING]
    assert summary["accounts"][PROD]["roleArn"] == f"arn:aws:iam::{PROD}:role/skyplan"
    assert summary["accounts"][PROD]["name"] == "Production"
    assert len(summary["accounts"][PROD]["resources"]) >= 40
    assert res(summary, STAGING, "staging-vpc")["arn"].startswith(f"arn:aws:ec2:eu-west-1:{STAGING}:vpc/vpc-")


def test_production_network_has_three_tiers_in_two_zones(endpoint, summary):
    ec2 = client(endpoint, "ec2", PROD, "us-east-1")
    vpc_id = res(summary, PROD, "prod-vpc")["id"]
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    tiers = {(tags(s["Tags"])["tier"], s["AvailabilityZone"]) for s in subnets}
    assert tiers == {(t, z) for t in ("public", "private", "isolated") for z in ("us-east-1a", "us-east-1b")}
    routes = {}
    for table in ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["RouteTables"]:
        name = tags(table.get("Tags", [])).get("Name")
        routes[name] = {r.get("DestinationCidrBlock"): r.get("GatewayId") or r.get("NatGatewayId")
                        or r.get("VpcPeeringConnectionId") for r in table["Routes"]}
    assert routes["public-rt"]["0.0.0.0/0"] == res(summary, PROD, "prod-igw")["id"]
    assert routes["private-rt"]["0.0.0.0/0"] == res(summary, PROD, "nat-a")["id"]
    assert routes["private-rt"]["10.1.0.0/16"] == res(summary, PROD, "prod-staging")["id"]
    assert "0.0.0.0/0" not in routes["isolated-rt"]
    nat = ec2.describe_nat_gateways(NatGatewayIds=[res(summary, PROD, "nat-a")["id"]])["NatGateways"][0]
    assert nat["NatGatewayAddresses"][0]["AllocationId"] == res(summary, PROD, "nat-a")["allocationId"]
    db_sg = ec2.describe_security_groups(GroupIds=[res(summary, PROD, "db-sg")["id"]])["SecurityGroups"][0]
    sources = {p["UserIdGroupPairs"][0]["GroupId"] for p in db_sg["IpPermissions"]}
    assert sources == {res(summary, PROD, "web-sg")["id"]}


def test_web_tier_is_alb_to_target_group_to_autoscaled_instances_with_ebs(endpoint, summary):
    elb = client(endpoint, "elbv2", PROD, "us-east-1")
    listener = elb.describe_listeners(LoadBalancerArn=res(summary, PROD, "web-alb")["arn"])["Listeners"][0]
    tg_arn = listener["DefaultActions"][0]["TargetGroupArn"]
    assert tg_arn == res(summary, PROD, "web-tg")["arn"]
    targets = {t["Target"]["Id"] for t in elb.describe_target_health(TargetGroupArn=tg_arn)["TargetHealthDescriptions"]}
    assert targets == set(res(summary, PROD, "web-asg")["instances"]) and len(targets) == 2
    ec2 = client(endpoint, "ec2", PROD, "us-east-1")
    volumes = ec2.describe_volumes(Filters=[{"Name": "attachment.instance-id", "Values": sorted(targets)}])["Volumes"]
    assert any(v["Size"] == 30 for v in volumes)
    worker = res(summary, PROD, "batch-data")
    assert ec2.describe_volumes(VolumeIds=[worker["id"]])["Volumes"][0]["Attachments"][0]["InstanceId"] == \
        res(summary, PROD, "batch-worker")["id"]


def test_data_tier_and_messaging(endpoint, summary):
    rds = client(endpoint, "rds", PROD, "us-east-1")
    db = rds.describe_db_instances(DBInstanceIdentifier="prod-db")["DBInstances"][0]
    assert db["MultiAZ"] and db["DBSubnetGroup"]["DBSubnetGroupName"] == "prod-db-subnets"
    assert {s["SubnetIdentifier"] for s in db["DBSubnetGroup"]["Subnets"]} == \
        {res(summary, PROD, "data-a")["id"], res(summary, PROD, "data-b")["id"]}
    cache = client(endpoint, "elasticache", PROD, "us-east-1").describe_cache_clusters()["CacheClusters"]
    assert [c["CacheClusterId"] for c in cache] == ["prod-cache"]
    subs = client(endpoint, "sns", PROD, "us-east-1").list_subscriptions()["Subscriptions"]
    assert [(s["TopicArn"], s["Endpoint"]) for s in subs] == \
        [(res(summary, PROD, "order-events")["arn"], res(summary, PROD, "orders")["arn"])]
    lam = client(endpoint, "lambda", PROD, "us-east-1")
    # moto 5.2.1 matches FunctionName against the ARN only, so pass the ARN.
    worker = res(summary, PROD, "order-worker")["arn"]
    mapping = lam.list_event_source_mappings(FunctionName=worker)["EventSourceMappings"][0]
    assert mapping["EventSourceArn"] == res(summary, PROD, "orders")["arn"]
    s3 = client(endpoint, "s3", PROD, "us-east-1")
    note = s3.get_bucket_notification_configuration(Bucket=res(summary, PROD, "assets")["id"])
    assert note["LambdaFunctionConfigurations"][0]["LambdaFunctionArn"] == res(summary, PROD, "thumbnailer")["arn"]
    table = client(endpoint, "dynamodb", PROD, "us-east-1").describe_table(TableName="sessions")["Table"]
    assert table["TableArn"] == res(summary, PROD, "sessions")["arn"]


def test_edge_api_and_containers(endpoint, summary):
    cf = client(endpoint, "cloudfront", PROD, "us-east-1")
    dist = cf.get_distribution(Id=res(summary, PROD, "prod-cdn")["id"])["Distribution"]["DistributionConfig"]
    assert {o["DomainName"] for o in dist["Origins"]["Items"]} == \
        {res(summary, PROD, "web-alb")["dnsName"], res(summary, PROD, "assets")["domainName"]}
    r53 = client(endpoint, "route53", PROD, "us-east-1")
    records = r53.list_resource_record_sets(HostedZoneId=res(summary, PROD, "shop-zone")["id"])["ResourceRecordSets"]
    aliases = {r["Name"]: r["AliasTarget"]["DNSName"] for r in records if "AliasTarget" in r}
    assert aliases == {"www.shop.example.com.": res(summary, PROD, "prod-cdn")["domainName"],
                       "app.shop.example.com.": res(summary, PROD, "web-alb")["dnsName"]}
    api = client(endpoint, "apigateway", PROD, "us-east-1")
    api_id = res(summary, PROD, "shop-api")["id"]
    orders = next(r for r in api.get_resources(restApiId=api_id)["items"] if r["path"] == "/orders")
    uri = api.get_integration(restApiId=api_id, resourceId=orders["id"], httpMethod="GET")["uri"]
    assert res(summary, PROD, "api-handler")["arn"] in uri
    ecs = client(endpoint, "ecs", PROD, "us-east-1")
    cluster = ecs.describe_clusters(clusters=["prod-cluster"], include=["TAGS"])["clusters"][0]
    assert tags(cluster["tags"], "key", "value") == {"Name": "prod-cluster", "app": "shop", "env": "prod"}
    svc = ecs.describe_services(cluster="prod-cluster", services=["web-svc"])["services"][0]
    assert svc["launchType"] == "FARGATE" and svc["desiredCount"] == 2


def test_images_come_from_the_demo_registry(endpoint, summary):
    """The web service's task definition and api-handler run images of the demo's ECR repositories, so the diagram
    draws ECR → ECS and ECR → Lambda."""
    ecs = client(endpoint, "ecs", PROD, "us-east-1")
    svc = ecs.describe_services(cluster="prod-cluster", services=["web-svc"])["services"][0]
    task = ecs.describe_task_definition(taskDefinition=svc["taskDefinition"])["taskDefinition"]
    assert [c["image"] for c in task["containerDefinitions"]] == [res(summary, PROD, "shop/web")["uri"] + ":1.8.0"]
    lam = client(endpoint, "lambda", PROD, "us-east-1")
    function = lam.get_function(FunctionName=res(summary, PROD, "api-handler")["arn"])
    assert function["Configuration"]["PackageType"] == "Image"
    assert function["Code"]["ImageUri"] == res(summary, PROD, "shop/api")["uri"] + ":2.3.1"
    assert res(summary, PROD, "shop/api")["uri"].startswith(f"{PROD}.dkr.ecr.us-east-1.amazonaws.com/")


def test_cloudfront_web_acl_guards_the_distribution(endpoint, summary):
    """A CLOUDFRONT-scope web ACL (listed in us-east-1) named by the distribution's WebACLId: WAF → CloudFront."""
    waf = client(endpoint, "wafv2", PROD, "us-east-1")
    acls = waf.list_web_acls(Scope="CLOUDFRONT")["WebACLs"]
    assert [(a["Name"], a["ARN"]) for a in acls] == [("shop-edge-acl", res(summary, PROD, "shop-edge-acl")["arn"])]
    assert waf.list_web_acls(Scope="REGIONAL")["WebACLs"] == []
    cf = client(endpoint, "cloudfront", PROD, "us-east-1")
    dist = cf.get_distribution(Id=res(summary, PROD, "prod-cdn")["id"])["Distribution"]["DistributionConfig"]
    # moto 5.2.1's ListDistributions omits WebACLId (and the origins); Skyplan reads GetDistribution then.
    assert dist["WebACLId"] == res(summary, PROD, "shop-edge-acl")["arn"]


def test_staging_in_eu_west_1_is_peered_with_production(endpoint, summary):
    ec2 = client(endpoint, "ec2", STAGING, "eu-west-1")
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "tag:env", "Values": ["staging"]}])["Vpcs"]
    assert [v["VpcId"] for v in vpcs] == [res(summary, STAGING, "staging-vpc")["id"]]
    peering = ec2.describe_vpc_peering_connections()["VpcPeeringConnections"]
    assert [(p["Status"]["Code"], p["RequesterVpcInfo"]["OwnerId"]) for p in peering] == [("active", PROD)]
    instances = [i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]
    assert [tags(i["Tags"])["Name"] for i in instances] == ["web-1"]
    assert client(endpoint, "lambda", STAGING, "eu-west-1").list_event_source_mappings()["EventSourceMappings"]
    assert client(endpoint, "ec2", STAGING, "us-east-1").describe_vpcs(
        Filters=[{"Name": "tag:app", "Values": ["shop"]}])["Vpcs"] == []


def test_production_also_has_resources_in_eu_west_1(endpoint, summary):
    s3 = client(endpoint, "s3", PROD, "eu-west-1")
    location = s3.get_bucket_location(Bucket=res(summary, PROD, "backups")["id"])["LocationConstraint"]
    assert location == "eu-west-1"
    ddb = client(endpoint, "dynamodb", PROD, "eu-west-1")
    assert ddb.list_tables()["TableNames"] == ["sessions-dr"]


def test_another_environment_file_seeds_beside_the_sample(endpoint, summary, tmp_path):
    env = {"accounts": [{"id": "333333333333", "region": "eu-west-1", "resources": [
        {"type": "vpc", "name": "v", "cidr": "10.9.0.0/16"},
        {"type": "subnet", "name": "s", "vpc": "v", "cidr": "10.9.1.0/24", "az": "eu-west-1c"},
    ]}]}
    path = tmp_path / "env.json"
    path.write_text(json.dumps(env))
    result = seed(endpoint, "--env", str(path))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["accounts"]["333333333333"]["resources"]["s"]["az"] == "eu-west-1c"


def test_bad_reference_is_a_one_line_error(endpoint, tmp_path):
    env = {"accounts": [{"id": "444444444444", "resources": [
        {"type": "subnet", "name": "s", "vpc": "missing", "cidr": "10.0.0.0/24", "az": "us-east-1a"}]}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(env))
    result = seed(endpoint, "--env", str(path))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "'missing'" in result.stderr


def test_moto_sh_refuses_a_port_held_by_another_program():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = str(sock.getsockname()[1])
        result = subprocess.run([MOTO_SH, "start", port], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "already in use" in result.stderr


def test_data_platform_and_public_addresses(endpoint, summary):
    """Issue #14: Redshift in the data subnets, OpenSearch in the VPC, a stream feeding Firehose into the data
    lake and the search domain, an Elastic IP on the batch worker."""
    redshift = client(endpoint, "redshift", PROD, "us-east-1").describe_clusters()["Clusters"]
    assert [(c["ClusterIdentifier"], c["NodeType"], c["NumberOfNodes"]) for c in redshift] == \
        [("analytics-wh", "ra3.4xlarge", 2)]
    assert redshift[0]["VpcSecurityGroups"][0]["VpcSecurityGroupId"] == res(summary, PROD, "db-sg")["id"]
    search = client(endpoint, "opensearch", PROD, "us-east-1").describe_domains(
        DomainNames=["order-search"])["DomainStatusList"][0]
    assert search["VPCOptions"]["SubnetIds"] == [res(summary, PROD, "data-b")["id"]]
    firehose = client(endpoint, "firehose", PROD, "us-east-1")
    lake = firehose.describe_delivery_stream(DeliveryStreamName="clicks-to-lake")["DeliveryStreamDescription"]
    assert lake["Source"]["KinesisStreamSourceDescription"]["KinesisStreamARN"] == \
        res(summary, PROD, "clickstream")["arn"]
    assert lake["Destinations"][0]["ExtendedS3DestinationDescription"]["BucketARN"] == \
        "arn:aws:s3:::skyplan-demo-datalake-111111111111"
    to_search = firehose.describe_delivery_stream(DeliveryStreamName="orders-to-search")["DeliveryStreamDescription"]
    assert to_search["Destinations"][0]["ElasticsearchDestinationDescription"]["DomainARN"] == \
        res(summary, PROD, "order-search")["arn"]
    addresses = client(endpoint, "ec2", PROD, "us-east-1").describe_addresses(
        AllocationIds=[res(summary, PROD, "batch-eip")["id"]])["Addresses"]
    assert addresses[0]["InstanceId"] == res(summary, PROD, "batch-worker")["id"]


def test_workflow_and_event_bus(endpoint, summary):
    """Issue #14: the checkout workflow prices with api-handler then enqueues on orders; a bus rule starts it."""
    sfn = client(endpoint, "stepfunctions", PROD, "us-east-1")
    machine = sfn.describe_state_machine(stateMachineArn=res(summary, PROD, "checkout-flow")["arn"])
    states = json.loads(machine["definition"])["States"]
    assert states["Price"]["Parameters"]["FunctionName"] == res(summary, PROD, "api-handler")["arn"]
    assert states["Enqueue"]["Parameters"]["QueueUrl"] == res(summary, PROD, "orders")["id"]
    events = client(endpoint, "events", PROD, "us-east-1")
    targets = events.list_targets_by_rule(Rule="order-placed", EventBusName="shop-events")["Targets"]
    assert [t["Arn"] for t in targets] == [res(summary, PROD, "checkout-flow")["arn"]]


def test_brokers_graph_images_identities(endpoint, summary):
    """Issue #14: an MSK cluster over the data subnets, an MQ broker, a Neptune cluster with two instances, two ECR
    repositories, a user pool whose PreSignUp trigger is api-handler, and an SES domain."""
    kafka = client(endpoint, "kafka", PROD, "us-east-1")
    cluster = kafka.describe_cluster_v2(ClusterArn=res(summary, PROD, "order-stream-kafka")["arn"])["ClusterInfo"]
    group = cluster["Provisioned"]["BrokerNodeGroupInfo"]
    assert sorted(group["ClientSubnets"]) == sorted([res(summary, PROD, "data-a")["id"], res(summary, PROD, "data-b")["id"]])
    broker = client(endpoint, "mq", PROD, "us-east-1").describe_broker(BrokerId=res(summary, PROD, "notifications-mq")["id"])
    assert broker["SubnetIds"] == [res(summary, PROD, "data-a")["id"]]
    members = client(endpoint, "neptune", PROD, "us-east-1").describe_db_clusters(
        DBClusterIdentifier="recommendations-graph")["DBClusters"][0]["DBClusterMembers"]
    assert len(members) == 2
    repositories = client(endpoint, "ecr", PROD, "us-east-1").describe_repositories()["repositories"]
    assert sorted(r["repositoryName"] for r in repositories) == ["shop/api", "shop/web"]
    pools = client(endpoint, "cognito-idp", PROD, "us-east-1").list_user_pools(MaxResults=10)["UserPools"]
    assert pools[0]["LambdaConfig"]["PreSignUp"] == res(summary, PROD, "api-handler")["arn"]
    assert "shop.example.com" in client(endpoint, "ses", PROD, "us-east-1").list_identities()["Identities"]

"""Handlers for compute, data, integration and edge services of the seed (SERVICE_PHASES).

Workarounds for moto 5.2.1 are noted where they matter: Lambda gets a zip built in memory and a
real IAM role; the ECS Fargate service gets an awsvpc network configuration.
"""

from seed_data import DATA_PHASES
from seed_edge import EDGE_PHASES
from seed_handlers import ec2_tag, ids


# --- compute ------------------------------------------------------------------------------

def launch_template(account, res, region):
    data = {
        "ImageId": account.ref(res["image"], ["ami"])["id"] if "image" in res else "ami-12c6146b",
        "InstanceType": res.get("instanceType", "t3.micro"),
        "SecurityGroupIds": ids(account, res.get("securityGroups", []), ["security_group"]),
        "BlockDeviceMappings": [
            {"DeviceName": v["device"], "Ebs": {"VolumeSize": v["size"], "VolumeType": v.get("volumeType", "gp3")}}
            for v in res.get("volumes", [])
        ],
        "TagSpecifications": [{"ResourceType": "instance", "Tags": account.tag_list(res)}],
    }
    lt = account.client("ec2", region).create_launch_template(
        LaunchTemplateName=res["name"], LaunchTemplateData=data,
        TagSpecifications=[{"ResourceType": "launch-template", "Tags": account.tag_list(res)}],
    )["LaunchTemplate"]
    lid = lt["LaunchTemplateId"]
    account.record(res, region, id=lid, arn=account.ec2_arn(region, "launch-template", lid))


def target_group(account, res, region):
    tg = account.client("elbv2", region).create_target_group(
        Name=res["name"], Protocol=res.get("protocol", "HTTP"), Port=res.get("port", 80),
        VpcId=account.ref(res["vpc"], ["vpc"])["id"], TargetType=res.get("targetType", "instance"),
        HealthCheckPath=res.get("healthCheckPath", "/"), Tags=account.tag_list(res),
    )["TargetGroups"][0]
    account.record(res, region, id=tg["TargetGroupName"], arn=tg["TargetGroupArn"])


def load_balancer(account, res, region):
    elb = account.client("elbv2", region)
    lb = elb.create_load_balancer(
        Name=res["name"], Type=res.get("lbType", "application"), Scheme=res.get("scheme", "internet-facing"),
        Subnets=ids(account, res["subnets"], ["subnet"]),
        SecurityGroups=ids(account, res.get("securityGroups", []), ["security_group"]),
        Tags=account.tag_list(res),
    )["LoadBalancers"][0]
    for listener in res.get("listeners", []):
        elb.create_listener(
            LoadBalancerArn=lb["LoadBalancerArn"], Protocol=listener.get("protocol", "HTTP"), Port=listener["port"],
            DefaultActions=[{"Type": "forward",
                             "TargetGroupArn": account.ref(listener["targetGroup"], ["target_group"])["arn"]}],
        )
    account.record(res, region, id=lb["LoadBalancerName"], arn=lb["LoadBalancerArn"], dnsName=lb["DNSName"],
                   hostedZoneId=lb["CanonicalHostedZoneId"])


def autoscaling_group(account, res, region):
    asg = account.client("autoscaling", region)
    asg.create_auto_scaling_group(
        AutoScalingGroupName=res["name"],
        LaunchTemplate={"LaunchTemplateId": account.ref(res["launchTemplate"], ["launch_template"])["id"],
                        "Version": "$Latest"},
        MinSize=res.get("min", 1), MaxSize=res.get("max", 1), DesiredCapacity=res.get("desired", 1),
        VPCZoneIdentifier=",".join(ids(account, res["subnets"], ["subnet"])),
        TargetGroupARNs=ids(account, res.get("targetGroups", []), ["target_group"], "arn"),
        Tags=[{**t, "PropagateAtLaunch": True, "ResourceId": res["name"], "ResourceType": "auto-scaling-group"}
              for t in account.tag_list(res)],
    )
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=[res["name"]])["AutoScalingGroups"][0]
    account.record(res, region, id=res["name"], arn=group["AutoScalingGroupARN"],
                   instances=sorted(i["InstanceId"] for i in group["Instances"]))


def ec2_instance(account, res, region):
    ec2 = account.client("ec2", region)
    sub = account.ref(res["subnet"], ["subnet"])
    inst = ec2.run_instances(
        ImageId=account.ref(res["image"], ["ami"])["id"] if "image" in res else "ami-12c6146b",
        InstanceType=res.get("instanceType", "t3.micro"), MinCount=1, MaxCount=1, SubnetId=sub["id"],
        SecurityGroupIds=ids(account, res.get("securityGroups", []), ["security_group"]),
    )["Instances"][0]["InstanceId"]
    ec2_tag(account, res, region, inst)
    account.record(res, region, id=inst, arn=account.ec2_arn(region, "instance", inst))
    for vol in res.get("volumes", []):
        vspec = {"type": "ebs_volume", "name": vol["name"]}
        vid = ec2.create_volume(AvailabilityZone=sub["az"], Size=vol["size"],
                                VolumeType=vol.get("volumeType", "gp3"))["VolumeId"]
        ec2.attach_volume(VolumeId=vid, InstanceId=inst, Device=vol["device"])
        ec2_tag(account, vspec, region, vid)
        account.record(vspec, region, id=vid, arn=account.ec2_arn(region, "volume", vid), instance=res["name"])


# --- databases ----------------------------------------------------------------------------

def db_subnet_group(account, res, region):
    group = account.client("rds", region).create_db_subnet_group(
        DBSubnetGroupName=res["name"], DBSubnetGroupDescription=res.get("description", res["name"]),
        SubnetIds=ids(account, res["subnets"], ["subnet"]), Tags=account.tag_list(res),
    )["DBSubnetGroup"]
    account.record(res, region, id=res["name"], arn=group["DBSubnetGroupArn"])


def rds_instance(account, res, region):
    db = account.client("rds", region).create_db_instance(
        DBInstanceIdentifier=res["name"], Engine=res.get("engine", "postgres"),
        DBInstanceClass=res.get("instanceClass", "db.t3.micro"), AllocatedStorage=res.get("storage", 20),
        MultiAZ=res.get("multiAZ", False), DBSubnetGroupName=account.ref(res["subnetGroup"], ["db_subnet_group"])["id"],
        VpcSecurityGroupIds=ids(account, res.get("securityGroups", []), ["security_group"]),
        MasterUsername="skyplan", MasterUserPassword="not-a-secret-demo-only", StorageType="gp3",
        Tags=account.tag_list(res),
    )["DBInstance"]
    account.record(res, region, id=res["name"], arn=db["DBInstanceArn"])


def cache_subnet_group(account, res, region):
    group = account.client("elasticache", region).create_cache_subnet_group(
        CacheSubnetGroupName=res["name"], CacheSubnetGroupDescription=res.get("description", res["name"]),
        SubnetIds=ids(account, res["subnets"], ["subnet"]), Tags=account.tag_list(res),
    )["CacheSubnetGroup"]
    account.record(res, region, id=res["name"], arn=group.get("ARN"))


def elasticache_cluster(account, res, region):
    cluster = account.client("elasticache", region).create_cache_cluster(
        CacheClusterId=res["name"], Engine=res.get("engine", "redis"),
        CacheNodeType=res.get("nodeType", "cache.t3.micro"), NumCacheNodes=res.get("nodes", 1),
        CacheSubnetGroupName=account.ref(res["subnetGroup"], ["cache_subnet_group"])["id"],
        SecurityGroupIds=ids(account, res.get("securityGroups", []), ["security_group"]),
        Tags=account.tag_list(res),
    )["CacheCluster"]
    account.record(res, region, id=res["name"], arn=cluster["ARN"])


def dynamodb_table(account, res, region):
    key = res.get("hashKey", "id")
    table = account.client("dynamodb", region).create_table(
        TableName=res["name"], BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}], Tags=account.tag_list(res),
    )["TableDescription"]
    account.record(res, region, id=res["name"], arn=table["TableArn"])


SERVICE_PHASES = [
    ("launch_template", launch_template),
    ("target_group", target_group),
    ("load_balancer", load_balancer),
    ("autoscaling_group", autoscaling_group),
    ("ec2_instance", ec2_instance),
    ("db_subnet_group", db_subnet_group),
    ("rds_instance", rds_instance),
    ("cache_subnet_group", cache_subnet_group),
    ("elasticache_cluster", elasticache_cluster),
    ("dynamodb_table", dynamodb_table),
] + EDGE_PHASES + DATA_PHASES

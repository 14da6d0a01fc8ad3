"""Handlers for the data platform, workflows, event buses and public addresses of issue #14 (DATA_PHASES, run after the services).

Workarounds for moto 5.2.1: a Firehose OpenSearch destination must use the Elasticsearch form; Redshift and
OpenSearch take their placement as given (no capacity checks).
"""

import json

from seed_handlers import ec2_tag, ids


def redshift_subnet_group(account, res, region):
    account.client("redshift", region).create_cluster_subnet_group(
        ClusterSubnetGroupName=res["name"], Description=res.get("description", res["name"]),
        SubnetIds=ids(account, res["subnets"], ["subnet"]), Tags=account.tag_list(res))
    account.record(res, region, id=res["name"])


def redshift_cluster(account, res, region):
    nodes = res.get("nodes", 1)
    cluster = account.client("redshift", region).create_cluster(
        ClusterIdentifier=res["name"], NodeType=res.get("nodeType", "ra3.4xlarge"),
        ClusterType="multi-node" if nodes > 1 else "single-node", NumberOfNodes=nodes,
        MasterUsername="skyplan", MasterUserPassword="NotASecret1demo",
        ClusterSubnetGroupName=account.ref(res["subnetGroup"], ["redshift_subnet_group"])["id"],
        VpcSecurityGroupIds=ids(account, res.get("securityGroups", []), ["security_group"]),
        AvailabilityZone=res.get("az"), Tags=account.tag_list(res),
    )["Cluster"]
    account.record(res, region, id=res["name"], arn=f"arn:aws:redshift:{region}:{account.id}:cluster:{res['name']}",
                   endpoint=cluster["Endpoint"]["Address"])


def opensearch_domain(account, res, region):
    domain = account.client("opensearch", region).create_domain(
        DomainName=res["name"], EngineVersion=res.get("engineVersion", "OpenSearch_2.11"),
        ClusterConfig={"InstanceType": res.get("instanceType", "c4.2xlarge.search"),
                       "InstanceCount": res.get("nodes", 1)},
        EBSOptions={"EBSEnabled": True, "VolumeType": res.get("volumeType", "gp2"),
                    "VolumeSize": res.get("volumeSize", 100)},
        VPCOptions={"SubnetIds": ids(account, res["subnets"], ["subnet"]),
                    "SecurityGroupIds": ids(account, res.get("securityGroups", []), ["security_group"])},
        TagList=account.tag_list(res),
    )["DomainStatus"]
    account.record(res, region, id=res["name"], arn=domain["ARN"])


def kinesis_stream(account, res, region):
    kinesis = account.client("kinesis", region)
    if res.get("onDemand"):
        kinesis.create_stream(StreamName=res["name"], StreamModeDetails={"StreamMode": "ON_DEMAND"})
    else:
        kinesis.create_stream(StreamName=res["name"], ShardCount=res.get("shards", 1))
    arn = kinesis.describe_stream_summary(StreamName=res["name"])["StreamDescriptionSummary"]["StreamARN"]
    kinesis.add_tags_to_stream(StreamName=res["name"], Tags=account.tags(res))
    account.record(res, region, id=res["name"], arn=arn)


def firehose_delivery_stream(account, res, region):
    role = account.ref(res["role"], ["iam_role"])["arn"]
    bucket = f"arn:aws:s3:::{account.ref(res['bucket'], ['s3_bucket'])['id']}"
    extra = {"DeliveryStreamType": "DirectPut"}
    if "source" in res:
        stream = account.ref(res["source"], ["kinesis_stream"])["arn"]
        extra = {"DeliveryStreamType": "KinesisStreamAsSource",
                 "KinesisStreamSourceConfiguration": {"KinesisStreamARN": stream, "RoleARN": role}}
    if "search" in res:
        extra["ElasticsearchDestinationConfiguration"] = {
            "RoleARN": role, "DomainARN": account.ref(res["search"], ["opensearch_domain"])["arn"],
            "IndexName": res["name"], "S3Configuration": {"RoleARN": role, "BucketARN": bucket}}
    else:
        extra["ExtendedS3DestinationConfiguration"] = {"RoleARN": role, "BucketARN": bucket}
    arn = account.client("firehose", region).create_delivery_stream(
        DeliveryStreamName=res["name"], Tags=account.tag_list(res), **extra)["DeliveryStreamARN"]
    account.record(res, region, id=res["name"], arn=arn)


def elastic_ip(account, res, region):
    ec2 = account.client("ec2", region)
    address = ec2.allocate_address(Domain="vpc")
    ec2_tag(account, res, region, address["AllocationId"])
    if "instance" in res:
        ec2.associate_address(AllocationId=address["AllocationId"],
                              InstanceId=account.ref(res["instance"], ["ec2_instance"])["id"])
    account.record(res, region, id=address["AllocationId"], publicIp=address["PublicIp"],
                   arn=account.ec2_arn(region, "elastic-ip", address["AllocationId"]))


def state_machine(account, res, region):
    """A workflow whose steps are Lambda invocations and SQS sends, in order."""
    states = {}
    steps = res.get("steps", [])
    for index, step in enumerate(steps):
        if "lambda" in step:
            state = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Parameters": {"FunctionName": account.ref(step["lambda"], ["lambda_function"])["arn"],
                                    "Payload.$": "$"}}
        else:
            state = {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                     "Parameters": {"QueueUrl": account.ref(step["queue"], ["sqs_queue"])["id"], "MessageBody.$": "$"}}
        if index + 1 < len(steps):
            state["Next"] = steps[index + 1]["name"]
        else:
            state["End"] = True
        states[step["name"]] = state
    arn = account.client("stepfunctions", region).create_state_machine(
        name=res["name"], definition=json.dumps({"StartAt": steps[0]["name"], "States": states}),
        roleArn=account.ref(res["role"], ["iam_role"])["arn"], tags=account.tag_list(res, "key", "value"),
    )["stateMachineArn"]
    account.record(res, region, id=res["name"], arn=arn)


def event_bus(account, res, region):
    events = account.client("events", region)
    arn = events.create_event_bus(Name=res["name"], Tags=account.tag_list(res))["EventBusArn"]
    for rule in res.get("rules", []):
        events.put_rule(Name=rule["name"], EventBusName=res["name"], EventPattern=json.dumps(rule["pattern"]))
        targets = [{"Id": f"t{i}", "Arn": account.ref(t, ["lambda_function", "sqs_queue", "state_machine"])["arn"]}
                   for i, t in enumerate(rule["targets"])]
        events.put_targets(Rule=rule["name"], EventBusName=res["name"], Targets=targets)
    account.record(res, region, id=res["name"], arn=arn)


def msk_cluster(account, res, region):
    arn = account.client("kafka", region).create_cluster_v2(
        ClusterName=res["name"], Tags=account.tags(res),
        Provisioned={"BrokerNodeGroupInfo": {
            "InstanceType": res.get("instanceType", "kafka.m5.large"),
            "ClientSubnets": ids(account, res["subnets"], ["subnet"]),
            "SecurityGroups": ids(account, res.get("securityGroups", []), ["security_group"]),
            "StorageInfo": {"EbsStorageInfo": {"VolumeSize": res.get("volumeSize", 100)}}},
            "KafkaVersion": "3.5.1", "NumberOfBrokerNodes": res.get("brokers", 2)})["ClusterArn"]
    account.record(res, region, id=res["name"], arn=arn)


def mq_broker(account, res, region):
    broker = account.client("mq", region).create_broker(
        BrokerName=res["name"], EngineType=res.get("engine", "ACTIVEMQ"), EngineVersion="5.17.6",
        HostInstanceType=res.get("instanceType", "mq.m5.large"), DeploymentMode="SINGLE_INSTANCE",
        PubliclyAccessible=False, AutoMinorVersionUpgrade=True,
        Users=[{"Username": "skyplan", "Password": "NotASecret1demo"}],
        SubnetIds=ids(account, res["subnets"], ["subnet"]),
        SecurityGroups=ids(account, res.get("securityGroups", []), ["security_group"]))
    account.record(res, region, id=broker["BrokerId"], arn=broker["BrokerArn"])


def neptune_cluster(account, res, region):
    """A Neptune cluster (the RDS API, engine neptune) and its instances, the first the writer."""
    neptune = account.client("neptune", region)
    cluster = neptune.create_db_cluster(
        DBClusterIdentifier=res["name"], Engine="neptune",
        DBSubnetGroupName=account.ref(res["subnetGroup"], ["db_subnet_group"])["id"],
        VpcSecurityGroupIds=ids(account, res.get("securityGroups", []), ["security_group"]))["DBCluster"]
    account.record(res, region, id=res["name"], arn=cluster["DBClusterArn"])
    for index in range(res.get("instances", 1)):
        name = f"{res['name']}-{index + 1}"
        instance = neptune.create_db_instance(
            DBInstanceIdentifier=name, DBInstanceClass=res.get("instanceClass", "db.r5.large"),
            Engine="neptune", DBClusterIdentifier=res["name"])["DBInstance"]
        account.record({"type": "neptune_instance", "name": name}, region, id=name, arn=instance["DBInstanceArn"],
                       cluster=res["name"])


def cognito_user_pool(account, res, region):
    triggers = {trigger: account.ref(name, ["lambda_function"])["arn"]
                for trigger, name in res.get("triggers", {}).items()}
    pool = account.client("cognito-idp", region).create_user_pool(
        PoolName=res["name"], LambdaConfig=triggers)["UserPool"]
    account.record(res, region, id=pool["Id"], arn=f"arn:aws:cognito-idp:{region}:{account.id}:userpool/{pool['Id']}")


def ses_identity(account, res, region):
    ses = account.client("ses", region)
    if "@" in res["name"]:
        ses.verify_email_identity(EmailAddress=res["name"])
    else:
        ses.verify_domain_identity(Domain=res["name"])
    account.record(res, region, id=res["name"], arn=f"arn:aws:ses:{region}:{account.id}:identity/{res['name']}")


DATA_PHASES = [
    ("redshift_subnet_group", redshift_subnet_group),
    ("redshift_cluster", redshift_cluster),
    ("opensearch_domain", opensearch_domain),
    ("kinesis_stream", kinesis_stream),
    ("firehose_delivery_stream", firehose_delivery_stream),
    ("elastic_ip", elastic_ip),
    ("state_machine", state_machine),
    ("event_bus", event_bus),
    ("msk_cluster", msk_cluster),
    ("mq_broker", mq_broker),
    ("neptune_cluster", neptune_cluster),
    ("cognito_user_pool", cognito_user_pool),
    ("ses_identity", ses_identity),
]

"""Handlers for serverless, messaging, containers (ECR, ECS) and the edge (WAF, CloudFront, Route 53): EDGE_PHASES."""

import json

from seed_handlers import CLOUDFRONT_ZONE, ids, lambda_zip


def sqs_queue(account, res, region):
    sqs = account.client("sqs", region)
    url = sqs.create_queue(QueueName=res["name"], tags=account.tags(res))["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    account.record(res, region, id=url, arn=arn)


def sns_topic(account, res, region):
    sns = account.client("sns", region)
    arn = sns.create_topic(Name=res["name"], Tags=account.tag_list(res))["TopicArn"]
    subs = []
    for sub in res.get("subscriptions", []):
        queue = account.ref(sub["queue"], ["sqs_queue"])
        policy = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage",
            "Resource": queue["arn"], "Condition": {"ArnEquals": {"aws:SourceArn": arn}}}]}
        account.client("sqs", queue["region"]).set_queue_attributes(
            QueueUrl=queue["id"], Attributes={"Policy": json.dumps(policy)})
        subs.append(sns.subscribe(TopicArn=arn, Protocol="sqs", Endpoint=queue["arn"],
                                  ReturnSubscriptionArn=True)["SubscriptionArn"])
    account.record(res, region, id=res["name"], arn=arn, subscriptions=subs)


def vpc_config(account, res):
    """A function in a VPC: its subnets and security groups (none: outside any VPC)."""
    if not res.get("subnets"):
        return {}
    return {"VpcConfig": {"SubnetIds": ids(account, res["subnets"], ["subnet"]),
                          "SecurityGroupIds": ids(account, res.get("securityGroups", []), ["security_group"])}}


def ecr_repository(account, res, region):
    repository = account.client("ecr", region).create_repository(
        repositoryName=res["name"], imageScanningConfiguration={"scanOnPush": res.get("scanOnPush", False)},
        tags=account.tag_list(res, "Key", "Value"))["repository"]
    account.record(res, region, id=res["name"], arn=repository["repositoryArn"], uri=repository["repositoryUri"])


def repository_image(account, res):
    """The image URI of a resource that runs one from an ECR repository of the seed (`repository`, `tag`)."""
    return f"{account.ref(res['repository'], ['ecr_repository'])['uri']}:{res.get('tag', 'latest')}"


def lambda_code(account, res):
    """A container-image function (`repository`; moto does not check that the image was pushed), else a zip."""
    if "repository" in res:
        return {"PackageType": "Image", "Code": {"ImageUri": repository_image(account, res)}}
    return {"Runtime": res.get("runtime", "python3.12"), "Handler": "index.handler", "Code": {"ZipFile": lambda_zip()}}


def lambda_function(account, res, region):
    lam = account.client("lambda", region)
    fn = lam.create_function(
        FunctionName=res["name"], Role=account.ref(res["role"], ["iam_role"])["arn"], **lambda_code(account, res),
        MemorySize=res.get("memory", 128), Timeout=res.get("timeout", 30), Tags=account.tags(res),
        Architectures=[res.get("architecture", "x86_64")], **vpc_config(account, res),
    )
    mappings = []
    for trig in res.get("sqsTriggers", []):
        queue = account.ref(trig["queue"], ["sqs_queue"])
        mappings.append(lam.create_event_source_mapping(
            EventSourceArn=queue["arn"], FunctionName=fn["FunctionArn"], BatchSize=trig.get("batchSize", 10),
        )["UUID"])
    account.record(res, region, id=res["name"], arn=fn["FunctionArn"], eventSourceMappings=mappings)


def allow_invoke(account, fn, principal, source_arn, sid):
    account.client("lambda", fn["region"]).add_permission(
        FunctionName=fn["arn"], StatementId=sid, Action="lambda:InvokeFunction",
        Principal=principal, SourceArn=source_arn)


def s3_bucket(account, res, region):
    s3 = account.client("s3", region)
    name = res["bucket"]
    extra = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    s3.create_bucket(Bucket=name, **extra)
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": account.tag_list(res)})
    configs = []
    for i, note in enumerate(res.get("lambdaNotifications", [])):
        fn = account.ref(note["lambda"], ["lambda_function"])
        allow_invoke(account, fn, "s3.amazonaws.com", f"arn:aws:s3:::{name}", f"s3-{name}-{i}")
        configs.append({"Id": f"{res['name']}-{i}", "LambdaFunctionArn": fn["arn"],
                        "Events": note.get("events", ["s3:ObjectCreated:*"])})
    queues = []
    for i, note in enumerate(res.get("queueNotifications", [])):
        queue = account.ref(note["queue"], ["sqs_queue"])
        queues.append({"Id": f"{res['name']}-q{i}", "QueueArn": queue["arn"],
                       "Events": note.get("events", ["s3:ObjectCreated:*"])})
    if configs or queues:
        notification = {"LambdaFunctionConfigurations": configs} if configs else {}
        if queues:
            notification["QueueConfigurations"] = queues
        s3.put_bucket_notification_configuration(Bucket=name, NotificationConfiguration=notification)
    account.record(res, region, id=name, arn=f"arn:aws:s3:::{name}",
                   domainName=f"{name}.s3.{region}.amazonaws.com")


def apigateway_rest_api(account, res, region):
    api = account.client("apigateway", region)
    rest = api.create_rest_api(name=res["name"], tags=account.tags(res),
                               endpointConfiguration={"types": ["REGIONAL"]})
    api_id = rest["id"]
    paths = {"/": next(r["id"] for r in api.get_resources(restApiId=api_id)["items"] if r["path"] == "/")}
    for i, route in enumerate(res.get("routes", [])):
        path = "/" + route["path"].strip("/")
        if path not in paths:
            paths[path] = api.create_resource(restApiId=api_id, parentId=paths["/"],
                                              pathPart=path[1:])["id"]
        fn = account.ref(route["lambda"], ["lambda_function"])
        method = route.get("method", "GET")
        api.put_method(restApiId=api_id, resourceId=paths[path], httpMethod=method, authorizationType="NONE")
        api.put_integration(
            restApiId=api_id, resourceId=paths[path], httpMethod=method, type="AWS_PROXY",
            integrationHttpMethod="POST",
            uri=f"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{fn['arn']}/invocations")
        allow_invoke(account, fn, "apigateway.amazonaws.com",
                     f"arn:aws:execute-api:{region}:{account.id}:{api_id}/*/{method}{path}", f"api-{api_id}-{i}")
    api.create_deployment(restApiId=api_id, stageName=res.get("stage", "prod"))
    account.record(res, region, id=api_id, arn=f"arn:aws:apigateway:{region}::/restapis/{api_id}")


def ecs_tags(account, res):
    return account.tag_list(res, key="key", value="value")


def ecs_cluster(account, res, region):
    cluster = account.client("ecs", region).create_cluster(clusterName=res["name"], tags=ecs_tags(account, res))
    account.record(res, region, id=res["name"], arn=cluster["cluster"]["clusterArn"])


def ecs_task_definition(account, res, region):
    image = repository_image(account, res) if "repository" in res else res["image"]
    container = {"name": res["name"], "image": image, "essential": True}
    if "port" in res:
        container["portMappings"] = [{"containerPort": res["port"], "protocol": "tcp"}]
    extra = {}
    if "executionRole" in res:
        extra["executionRoleArn"] = account.ref(res["executionRole"], ["iam_role"])["arn"]
    task = account.client("ecs", region).register_task_definition(
        family=res["name"], networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
        cpu=str(res.get("cpu", "256")), memory=str(res.get("memory", "512")),
        containerDefinitions=[container], tags=ecs_tags(account, res), **extra,
    )["taskDefinition"]
    account.record(res, region, id=f"{task['family']}:{task['revision']}", arn=task["taskDefinitionArn"])


def ecs_service(account, res, region):
    # moto requires the awsvpc network configuration for a Fargate service, as AWS does.
    svc = account.client("ecs", region).create_service(
        cluster=account.ref(res["cluster"], ["ecs_cluster"])["arn"], serviceName=res["name"],
        taskDefinition=account.ref(res["taskDefinition"], ["ecs_task_definition"])["arn"],
        desiredCount=res.get("desired", 1), launchType="FARGATE",
        networkConfiguration={"awsvpcConfiguration": {
            "subnets": ids(account, res["subnets"], ["subnet"]),
            "securityGroups": ids(account, res.get("securityGroups", []), ["security_group"]),
            "assignPublicIp": "DISABLED"}},
        tags=ecs_tags(account, res), propagateTags="SERVICE",
    )["service"]
    account.record(res, region, id=res["name"], arn=svc["serviceArn"])


def cloudfront_origin(account, name):
    target = account.ref(name, ["s3_bucket", "load_balancer"])
    if target["type"] == "s3_bucket":
        return {"Id": name, "DomainName": target["domainName"], "S3OriginConfig": {"OriginAccessIdentity": ""}}
    return {"Id": name, "DomainName": target["dnsName"], "CustomOriginConfig": {
        "HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "http-only"}}


def cache_behavior(origin, path=None):
    behavior = {"TargetOriginId": origin, "ViewerProtocolPolicy": "redirect-to-https", "MinTTL": 0,
                "ForwardedValues": {"QueryString": True, "Cookies": {"Forward": "none"}}}
    if path:
        behavior["PathPattern"] = path
    return behavior


def waf_web_acl(account, res, region):
    """A web ACL for CloudFront: scope CLOUDFRONT, so it lives in us-east-1 whatever the account's region."""
    acl = account.client("wafv2", "us-east-1").create_web_acl(
        Name=res["name"], Scope="CLOUDFRONT", DefaultAction={res.get("defaultAction", "allow").title(): {}},
        VisibilityConfig={"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False,
                          "MetricName": res["name"]},
        Tags=account.tag_list(res))["Summary"]
    account.record(res, "global", id=acl["Id"], arn=acl["ARN"])


def cloudfront_distribution(account, res, region):
    origins = [cloudfront_origin(account, n) for n in res["origins"]]
    behaviors = [cache_behavior(b["origin"], b["path"]) for b in res.get("behaviors", [])]
    config = {
        "CallerReference": f"{account.id}-{res['name']}", "Comment": res["name"], "Enabled": True,
        "Origins": {"Quantity": len(origins), "Items": origins},
        "DefaultCacheBehavior": cache_behavior(res.get("defaultOrigin", res["origins"][0])),
        "CacheBehaviors": {"Quantity": len(behaviors), "Items": behaviors},
    }
    if "webACL" in res:
        config["WebACLId"] = account.ref(res["webACL"], ["waf_web_acl"])["arn"]
    dist = account.client("cloudfront", "us-east-1").create_distribution_with_tags(
        DistributionConfigWithTags={"DistributionConfig": config, "Tags": {"Items": account.tag_list(res)}},
    )["Distribution"]
    account.record(res, "global", id=dist["Id"], arn=dist["ARN"], domainName=dist["DomainName"])


def route53_zone(account, res, region):
    r53 = account.client("route53", "us-east-1")
    domain = res["domain"].rstrip(".") + "."
    zone_id = r53.create_hosted_zone(Name=domain, CallerReference=f"{account.id}-{res['name']}")[
        "HostedZone"]["Id"].split("/")[-1]
    r53.change_tags_for_resource(ResourceType="hostedzone", ResourceId=zone_id, AddTags=account.tag_list(res))
    changes = []
    for rec in res.get("records", []):
        target = account.ref(rec["alias"], ["cloudfront_distribution", "load_balancer"])
        if target["type"] == "cloudfront_distribution":
            alias = {"HostedZoneId": CLOUDFRONT_ZONE, "DNSName": target["domainName"]}
        else:
            alias = {"HostedZoneId": target["hostedZoneId"], "DNSName": target["dnsName"]}
        changes.append({"Action": "CREATE", "ResourceRecordSet": {
            "Name": f"{rec['name']}.{domain}", "Type": rec.get("type", "A"),
            "AliasTarget": {**alias, "EvaluateTargetHealth": False}}})
    if changes:
        r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": changes})
    account.record(res, "global", id=zone_id, arn=f"arn:aws:route53:::hostedzone/{zone_id}", domain=domain)


EDGE_PHASES = [
    ("sqs_queue", sqs_queue),
    ("sns_topic", sns_topic),
    ("ecr_repository", ecr_repository),
    ("lambda_function", lambda_function),
    ("s3_bucket", s3_bucket),
    ("apigateway_rest_api", apigateway_rest_api),
    ("ecs_cluster", ecs_cluster),
    ("ecs_task_definition", ecs_task_definition),
    ("ecs_service", ecs_service),
    ("waf_web_acl", waf_web_acl),
    ("cloudfront_distribution", cloudfront_distribution),
    ("route53_zone", route53_zone),
]

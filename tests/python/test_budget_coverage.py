"""The demo account's budget, scanned from moto region by region, priced from the bundled price book.

    python3 -m pytest -q tests/python/test_budget_coverage.py

us-east-1 (every family of the issue has a us-east-1 price in shared/pricing): no unpriced line.
eu-west-1: EC2 and RDS instance hours are priced with eu-west-1's own figures; the per-unit prices
that shared/pricing holds for us-east-1 only (EBS, Lambda, S3, DynamoDB, SQS, RDS storage...) stay
unpriced, each line saying so, and are never filled with another region's price.
"""
import json

import pytest
from cloudcraftco.cloudcraft import Cloudcraft

# The component types of the issue (Cloudcraft type names as Skyplan reports them).
TYPES = {"ec2", "rds", "elasticache", "elb", "natgateway", "ebs", "lambda", "s3", "dynamodb", "sqs", "sns",
         "cloudfront", "r53", "apigateway"}
INSTANCE_HOURS = {"ec2.instance", "rds.instance", "elasticache.node"}


def client(server):
    return Cloudcraft({"host": "localhost", "port": server.port, "protocol": "http",
                       "api_key": server.users["owner"]["key"], "max_network_retries": 0})


def connected(server, cc, name):
    role = next(a["roleArn"] for a in server.seed["accounts"].values() if a["name"] == name)
    existing = [a for a in cc.list_aws_accounts()["accounts"] if a["roleArn"] == role]
    return existing[0] if existing else cc.create_aws_account({"name": name, "roleArn": role})


def budget(server, cc, account, region):
    data = json.loads(cc.snapshot_aws_account(account["id"], region, "json"))["data"]
    created = cc.create_blueprint({"data": data})
    try:
        return json.loads(cc.export_blueprint_budget(created["id"], "json", {"period": "m", "currency": "USD"}))
    finally:
        cc.delete_blueprint(created["id"])


def lines(report):
    return [(c, l) for c in report["components"] if c["type"] in TYPES for l in c["lines"]]


@pytest.mark.parametrize("name,region", [("Production", "us-east-1"), ("Production", "eu-west-1"),
                                         ("Staging", "eu-west-1")])
def test_demo_budget_prices_every_common_component(skyplan_server, name, region):
    cc = client(skyplan_server)
    report = budget(skyplan_server, cc, connected(skyplan_server, cc, name), region)
    found = lines(report)
    assert found, f"no {sorted(TYPES)} component in {name} {region}"
    unpriced = [(c["type"], l["priceKey"], l["note"]) for c, l in found if l.get("unitPrice") is None]
    for c, l in found:
        if l.get("unitPrice") is not None:
            # Every priced line says where its price came from and as of when.
            assert l["priceSource"] and l["priceAsOf"], (c["type"], l["priceKey"])
    print(f"{name} {region}: {len(found)} lines, {len(unpriced)} unpriced: {sorted(set(u[1] for u in unpriced))}")
    if region == "us-east-1":
        assert unpriced == [], unpriced
    else:
        assert not [u for u in unpriced if u[1].split(" ")[0] in INSTANCE_HOURS], unpriced
        # The rest are per-unit prices shared/pricing has for us-east-1 only, and the line says so.
        assert all("us-east-1" in note and "another region's price" in note for _, _, note in unpriced), unpriced
        priced_instances = [l for c, l in found if l["priceKey"].split(" ")[0] in INSTANCE_HOURS]
        assert all(l["priceKey"].split(" ")[1] == region for l in priced_instances)

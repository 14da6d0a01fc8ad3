"""Cloudcraft's own Python SDK (`cloudcraftco` from PyPI) against a running Skyplan."""
import csv
import io
import json
import os
import struct

import pytest
from cloudcraftco.cloudcraft import Cloudcraft
from cloudcraftco.error import CloudcraftForbidden, CloudcraftMalformed, CloudcraftMissingResource, CloudcraftUnexpected

from skyplan_harness import running_skyplan


ENGINES = ["sqlite"] + (["postgres"] if os.environ.get("SKYPLAN_POSTGRES_URL") else [])


@pytest.fixture(scope="module", params=ENGINES)
def skyplan(request):
    """The same suite on the embedded SQLite store and on PostgreSQL (several replicas' store)."""
    database = os.environ["SKYPLAN_POSTGRES_URL"] if request.param == "postgres" else None
    with running_skyplan(database=database) as server:
        yield server


def client(skyplan, role="owner", host="localhost"):
    # "localhost" makes the SDK add /api to every path, as it does for local development.
    return Cloudcraft({"host": host, "port": skyplan.port, "protocol": "http",
                       "api_key": skyplan.users[role]["key"], "max_network_retries": 0})


def production_role(skyplan):
    return next(a["roleArn"] for a in skyplan.seed["accounts"].values() if a["name"] == "Production")


def test_reads_user_profile_and_iam_parameters(skyplan):
    cc = client(skyplan)
    me = cc.read_user_profile()
    assert me["email"] == skyplan.users["owner"]["email"]
    assert len(me["id"]) == 36
    params = cc.read_aws_role_parameters()
    assert params["accountId"] == "123456789012"  # moto's account for the operator's credentials
    assert params["externalId"] == me["externalId"]
    assert f"externalID={me['externalId']}" in params["awsConsoleUrl"]


def test_creates_lists_updates_and_deletes_aws_accounts(skyplan):
    cc = client(skyplan)
    created = cc.create_aws_account({"name": "Production via SDK", "roleArn": production_role(skyplan),
                                     "region": "us-east-1"})
    assert created["roleArn"] == production_role(skyplan)
    assert created["CreatorId"] == cc.read_user_profile()["id"]
    listed = cc.list_aws_accounts()["accounts"]
    assert created["id"] in [a["id"] for a in listed]
    updated = cc.update_aws_account(created["id"], {"name": "Renamed", "roleArn": production_role(skyplan)})
    assert updated["name"] == "Renamed"
    cc.delete_aws_account(created["id"])
    assert created["id"] not in [a["id"] for a in cc.list_aws_accounts()["accounts"]]
    with pytest.raises(CloudcraftMissingResource):
        cc.delete_aws_account(created["id"])


def test_bad_arn_and_missing_privileges_are_reported(skyplan):
    cc = client(skyplan)
    with pytest.raises(CloudcraftUnexpected) as bad:
        cc.create_aws_account({"name": "x", "roleArn": "arn:aws:iam::12345:role/x"})
    assert "12 digits" in str(bad.value)
    user = client(skyplan, "user")
    with pytest.raises(CloudcraftForbidden):
        user.create_aws_account({"name": "x", "roleArn": production_role(skyplan)})
    with pytest.raises(CloudcraftMalformed):
        cc.update_aws_account("not-a-uuid", {"name": "x"})


def test_works_without_the_api_prefix(skyplan):
    cc = client(skyplan, host="127.0.0.1")
    assert cc.read_user_profile()["email"] == skyplan.users["owner"]["email"]


def connected_production(skyplan, cc):
    existing = [a for a in cc.list_aws_accounts()["accounts"] if a["roleArn"] == production_role(skyplan)]
    return existing[0] if existing else cc.create_aws_account({"name": "Production", "roleArn": production_role(skyplan)})


def test_snapshots_and_blueprints_round_trip_through_the_sdk(skyplan):
    cc = client(skyplan)
    account = connected_production(skyplan, cc)
    snapshot = cc.snapshot_aws_account(account["id"], "us-east-1", "json")
    data = json.loads(snapshot)["data"]
    assert {"vpc", "subnet"} <= {g["type"] for g in data["groups"]}
    assert {"ec2", "rds", "elb", "lambda"} <= {n["type"] for n in data["nodes"]}
    png = cc.snapshot_aws_account(account["id"], "us-east-1", "png", {"width": 1024, "height": 768, "grid": "True"})
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1024, 768)

    created = cc.create_blueprint({"data": data})
    blueprint = cc.read_blueprint(created["id"])
    assert blueprint["data"]["nodes"] == data["nodes"]
    data["name"] = "Renamed by the SDK"
    cc.update_blueprint(created["id"], {"data": data})
    assert cc.read_blueprint(created["id"])["name"] == "Renamed by the SDK"
    svg = cc.export_blueprint(created["id"], "svg", {"projection": "2d", "theme": "dark"})
    assert svg.startswith(b'<?xml version="1.0" standalone="no"?>\n<!DOCTYPE svg')
    mx = cc.export_blueprint(created["id"], "mxGraph")
    assert b"<mxGraphModel" in mx
    assert created["id"] in [b["id"] for b in cc.list_blueprints()["blueprints"]]

    # The demo environment's budget, end to end: the CSV of API.md with the compute, network and
    # storage of the three-tier app priced, and nothing silently $0.
    csv_text = cc.export_blueprint_budget(created["id"], "csv", {"period": "m", "currency": "USD"}).decode()
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    # Cloudcraft's columns first and unchanged; Skyplan's price source and date only after them.
    assert csv_text.splitlines()[0] == CSV_HEADER + ",priceSource,priceAsOf,account"
    priced = {r["type"] for r in rows if r["cost"] not in ("", "0", "0.0", "0.00")}
    assert {"ec2", "ebs", "elb", "natgateway", "lambda"} <= priced, priced
    xlsx = cc.export_blueprint_budget(created["id"], "xlsx")
    assert xlsx[:2] == b"PK"
    cc.delete_blueprint(created["id"])
    with pytest.raises(CloudcraftMissingResource):
        cc.read_blueprint(created["id"])


CSV_HEADER = ("category,type,region,count,unitPrice,cost,instanceType,instanceSize,platform,role,engine,storage,"
              "dataGb,snapshots,volume,iops,memory,mRequests,computeDuration,readUnits,writeUnits,readConsistency,"
              "shards,putUnits,extendedRetention,emailsOut,requests,notifications,notificationType,cache,apiCalls,"
              "tier,instance")

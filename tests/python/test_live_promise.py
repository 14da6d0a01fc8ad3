"""DESIGN.md §2, "only ARNs at rest": after a scan, a saved blueprint and a live session against moto
(with state changed in moto during the session), none of the live values streamed to the client is in
the database files — the SQLite file (with its WAL) and a PostgreSQL dump."""
import json
import os
import re
import subprocess
import time
import urllib.request

import boto3
import pytest

from skyplan_harness import running_skyplan

ENGINES = ["sqlite"] + (["postgres"] if os.environ.get("SKYPLAN_POSTGRES_URL") else [])
IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


def production(skyplan):
    return next(a for a in skyplan.seed["accounts"].values() if a["name"] == "Production")


def moto_session(skyplan, account_id):
    sts = boto3.client("sts", endpoint_url=skyplan.moto_url, region_name="us-east-1",
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account_id}:role/skyplan", RoleSessionName="test")["Credentials"]
    return boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                 aws_session_token=creds["SessionToken"], region_name="us-east-1")


def read_events(url, key, count, timeout=90):
    """Reads `count` state/change events from a server-sent event stream."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}", "Accept": "text/event-stream"})
    events, kind = [], None
    with urllib.request.urlopen(request, timeout=timeout) as response:
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: ") and kind in ("state", "change"):
                events.append(json.loads(line[6:]))
                if len(events) >= count:
                    return events
    return events


def database_bytes(skyplan):
    if skyplan.db.startswith("sqlite:"):
        path = skyplan.db[len("sqlite:"):]
        return b"".join(open(p, "rb").read() for p in (path, path + "-wal", path + "-shm") if os.path.exists(p))
    return subprocess.run(["pg_dump", "--data-only", skyplan.db.replace("postgres://", "postgresql://")],
                          capture_output=True, check=True).stdout


@pytest.mark.parametrize("engine", ENGINES)
def test_no_live_value_reaches_the_database(engine):
    database = os.environ["SKYPLAN_POSTGRES_URL"] if engine == "postgres" else None
    with running_skyplan(database=database) as skyplan:
        owner = skyplan.users["owner"]["key"]
        prod = production(skyplan)
        status, account = skyplan.api("POST", "/aws/account", owner, {"name": "Production", "roleArn": prod["roleArn"]})
        assert status == 201, account
        status, snapshot = skyplan.api("GET", f"/aws/account/{account['id']}/us-east-1/json", owner)
        assert status == 200, snapshot
        status, blueprint = skyplan.api("POST", "/blueprint", owner, snapshot)
        assert status == 201, blueprint

        session = moto_session(skyplan, prod["roleArn"].split(":")[4])
        ec2 = session.client("ec2", endpoint_url=skyplan.moto_url)
        instance = next(i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]
                        if i["State"]["Name"] == "running")
        session.client("cloudwatch", endpoint_url=skyplan.moto_url).put_metric_data(
            Namespace="AWS/EC2", MetricData=[{"MetricName": "CPUUtilization", "Value": 61.37, "Unit": "Percent",
                                              "Dimensions": [{"Name": "InstanceId", "Value": instance["InstanceId"]}]}])
        before = database_bytes(skyplan)

        live = f"{skyplan.url}/live/{account['id']}/us-east-1?blueprint={blueprint['id']}&focus=" \
               f"arn:aws:ec2:us-east-1:{prod['roleArn'].split(':')[4]}:instance/{instance['InstanceId']}"
        first = read_events(live, owner, 1)
        ec2.stop_instances(InstanceIds=[instance["InstanceId"]])
        events = first + read_events(live, owner, 2)
        streamed = {}
        for event in events:
            for arn, status in event.get("statuses", {}).items():
                for name, value in status.get("values", {}).items():
                    streamed.setdefault(name, set()).add(value)
                streamed.setdefault("health", set()).add(status.get("health"))
        ips = {v for values in streamed.values() for v in values if v and IP.match(v)}
        assert ips, f"the live feed carried no IP address: {streamed}"
        assert "stopped" in streamed.get("state", set()), f"the stop did not reach the client: {streamed}"

        skyplan.stop()
        after = database_bytes(skyplan)
        for value in sorted(ips | {"stopped"}):
            assert value.encode() not in after, f"live value {value!r} was written to the {engine} database"
        for value in sorted(streamed.get("cpu", set())):
            assert value.encode() not in after or value.encode() in before, f"metric {value!r} was written"

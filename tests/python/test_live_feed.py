"""The live feed through the real server and the real CLI, over every family the demo has, in both
regions — the request that crashed the release build (issue 17). `make test` runs this module against
the debug build and again against the release build (`SKYPLAN_BINARY`); the harness fails the run if
the server exits on its own or does not stop within 5 s of SIGTERM with the streams open."""
import http.client
import json
import os
import subprocess
import threading

import pytest

from skyplan_harness import running_skyplan


def snapshot_arns(server, account, region):
    for _ in range(60):
        status, body = server.api("GET", f"/aws/account/{account}/{region}/json")
        if status == 200:
            return sorted({n["arn"] for n in body["data"]["nodes"] if isinstance(n, dict) and n.get("arn")})
    pytest.fail(f"no snapshot of {account}/{region}")


def first_events(server, account, region, arns, count):
    """Opens POST /live and returns the first `count` events (kind, data)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    connection.request("POST", f"/live/{account}/{region}?maxEvents={count}", body=json.dumps({"arns": arns}),
                       headers={"Authorization": f"Bearer {server.users['owner']['key']}",
                                "Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 200, response.read()
    events, kind = [], None
    for raw in response:
        line = raw.decode().rstrip("\n")
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: ") and kind:
            events.append((kind, json.loads(line[6:])))
            kind = None
    connection.close()
    return events


@pytest.fixture(scope="module")
def server():
    with running_skyplan() as running:
        accounts = {}
        for account in running.seed["accounts"].values():
            status, body = running.api("POST", "/aws/account", body={"name": account["name"],
                                                                     "roleArn": account["roleArn"]})
            assert status in (200, 201), body
            accounts[account["name"]] = body["id"]
        running.accounts = accounts
        yield running


def test_many_viewers_of_many_families_get_their_state(server):
    account = server.accounts["Production"]
    arns = snapshot_arns(server, account, "us-east-1")
    families = {arn.split(":")[2] for arn in arns}
    assert len(families) >= 6, families
    results, errors = [], []

    def view():
        try:
            results.append(first_events(server, account, "us-east-1", arns, 1))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))

    viewers = [threading.Thread(target=view) for _ in range(12)]
    for viewer in viewers:
        viewer.start()
    for viewer in viewers:
        viewer.join(timeout=180)
    assert not errors, errors
    assert len(results) == 12
    for events in results:
        kind, data = events[0]
        assert kind == "state"
        assert len(data["statuses"]) >= len(families)
    status, health = server.api("GET", "/health")
    assert status == 200, health


def test_both_regions_at_once(server):
    account = server.accounts["Production"]
    feeds = [(region, snapshot_arns(server, account, region)) for region in ("us-east-1", "eu-west-1")]
    out = {}

    def view(region, arns):
        out[region] = first_events(server, account, region, arns, 1)

    threads = [threading.Thread(target=view, args=feed) for feed in feeds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert set(out) == {"us-east-1", "eu-west-1"}
    assert all(events and events[0][0] == "state" for events in out.values())


def test_the_live_command_prints_its_tables(server):
    role = next(a["roleArn"] for a in server.seed["accounts"].values() if a["name"] == "Production")
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_REGION="us-east-1",
               AWS_ENDPOINT_URL=server.moto_url, AWS_EC2_METADATA_DISABLED="true")
    run = subprocess.run([server.binary, "live", "--role-arn", role, "--region", "us-east-1", "--interval", "1",
                          "--count", "3"], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "watching" in run.stderr
    assert run.stdout.count("\n") > 10


def test_sigterm_with_open_streams_stops_within_five_seconds():
    """Live streams, a scan-progress stream and a long poll are open when SIGTERM arrives: the server closes
    them, cancels the pollers, closes the store and exits 0 within 5 s."""
    with running_skyplan() as running:
        account = None
        for seeded in running.seed["accounts"].values():
            status, body = running.api("POST", "/aws/account", body={"name": seeded["name"],
                                                                     "roleArn": seeded["roleArn"]})
            assert status in (200, 201), body
            account = account or body["id"]
        arns = snapshot_arns(running, account, "us-east-1")
        headers = {"Authorization": f"Bearer {running.users['owner']['key']}", "Content-Type": "application/json"}
        streams = []
        for _ in range(5):
            connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=60)
            connection.request("POST", f"/live/{account}/us-east-1", body=json.dumps({"arns": arns}),
                               headers=headers)
            response = connection.getresponse()
            assert response.status == 200
            while not response.readline().startswith(b"event: state"):
                pass
            streams.append((connection, response))
        progress = http.client.HTTPConnection("127.0.0.1", running.port, timeout=60)
        progress.request("GET", f"/aws/account/{account}/eu-west-1/events", headers=headers)
        assert progress.getresponse().status == 200
        poll = threading.Thread(target=running.api, args=("GET", f"/aws/account/{account}/eu-west-1/svg?grid=true"))
        poll.start()
        import time
        time.sleep(0.5)
        started = time.monotonic()
        running._server.terminate()
        status = running._server.wait(timeout=30)
        elapsed = time.monotonic() - started
        running._server = None
        running.log.close()
        poll.join(timeout=30)
        for _, response in streams:
            assert response.read() is not None  # the stream ended (no hang)
        assert status == 0
        assert elapsed < 5, f"SIGTERM took {elapsed:.1f} s with open streams"
        print(f"shutdown with 5 live streams, a progress stream and a long poll open: {elapsed:.2f} s")

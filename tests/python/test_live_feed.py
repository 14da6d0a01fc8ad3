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


class Viewer:
    """An open POST /live/accounts stream read in a thread: statuses by ARN until closed."""

    def __init__(self, server, body):
        self.statuses, self.error = {}, None
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        self.connection.request("POST", "/live/accounts", body=json.dumps(body),
                                headers={"Authorization": f"Bearer {server.users['owner']['key']}",
                                         "Content-Type": "application/json"})
        self.response = self.connection.getresponse()
        assert self.response.status == 200, self.response.read()
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def read(self):
        kind = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: ") and kind in ("state", "change"):
                    self.statuses.update(json.loads(line[6:]).get("statuses", {}))
        except (OSError, ValueError, AttributeError) as error:  # closed under the reader
            self.error = error

    def accounts(self):
        return {arn.split(":")[4] for arn in self.statuses}

    def close(self):
        self.connection.sock.shutdown(2)
        self.connection.close()


def feeds(server):
    status, body = server.api("GET", "/live/feeds")
    assert status == 200, body
    return {(f["account"], f["region"]): f["viewers"] for f in body["feeds"]}


def wait_for(condition, timeout, message):
    import time
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(message)


def test_a_diagram_of_two_accounts_gets_both_accounts_status_through_shared_pollers(server):
    production, staging = server.accounts["Production"], server.accounts["Staging"]
    production_arns = [a for a in snapshot_arns(server, production, "us-east-1") if a.split(":")[4]]
    staging_arns = [a for a in snapshot_arns(server, staging, "eu-west-1") if a.split(":")[4]]
    assert production_arns and staging_arns
    assert feeds(server) == {}, "pollers left running by an earlier test"
    both = Viewer(server, {"accounts": [production, staging], "regions": ["us-east-1", "eu-west-1"],
                           "arns": production_arns + staging_arns})
    # A second viewer of an overlapping scope: Staging only.
    overlap = Viewer(server, {"accounts": [staging], "regions": ["eu-west-1"], "arns": staging_arns})
    try:
        wait_for(lambda: both.accounts() == {"111111111111", "222222222222"}, 120,
                 "the two-account feed did not bring both accounts' status")
        wait_for(lambda: set(overlap.statuses) == set(staging_arns), 120, "the overlapping viewer got nothing")
        assert set(both.statuses) == set(production_arns + staging_arns)
        # One poller per account-region, Staging's shared by both viewers.
        assert feeds(server) == {(production, "us-east-1"): 1, (staging, "eu-west-1"): 2}
        # A viewer of accounts it may not use is refused before any poll.
        outsider = server.users.get("user")
        if outsider:
            status, _ = server.api("POST", "/live/accounts", key=outsider["key"],
                                   body={"accounts": [production], "regions": ["us-east-1"], "arns": production_arns})
            assert status == 403
        both.close()
        # The server sees the viewer gone at its next write (a keep-alive within 15 s): Production's poller stops,
        # Staging's stays for the other viewer.
        wait_for(lambda: feeds(server) == {(staging, "eu-west-1"): 1}, 60, "the first viewer's pollers stayed")
    finally:
        overlap.close()
    wait_for(lambda: feeds(server) == {}, 60, "the last viewer left and a poller still runs")


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

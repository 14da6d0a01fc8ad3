"""The soak: a Skyplan server (the release build by default) under a realistic mix for minutes, with
moto behind a proxy that adds latency, throttles and injects 5xx — and the checks that would have
caught the live-feed crash.

    python3 tests/python/soak.py --seconds 300 [--viewers 20] [--binary PATH] [--json OUT]

Mix: `--viewers` live feeds (POST /live over several families and both demo regions, reconnecting
when a stream ends), snapshots of every account and region in json/svg/png, blueprint creates and
updates, blueprint reads and lists. At the end, with the streams still open, the server gets SIGTERM.

Checks (exit status 1 and the failed ones printed when any fails): the server never exits on its
own; no 5xx answer (a 202 "still processing" is not an error); RSS at the end ≤ 1.2× RSS after the
warm-up; every acknowledged blueprint write is read back; SIGTERM stops it within 5 s with status 0.
"""
import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from skyplan_harness import ROOT, Skyplan, free_port, wait_for  # noqa: E402

SHUTDOWN_LIMIT = 5.0
RSS_LIMIT = 1.2


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Figures:
    """Counts and latencies per kind of request, shared by the workers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.statuses = {}
        self.failures = []
        self.events = 0
        self.stopping = False

    def record(self, kind, status, seconds, detail=""):
        with self.lock:
            if self.stopping:  # what fails once SIGTERM was sent is the shutdown's, judged on its own
                return
            self.latencies.setdefault(kind, []).append(seconds)
            self.statuses.setdefault(kind, {}).setdefault(status, 0)
            self.statuses[kind][status] += 1
            if status >= 500 or status == 0:
                self.failures.append(f"{kind}: {status} {detail}"[:300])

    def add_events(self, count):
        with self.lock:
            self.events += count


class Soak:
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.figures = Figures()
        self.stop = threading.Event()
        self.acknowledged = {}  # blueprint id -> name of its last acknowledged write
        self.ack_lock = threading.Lock()
        self.random = random.Random(args.seed)

    # --- services -------------------------------------------------------------------------------------------------
    def start(self):
        self.server = Skyplan(self.tmp)
        if self.args.binary:
            self.server.binary = self.args.binary
        moto_port = self.server.moto_port
        self.moto_url = subprocess.run([os.path.join(ROOT, "scripts", "moto.sh"), "start", str(moto_port)],
                                       capture_output=True, text=True, check=True).stdout.strip()
        out = os.path.join(self.tmp, "seed.json")
        subprocess.run([sys.executable, os.path.join(ROOT, "demo", "seed.py"), self.moto_url, "--out", out],
                       check=True, capture_output=True)
        with open(out) as fh:
            self.server.seed = json.load(fh)
        self.proxy = subprocess.Popen(
            [sys.executable, os.path.join(os.path.dirname(__file__), "fault_proxy.py"), self.moto_url,
             "--latency-ms", str(self.args.latency_ms), "--rps", str(self.args.rps),
             "--error-rate", str(self.args.error_rate)], stdout=subprocess.PIPE, text=True)
        self.proxy_url = self.proxy.stdout.readline().strip()
        self.server.moto_url = self.proxy_url
        for role in ("owner",):
            self.server.add_user(role, f"{role}@example.com")
        self.key = self.server.users["owner"]["key"]
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   AWS_REGION="us-east-1", AWS_ENDPOINT_URL=self.proxy_url, AWS_EC2_METADATA_DISABLED="true")
        env.pop("AWS_PROFILE", None)
        self.log_path = os.path.join(self.tmp, "skyplan.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [self.server.binary, "serve", "--port", str(self.server.port), "--database", self.server.db,
             "--allow-unprotected-roles", "--snapshot-wait", "30"], env=env, stdout=self.log,
            stderr=subprocess.STDOUT)
        wait_for(self.server.url + "/health", proc=self.process)
        self.accounts = []
        for account in self.server.seed["accounts"].values():
            status, body = self.call("POST", "/aws/account", {"name": account["name"],
                                                                "roleArn": account["roleArn"]}, kind="setup")
            if status != 201 and status != 200:
                raise RuntimeError(f"connecting {account['name']} answered {status}: {body}")
            self.accounts.append((body["id"], body["accountId"]))

    def close(self):
        for proc in (getattr(self, "process", None), getattr(self, "proxy", None)):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
        subprocess.run([os.path.join(ROOT, "scripts", "moto.sh"), "stop", str(self.server.moto_port)],
                       capture_output=True)
        if getattr(self, "log", None):
            self.log.close()

    # --- HTTP -----------------------------------------------------------------------------------------------------
    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)

    def call(self, method, path, body=None, kind=None, headers=None):
        started = time.monotonic()
        connection = self.connection()
        status, data = 0, b""
        try:
            payload = json.dumps(body).encode() if body is not None else None
            all_headers = {"Authorization": f"Bearer {self.key}"}
            if payload is not None:
                all_headers["Content-Type"] = "application/json"
            all_headers.update(headers or {})
            connection.request(method, path, body=payload, headers=all_headers)
            response = connection.getresponse()
            status, data = response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            data = repr(error).encode()
        finally:
            connection.close()
        if kind:
            self.figures.record(kind, status, time.monotonic() - started, data[:200].decode("utf-8", "replace"))
        try:
            return status, json.loads(data)
        except ValueError:
            return status, data

    # --- workers --------------------------------------------------------------------------------------------------
    def watched_arns(self):
        """Every ARN of a snapshot of each account and region (many families), for the viewers."""
        feeds = []
        for account, aws_account in self.accounts:
            for region in ("us-east-1", "eu-west-1"):
                for _ in range(20):
                    status, body = self.call("GET", f"/aws/account/{account}/{region}/json", kind="setup")
                    if status == 200:
                        break
                    time.sleep(1)
                arns = sorted({node["arn"] for node in body.get("data", {}).get("nodes", [])
                               if isinstance(node, dict) and node.get("arn")
                               and node["arn"].split(":")[4] in ("", aws_account)}) if status == 200 else []
                if arns:
                    feeds.append((account, region, arns))
        if not feeds:
            raise RuntimeError("no snapshot answered with ARNs to watch")
        return feeds

    def viewer(self, index, feeds):
        account, region, arns = feeds[index % len(feeds)]
        path = f"/live/{account}/{region}"
        while not self.stop.is_set():
            started = time.monotonic()
            connection = self.connection(timeout=120)
            status = 0
            try:
                connection.request("POST", path, body=json.dumps({"arns": arns}).encode(),
                                   headers={"Authorization": f"Bearer {self.key}",
                                            "Content-Type": "application/json"})
                response = connection.getresponse()
                status = response.status
                events = 0
                # Read the stream for a while, then hang up and come back (browsers do).
                until = time.monotonic() + self.random.uniform(5, 20)
                while not self.stop.is_set() and time.monotonic() < until:
                    line = response.fp.readline()
                    if not line:
                        break
                    if line.startswith(b"event:"):
                        events += 1
                self.figures.add_events(events)
            except (OSError, http.client.HTTPException) as error:
                if not self.stop.is_set():
                    self.figures.record("live", 0, time.monotonic() - started, repr(error))
                    continue
            finally:
                connection.close()
            self.figures.record("live", status, time.monotonic() - started)
            if status >= 400:
                time.sleep(1)

    def snapshots(self, fresh):
        """Snapshots; `fresh` ones carry a scale no request used before, so each is a new job: a real scan."""
        formats = ["json", "svg", "png"]
        number = 0
        while not self.stop.is_set():
            number += 1
            account, _ = self.random.choice(self.accounts)
            region = self.random.choice(["us-east-1", "eu-west-1"])
            fmt = self.random.choice(formats)
            query = f"?scale=1.{number:04d}" if fresh else ""
            self.call("GET", f"/aws/account/{account}/{region}/{fmt}{query}", kind="scan" if fresh else "snapshot")

    def blueprints(self, worker):
        """Creates up to `--blueprints` blueprints, then renames existing ones (the data stays the same size, so
        that memory is judged on a steady load), reading lists, blueprints and exports between writes."""
        number = 0
        mine = []
        while not self.stop.is_set():
            number += 1
            if len(mine) >= self.args.blueprints:
                blueprint = self.random.choice(mine)
                status, body = self.call("GET", f"/blueprint/{blueprint}", kind="blueprint-read")
                if status == 200 and isinstance(body, dict):
                    renamed = f"soak-{worker}-{number}"
                    body["name"] = renamed
                    put_status, _ = self.call("PUT", f"/blueprint/{blueprint}", body, kind="blueprint-write")
                    if put_status in (200, 204):
                        with self.ack_lock:
                            self.acknowledged[blueprint] = renamed
                self.call("GET", "/blueprint", kind="blueprint-read")
                self.call("GET", f"/blueprint/{blueprint}/svg", kind="blueprint-export")
                continue
            name = f"soak-{worker}-{number}"
            status, body = self.call("POST", "/blueprint", {"name": name, "data": {
                "grid": "standard", "name": name, "version": 4, "nodes": [
                    {"id": f"n{number}", "type": "ec2", "mapPos": [number % 10, 2], "instanceType": "t3.micro"}],
                "edges": [], "groups": [], "text": [], "icons": [], "images": [], "surfaces": [], "connectors": []}},
                kind="blueprint-write")
            if status in (200, 201) and isinstance(body, dict):
                mine.append(body["id"])
                with self.ack_lock:
                    self.acknowledged[body["id"]] = name
                renamed = name + "-renamed"
                body["name"] = renamed
                body.setdefault("data", {})["name"] = renamed
                put_status, _ = self.call("PUT", f"/blueprint/{body['id']}", body, kind="blueprint-write")
                if put_status in (200, 204):
                    with self.ack_lock:
                        self.acknowledged[body["id"]] = renamed
            self.call("GET", "/blueprint", kind="blueprint-read")
            with self.ack_lock:
                some = self.random.choice(list(self.acknowledged)) if self.acknowledged else None
            if some:
                self.call("GET", f"/blueprint/{some}", kind="blueprint-read")
                self.call("GET", f"/blueprint/{some}/svg", kind="blueprint-export")

    # --- the run --------------------------------------------------------------------------------------------------
    def run(self):
        feeds = self.watched_arns()
        families = sorted({arn.split(":")[2] for _, _, arns in feeds for arn in arns})
        threads = [threading.Thread(target=self.viewer, args=(i, feeds), daemon=True)
                   for i in range(self.args.viewers)]
        threads += [threading.Thread(target=self.snapshots, args=(fresh,), daemon=True) for fresh in (False, True)]
        threads += [threading.Thread(target=self.blueprints, args=(i,), daemon=True) for i in range(4)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        warm = self.args.warmup if self.args.warmup is not None else self.args.seconds * 0.25
        rss_warm = None
        samples = []
        crashed = None
        while time.monotonic() - started < self.args.seconds:
            time.sleep(1)
            if self.process.poll() is not None:
                crashed = self.process.returncode
                break
            samples.append(rss_kib(self.process.pid))
            if rss_warm is None and time.monotonic() - started >= warm:
                warm_index = len(samples) - 1
                rss_warm = 0
        # Medians of 15 one-second samples (after the warm-up, and at the end): a PNG export's transient
        # buffers must not decide the check, a steady climb must.
        window = 15
        if rss_warm is not None:
            rss_warm = statistics.median(samples[warm_index:warm_index + window])
        rss_end = statistics.median(samples[-window:]) if samples else 0
        self.samples = samples
        # Shut down with the streams still open.
        shutdown = None
        exit_status = crashed
        if crashed is None:
            self.figures.stopping = True
            t0 = time.monotonic()
            self.process.send_signal(signal.SIGTERM)
            try:
                exit_status = self.process.wait(timeout=60)
                shutdown = time.monotonic() - t0
            except subprocess.TimeoutExpired:
                self.process.kill()
                exit_status = self.process.wait()
        self.stop.set()
        for thread in threads:
            thread.join(timeout=30)
        duration = time.monotonic() - started
        lost = self.lost_writes()
        return self.report(duration, families, rss_warm, rss_end, crashed, exit_status, shutdown, lost)

    def lost_writes(self):
        """Reads every acknowledged write back from a fresh server on the same database."""
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_REGION="us-east-1",
                   AWS_ENDPOINT_URL=self.proxy_url)
        self.server.port = free_port()
        self.process = subprocess.Popen([self.server.binary, "serve", "--port", str(self.server.port), "--database",
                                         self.server.db], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for(f"http://127.0.0.1:{self.server.port}/health", proc=self.process)
        lost = []
        for blueprint, name in sorted(self.acknowledged.items()):
            status, body = self.call("GET", f"/blueprint/{blueprint}")
            if status != 200 or body.get("name") != name:
                lost.append(f"{blueprint}: {status} {body.get('name') if isinstance(body, dict) else body!r:.80}")
        return lost

    def report(self, duration, families, rss_warm, rss_end, crashed, exit_status, shutdown, lost):
        figures = self.figures
        kinds = {}
        for kind, values in sorted(figures.latencies.items()):
            kinds[kind] = {"requests": len(values), "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                           "p99_ms": round(percentile(values, 0.99) * 1000, 1),
                           "statuses": {str(k): v for k, v in sorted(figures.statuses[kind].items())}}
        result = {
            "duration_s": round(duration, 1), "viewers": self.args.viewers, "watched_families": families,
            "requests": sum(len(v) for v in figures.latencies.values()), "live_events": figures.events,
            "kinds": kinds, "rss_warm_mib": round((rss_warm or 0) / 1024, 1), "rss_end_mib": round(rss_end / 1024, 1),
            "rss_every_10s_mib": [round(kib / 1024, 1) for kib in self.samples[9::10]],
            "errors": figures.failures[:20], "error_count": len(figures.failures), "crashed": crashed,
            "exit_status": exit_status, "shutdown_s": None if shutdown is None else round(shutdown, 2),
            "acknowledged_writes": len(self.acknowledged), "lost_writes": lost,
        }
        problems = []
        if crashed is not None:
            problems.append(f"the server exited on its own with status {crashed} (see {self.log_path})")
        if figures.failures:
            problems.append(f"{len(figures.failures)} answers were server errors: {figures.failures[:3]}")
        if rss_warm and rss_end > RSS_LIMIT * rss_warm:
            problems.append(f"RSS grew from {rss_warm} KiB after warm-up to {rss_end} KiB (> {RSS_LIMIT}×; medians of "
                            f"15 s)")
        if lost:
            problems.append(f"{len(lost)} acknowledged writes are missing: {lost[:3]}")
        if shutdown is None or shutdown > SHUTDOWN_LIMIT or exit_status != 0:
            problems.append(f"SIGTERM with open streams: exit status {exit_status} after {shutdown} s "
                            f"(limit {SHUTDOWN_LIMIT} s, status 0)")
        if not figures.events:
            problems.append("no live event reached any viewer")
        result["problems"] = problems
        return result


def release_binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    return os.path.join(path, "skyplan")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--viewers", type=int, default=20)
    parser.add_argument("--binary", help="the skyplan binary (default: the release build, then SKYPLAN_BINARY)")
    parser.add_argument("--latency-ms", type=float, default=20)
    parser.add_argument("--rps", type=float, default=10, help="throttle: requests a second per region and action")
    parser.add_argument("--error-rate", type=float, default=0.03, help="share of AWS answers that are 5xx")
    parser.add_argument("--warmup", type=float, help="seconds before the RSS baseline (default: a quarter of the run)")
    parser.add_argument("--blueprints", type=int, default=100, help="blueprints each of the 4 writers creates")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)
    args.binary = args.binary or os.environ.get("SKYPLAN_BINARY") or release_binary()
    with tempfile.TemporaryDirectory(prefix="skyplan-soak-") as tmp:
        soak = Soak(args, tmp)
        try:
            soak.start()
            result = soak.run()
        finally:
            soak.close()
        if result["problems"]:
            with open(soak.log_path) as fh:
                result["server_log_tail"] = fh.read()[-4000:]
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=2)
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""Starts what an end-to-end test needs: moto seeded with an environment, and `skyplan serve`
on a fresh SQLite file with users and keys. Everything runs on loopback and is stopped on exit."""
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def free_port():
    """A free port below Linux's ephemeral range (32768-60999). A port from `bind(0)` comes from that range, and
    until the server binds it, any outgoing connection (the seed's calls to moto, a PostgreSQL client) may take it
    as its source port: the server then fails with "already in use" (seen in CI). Ports below the range are never
    handed out to clients, so one free now stays free for the server."""
    for _ in range(500):
        port = random.randint(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port between 20000 and 32000")


def skyplan_binary():
    """`$SKYPLAN_BINARY` when set (CI runs the suites again against the release build), else the debug build."""
    if os.environ.get("SKYPLAN_BINARY"):
        return os.environ["SKYPLAN_BINARY"]
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    binary = os.path.join(path, "skyplan")
    if not os.path.exists(binary):
        raise RuntimeError(f"{binary} is missing: run `swift build --product skyplan` first")
    return binary


def wait_for(url, timeout=60, proc=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


class Skyplan:
    """A running Skyplan with moto behind it. Attributes: url, moto_url, seed, db_path, binary,
    and users: {role: {"email", "password", "key"}} for owner, admin, user."""

    def __init__(self, tmp, seed_env=None, database=None):
        self.tmp = tmp
        self.binary = skyplan_binary()
        self.moto_port = free_port()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_path = os.path.join(tmp, "skyplan.sqlite")
        self.db = database or f"sqlite:{self.db_path}"
        # A shared PostgreSQL database outlives this server: make the users' emails unique.
        self.email_suffix = "" if database is None else f"-{self.port}"
        self.users = {}
        self._server = None
        self.seed_env = seed_env or os.path.join(ROOT, "demo", "environment.json")

    def start(self):
        self.moto_url = subprocess.run([os.path.join(ROOT, "scripts", "moto.sh"), "start", str(self.moto_port)],
                                       capture_output=True, text=True, check=True).stdout.strip()
        out = os.path.join(self.tmp, "seed.json")
        subprocess.run([sys.executable, os.path.join(ROOT, "demo", "seed.py"), self.moto_url, "--env", self.seed_env,
                        "--out", out], check=True, capture_output=True)
        with open(out) as fh:
            self.seed = json.load(fh)
        for role in ("owner", "admin", "user"):
            self.add_user(role, f"{role}{self.email_suffix}@example.com")
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_REGION="us-east-1",
                   AWS_ENDPOINT_URL=self.moto_url)
        env.pop("AWS_PROFILE", None)
        self.log = open(os.path.join(self.tmp, "skyplan.log"), "w")
        self._server = subprocess.Popen([self.binary, "serve", "--port", str(self.port), "--database", self.db,
                                         "--allow-unprotected-roles", "--snapshot-wait", "60"],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for(self.url + "/health", proc=self._server)
        return self

    def add_user(self, role, email):
        created = subprocess.run([self.binary, "user", "create", "--email", email, "--name", email.split("@")[0],
                                  "--role", role, "--database", self.db], stdin=subprocess.DEVNULL,
                                 capture_output=True, text=True, check=True).stdout
        password = [line.split(": ", 1)[1] for line in created.splitlines() if line.startswith("password: ")][0]
        key = subprocess.run([self.binary, "apikey", "create", "--email", email, "--access", "read-write",
                              "--database", self.db], capture_output=True, text=True, check=True).stdout.strip()
        self.users[role] = {"email": email, "password": password, "key": key}
        return self.users[role]

    def api(self, method, path, key=None, body=None):
        """Calls the API; returns (status, parsed JSON or raw bytes)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {key or self.users['owner']['key']}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=180) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw

    def stop(self):
        """Stops the server and moto. Raises when the server had exited on its own (a crash), did not stop
        within 5 s of SIGTERM, or stopped with a non-zero status: any of those fails the run."""
        problem = None
        if self._server is not None:
            crashed = self._server.poll()
            if crashed is not None:
                problem = f"skyplan serve exited on its own with status {crashed}"
            else:
                self._server.terminate()
                try:
                    status = self._server.wait(timeout=5)
                    if status != 0:
                        problem = f"skyplan serve stopped with status {status} after SIGTERM"
                except subprocess.TimeoutExpired:
                    self._server.kill()
                    self._server.wait()
                    problem = "skyplan serve did not stop within 5 s of SIGTERM"
            self.log.close()
            self._server = None
        subprocess.run([os.path.join(ROOT, "scripts", "moto.sh"), "stop", str(self.moto_port)], capture_output=True)
        if problem:
            with open(os.path.join(self.tmp, "skyplan.log")) as fh:
                tail = fh.read()[-3000:]
            raise RuntimeError(f"{problem}; its log ends:\n{tail}")


@contextlib.contextmanager
def running_skyplan(seed_env=None, database=None):
    with tempfile.TemporaryDirectory(prefix="skyplan-e2e-") as tmp:
        skyplan = Skyplan(tmp, seed_env, database)
        try:
            yield skyplan.start()
        finally:
            skyplan.stop()

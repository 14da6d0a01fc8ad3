"""A reverse proxy in front of moto that behaves like a busy AWS: added latency, throttling per
(service, action) token bucket, and a share of 5xx answers, each in the shape of the caller's
protocol so that the client's retry rules see what AWS would send. Loopback only, stdlib only.

    python3 tests/python/fault_proxy.py UPSTREAM_URL [--latency-ms 20] [--rps 20] [--error-rate 0.03]

prints the URL it listens on as its first line, then serves until killed. `GET /__stats` answers
the counts (requests, throttled, injected errors) as JSON; `POST /__reset` zeroes them.
"""
import argparse
import asyncio
import json
import random
import re
import sys
import time
import urllib.parse

SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")


class Bucket:
    def __init__(self, rate):
        self.rate, self.tokens, self.stamp = rate, rate, time.monotonic()

    def take(self):
        now = time.monotonic()
        self.tokens = min(self.rate, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def protocol(headers, body):
    """'json', 'rest', 'ec2' or 'query' — how the caller expects an error to look."""
    content_type = headers.get("content-type", "")
    if "x-amz-json" in content_type:
        return "json"
    if "x-www-form-urlencoded" in content_type:
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        return "ec2" if form.get("Version", [""])[0].startswith("2016-11-15") else "query"
    return "rest"


def action_of(method, path, headers, body):
    target = headers.get("x-amz-target")
    if target:
        return target.split(".")[-1]
    if "x-www-form-urlencoded" in headers.get("content-type", ""):
        return urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", ["?"])[0]
    return method + " " + path.split("?")[0].rstrip("/").rsplit("/", 1)[0]


def error_response(kind, status, code, message):
    if kind == "json":
        body = json.dumps({"__type": code, "message": message}).encode()
        headers = {"Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": code}
    elif kind == "rest":
        body = json.dumps({"message": message}).encode()
        headers = {"Content-Type": "application/json", "x-amzn-ErrorType": code}
    elif kind == "ec2":
        body = (f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
                f"<RequestID>fault-proxy</RequestID></Response>").encode()
        headers = {"Content-Type": "text/xml"}
    else:
        body = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message>"
                f"</Error><RequestId>fault-proxy</RequestId></ErrorResponse>").encode()
        headers = {"Content-Type": "text/xml"}
    return status, headers, body


class Proxy:
    def __init__(self, upstream, latency_ms, rps, error_rate, seed):
        parsed = urllib.parse.urlparse(upstream)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.latency, self.rps, self.error_rate = latency_ms / 1000, rps, error_rate
        self.random = random.Random(seed)
        self.buckets = {}
        self.stats = {"requests": 0, "throttled": 0, "errors": 0}

    async def read_request(self, reader):
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        body = await reader.readexactly(length) if length else b""
        return method, target, headers, body

    async def forward(self, method, target, headers, body):
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            out = [f"{method} {target} HTTP/1.1"]
            for name, value in headers.items():
                if name not in ("connection", "keep-alive", "transfer-encoding", "content-length"):
                    out.append(f"{name}: {value}")
            out += [f"content-length: {len(body)}", "connection: close", "", ""]
            writer.write("\r\n".join(out).encode("latin-1") + body)
            await writer.drain()
            raw = await reader.read()
        finally:
            writer.close()
        head, _, rest = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        response_headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                response_headers[name.strip()] = value.strip()
        if response_headers.get("Transfer-Encoding", response_headers.get("transfer-encoding", "")) == "chunked":
            rest = dechunk(rest)
        for name in list(response_headers):
            if name.lower() in ("transfer-encoding", "content-length", "connection"):
                del response_headers[name]
        return status, response_headers, rest

    def decide(self, kind, headers, method, target, body):
        """None to forward, or an injected (status, headers, body)."""
        scope = SCOPE.search(headers.get("authorization", ""))
        region, service = scope.groups() if scope else ("?", "?")
        key = (region, service, action_of(method, target, headers, body))
        if self.rps > 0:
            bucket = self.buckets.setdefault(key, Bucket(self.rps))
            if not bucket.take():
                self.stats["throttled"] += 1
                if kind == "ec2":
                    return error_response(kind, 503, "RequestLimitExceeded", "Request limit exceeded.")
                if kind == "rest":
                    return error_response(kind, 429, "TooManyRequestsException", "Rate exceeded")
                return error_response(kind, 400, "Throttling" if kind == "query" else "ThrottlingException",
                                      "Rate exceeded")
        if self.random.random() < self.error_rate:
            self.stats["errors"] += 1
            status = self.random.choice([500, 502, 503])
            return error_response(kind, status, "InternalFailure" if status == 500 else "ServiceUnavailable",
                                  "injected by the fault proxy")
        return None

    async def handle(self, reader, writer):
        try:
            while True:
                try:
                    method, target, headers, body = await self.read_request(reader)
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                if target.startswith("/__stats"):
                    status, response_headers, payload = 200, {"Content-Type": "application/json"}, \
                        json.dumps(self.stats).encode()
                elif target.startswith("/__reset"):
                    self.stats = {k: 0 for k in self.stats}
                    status, response_headers, payload = 200, {"Content-Type": "application/json"}, b"{}"
                else:
                    self.stats["requests"] += 1
                    await asyncio.sleep(self.latency * (0.5 + self.random.random()))
                    injected = self.decide(protocol(headers, body), headers, method, target, body)
                    if injected is None:
                        status, response_headers, payload = await self.forward(method, target, headers, body)
                    else:
                        status, response_headers, payload = injected
                lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in response_headers.items()]
                lines += [f"Content-Length: {len(payload)}", "", ""]
                writer.write("\r\n".join(lines).encode("latin-1") + payload)
                await writer.drain()
        except Exception as error:  # a broken client connection must not stop the proxy
            print(f"fault_proxy: {error!r}", file=sys.stderr)
        finally:
            writer.close()


def dechunk(data):
    out, rest = b"", data
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2:]
    return out


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("upstream")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=20)
    parser.add_argument("--rps", type=float, default=20, help="per (region, service, action); 0 = no throttling")
    parser.add_argument("--error-rate", type=float, default=0.03, help="share of requests answered 5xx")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    proxy = Proxy(args.upstream, args.latency_ms, args.rps, args.error_rate, args.seed)
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", args.port)
    print(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())

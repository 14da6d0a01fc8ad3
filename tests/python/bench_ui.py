#!/usr/bin/env python3
"""Web UI benchmark (not a test): first render and pan/zoom frame time of a diagram in headless Chromium.

    python3 tests/python/bench_ui.py                 # synthetic 10,000-component diagram + demo-sized one
    python3 tests/python/bench_ui.py --components 2000,10000
    python3 tests/python/bench_ui.py --server http://127.0.0.1:8080 --email E --password P --account ID --region us-east-1
    python3 tests/python/bench_ui.py --sample DIR/sample-400-isometric-light.svg --tiles 1,25   # real renderer markup
    python3 tests/python/bench_ui.py --serve 8099    # only run the stand-in server (UI development)

Without --server it serves the real UI assets (Sources/SkyplanServer/Public) from a small stand-in
API that answers the routes the diagram page uses with a synthetic SVG in the server's markup
(`id="c-<id>" class="component type-..." data-arn`, `<g id="interactionLayer">`). With --server it
measures the real server's diagram. Timings come from the page's Performance API: `performance.mark`
`skyplan:svg-inserted` (SVG in the DOM and laid out) and requestAnimationFrame deltas while the
page pans and zooms (each step changes the view transform, as a drag or wheel does).
"""
import argparse
import json
import math
import os
import statistics
import sys
import threading
import time
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT / "Sources" / "SkyplanServer" / "Public"
TYPES = ["ec2", "ebs", "rds", "lambda", "s3", "dynamodb", "sqs", "sns", "elb", "elasticache", "natgateway"]
COLORS = {"ec2": "#ED7100", "lambda": "#ED7100", "ebs": "#7AA116", "s3": "#7AA116", "rds": "#C925D1",
          "dynamodb": "#C925D1", "elasticache": "#C925D1", "sqs": "#E7157B", "sns": "#E7157B",
          "elb": "#8C4FFF", "natgateway": "#8C4FFF"}


def synthetic_svg(count, projection="isometric", theme="light", exclude=()):
    """A diagram of `count` components in subnets of 100, in the server's SVG markup."""
    per_subnet, cols, cell = 100, 10, 40
    subnets = max(1, math.ceil(count / per_subnet))
    sub_cols = max(1, math.ceil(math.sqrt(subnets)))
    sub_w = cols * cell + 40
    width = sub_cols * (sub_w + 30) + 60
    height = math.ceil(subnets / sub_cols) * (sub_w + 30) + 60
    bg = "#ffffff" if theme == "light" else "#151b26"
    ink = "#1b2330" if theme == "light" else "#e6e9ef"
    out = ['<?xml version="1.0" standalone="no"?>',
           '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
           f'<rect width="100%" height="100%" fill="{bg}"/>',
           f'<g id="group-vpc" class="group type-vpc"><rect x="20" y="20" width="{width-40}" height="{height-40}" '
           f'fill="none" stroke="#8C4FFF" stroke-width="2"/><text x="30" y="40" fill="{ink}">vpc-demo (10.0.0.0/16)</text></g>']
    n = 0
    for s in range(subnets):
        sx = 40 + (s % sub_cols) * (sub_w + 30)
        sy = 50 + (s // sub_cols) * (sub_w + 30)
        out.append(f'<g class="group type-subnet"><rect x="{sx}" y="{sy}" width="{sub_w}" height="{sub_w}" fill="none" '
                   f'stroke="#00A4A6" rx="4"/><text x="{sx+8}" y="{sy+16}" font-size="11" fill="{ink}">subnet-{s:04d}</text></g>')
        for i in range(min(per_subnet, count - n)):
            t = TYPES[n % len(TYPES)]
            if t in exclude:
                n += 1
                continue
            x = sx + 20 + (i % cols) * cell
            y = sy + 26 + (i // cols) * cell
            cid = f"00000000-0000-4000-8000-{n:012d}"
            arn = f"arn:aws:ec2:us-east-1:111111111111:instance/i-{n:017x}" if t == "ec2" else f"arn:aws:{t}:us-east-1:111111111111:{t}/{t}-{n}"
            c = COLORS[t]
            if projection == "isometric":
                shape = (f'<path d="M{x} {y+10}l14 -8 14 8 -14 8z" fill="{c}"/><path d="M{x} {y+10}v12l14 8v-12z" '
                         f'fill="{c}" opacity=".75"/><path d="M{x+28} {y+10}v12l-14 8v-12z" fill="{c}" opacity=".55"/>')
            else:
                shape = f'<rect x="{x}" y="{y}" width="28" height="28" rx="4" fill="{c}"/>'
            out.append(f'<g id="c-{cid}" class="component type-{t}" data-arn="{arn}">{shape}'
                       f'<text x="{x+14}" y="{y+38}" font-size="7" text-anchor="middle" fill="{ink}">{t}-{n}</text></g>')
            n += 1
    out.append('<g id="interactionLayer" fill="none"></g></svg>')
    return "\n".join(out)


def standin_budget(currency, period):
    """A budget report in SkyplanBudget's BudgetReport shape (figures are made up)."""
    rows = [("ec2", 412.5, 24, 0), ("rds", 388.0, 2, 0), ("elb", 22.3, 1, 0), ("natgateway", 65.7, 2, 0),
            ("lambda", 3.1, 3, 1), ("s3", 11.5, 2, 0)]
    return {"currency": currency, "period": period, "rate": "effective", "bookVersion": "bundled 2025-01",
            "exchangeRatesAsOf": "" if currency == "USD" else "2025-01-02", "total": sum(r[1] for r in rows),
            "unpricedComponentCount": 1, "unpricedLineCount": 1, "assumptionLineCount": 2,
            "components": [{"id": "x", "name": "thumbnailer", "type": "lambda", "region": "us-east-1", "count": 1,
                            "cost": None, "pricedCost": 0, "lines": [{"item": "requests", "assumption": True,
                                                                      "quantity": 1, "unit": "M requests",
                                                                      "quantitySource": "assumption mRequests",
                                                                      "note": "default usage"}]}],
            "rollups": {"service": [{"key": k, "monthlyCost": c, "componentCount": n, "unpricedLineCount": u}
                                    for k, c, n, u in rows],
                        "vpc": [{"key": "vpc-demo", "monthlyCost": 880.0, "componentCount": 30, "unpricedLineCount": 0}]}}


def tiled_svg(path, copies):
    """`copies` copies of a renderer-made SVG (e.g. `skyplan-bench layout --samples DIR`) in a grid, ids kept
    unique: a large diagram in the real renderer's markup."""
    import re
    text = Path(path).read_text(encoding="utf-8")
    head = re.search(r"<svg[^>]*>", text)
    x0, y0, w, h = (float(v) for v in re.search(r'viewBox="([^"]+)"', head.group(0)).group(1).split())
    body = text[head.end():text.rindex("</svg>")]
    defs = re.search(r"<defs>.*?</defs>", body, re.S)
    body = body.replace(defs.group(0), "") if defs else body
    body = body.replace('<g id="interactionLayer" fill="none"></g>', "")
    cols = max(1, math.ceil(math.sqrt(copies)))
    rows = math.ceil(copies / cols)
    out = [text[:head.start()], f'<svg xmlns="http://www.w3.org/2000/svg" width="{w * cols:.0f}" height="{h * rows:.0f}" '
           f'viewBox="{x0} {y0} {w * cols:.2f} {h * rows:.2f}">', defs.group(0) if defs else ""]
    for k in range(copies):
        copy = re.sub(r'id="([cg])-', rf'id="\1-{k}-', body)
        copy = re.sub(r'id="(background|grid|groups|components|labels|edges|notes)"', rf'id="\1-{k}"', copy)
        out.append(f'<g transform="translate({(k % cols) * w:.2f} {(k // cols) * h:.2f})">{copy}</g>')
    out.append('<g id="interactionLayer" fill="none"></g></svg>')
    return "\n".join(out)


class StandIn:
    """The state of the stand-in API: one owner, accounts, teams; diagrams of `components` components."""

    def __init__(self, components, svg=None):
        self.components = components
        self.svg = svg
        self.png = None
        self.user = {"id": str(uuid.uuid4()), "name": "Bench Owner", "email": "owner@bench.local", "role": "owner",
                     "externalId": str(uuid.uuid4()), "settings": {"currency": "USD"}}
        self.accounts = [{"id": str(uuid.uuid4()), "name": "Synthetic", "roleArn": "arn:aws:iam::111111111111:role/skyplan",
                          "accountId": "111111111111", "region": "us-east-1", "readAccess": None, "writeAccess": None,
                          "externalId": self.user["externalId"], "CreatorId": self.user["id"], "source": "aws",
                          "check": {"status": "ok"}}]
        self.teams = []
        self.blueprints = []


def make_handler(state):
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(PUBLIC), **kw)

        def log_message(self, *args):
            pass

        def send_json(self, status, obj):
            body = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def send_sse(self, events, delay=0.0):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            for name, data in events:
                self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
                self.wfile.flush()
                time.sleep(delay)
            time.sleep(0.5)

        def body(self):
            n = int(self.headers.get("Content-Length") or 0)
            return json.loads(self.rfile.read(n) or b"{}")

        def route(self, method):
            url = urlparse(self.path)
            path = url.path[4:] if url.path.startswith("/api/") else url.path
            q = {k: v[-1] for k, v in parse_qs(url.query).items()}
            parts = [p for p in path.split("/") if p]
            if path in ("/auth/session", "/auth/login"):
                return self.send_json(200, {"user": state.user, "csrfToken": "bench"})
            if path == "/auth/logout":
                return self.send_json(200, {})
            if path == "/user/me":
                return self.send_json(200, state.user)
            if path == "/team":
                return self.send_json(200, state.teams)
            if path == "/blueprint" and method == "GET":
                return self.send_json(200, {"blueprints": state.blueprints})
            if path == "/aws/account" and method == "GET":
                return self.send_json(200, {"accounts": state.accounts})
            if path == "/aws/account/iamParameters":
                ext = state.user["externalId"]
                return self.send_json(200, {"accountId": "000000000000", "externalId": ext, "awsConsoleUrl":
                                            "https://console.aws.amazon.com/iam/home?#/roles$new?step=type&roleType=crossAccount"
                                            f"&isThirdParty&accountID=000000000000&externalID={ext}&roleName=skyplan"})
            if "(" in q.get("filter", "") and ")" not in q["filter"]:
                return self.send_json(400, {"error": f"filter syntax error at position {len(q['filter'])}: expected ')' "
                                            f"to close the '(' at position {q['filter'].index('(')}",
                                            "reason": "invalid_parameter", "code": 400})
            if len(parts) == 5 and parts[4] == "png" and state.png:
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(state.png)))
                self.end_headers()
                return self.wfile.write(state.png)
            if len(parts) == 5 and parts[:2] == ["aws", "account"] and parts[4] in ("svg", "json"):
                if parts[4] == "json":
                    return self.send_json(200, {"data": {"name": "synthetic", "nodes": [], "edges": [], "groups": []}})
                exclude = tuple(filter(None, q.get("exclude", "").split(",")))
                svg = state.svg or synthetic_svg(state.components, q.get("projection", "isometric"), q.get("theme", "light"), exclude)
                body = svg.encode()
                self.send_response(200)
                self.send_header("Content-Type", "image/svg+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return self.wfile.write(body)
            if len(parts) == 5 and parts[4] == "events":
                return self.send_sse([("progress", {"phase": "collecting", "region": parts[3], "service": svc,
                                                    "done": i + 1, "total": 6, "diagnostics": [] if svc != "eks" else
                                                    [{"service": "eks", "code": "AccessDenied",
                                                      "message": "eks:ListClusters denied"}]})
                                      for i, svc in enumerate(["ec2", "rds", "lambda", "s3", "sqs", "eks"])], delay=.15)
            if parts[:1] == ["live"]:
                health = ["ok", "ok", "warning", "error", "stopped"]
                statuses = {f"arn:aws:ec2:us-east-1:111111111111:instance/i-{n:017x}": {
                    "health": health[(n // 11) % 5], "alarms": 1 if n % 3 == 0 else 0, "stale": False,
                    "values": {"state": "running", "cpu": f"{n % 97}%"}} for n in range(0, min(state.components, 400), 11)}
                return self.send_sse([("state", {"statuses": statuses})], delay=0)
            if path == "/blueprint" and method == "POST":
                bp = {"id": str(uuid.uuid4()), "name": self.body().get("name", "Untitled"), "data": {}}
                state.blueprints.append(bp)
                return self.send_json(201, bp)
            if len(parts) == 4 and parts[0] == "blueprint" and parts[2] == "budget" and parts[3] == "json":
                return self.send_json(200, standin_budget(q.get("currency", "USD"), q.get("period", "m")))
            if path.startswith(("/aws/", "/blueprint", "/live", "/apikey", "/audit", "/user")):
                return self.send_json(404, {"error": "Not found", "reason": "not_found", "code": 404})
            if method == "GET":
                return super().do_GET()
            return self.send_json(404, {"error": "Not found", "reason": "not_found", "code": 404})

        def do_GET(self):
            self.route("GET")

        def do_POST(self):
            self.route("POST")

        def do_PUT(self):
            self.route("PUT")

        def do_DELETE(self):
            self.route("DELETE")

    Handler.extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".svg": "image/svg+xml"}
    return Handler


def png_of(svg, max_side=4096):
    """The PNG the server would export for `svg` (the stand-in has no librsvg): Chromium renders it."""
    import base64
    import re
    import tempfile
    w, h = (float(v) for v in re.search(r'viewBox="[^ ]+ [^ ]+ ([^ ]+) ([^"]+)"', svg).groups())
    k = min(1.0, max_side / max(w, h))
    sized = re.sub(r'(<svg[^>]*?) width="[^"]+" height="[^"]+"', rf'\1 width="{w * k:.0f}" height="{h * k:.0f}"', svg, 1)
    with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False) as fh:
        fh.write(sized)
    driver = chrome(800, 600)
    try:
        driver.get("file://" + fh.name)
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": round(w * k), "height": round(h * k), "scale": 1}})
        return base64.b64decode(shot["data"])
    finally:
        driver.quit()
        os.unlink(fh.name)


def serve(port, components, svg=None, png=False):
    state = StandIn(components, svg)
    if png:
        state.png = png_of(svg or synthetic_svg(components))
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chrome(width=1440, height=900):
    from selenium import webdriver
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                "--disable-gpu-vsync", "--disable-frame-rate-limit"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.webdriver.chrome.service import Service
    return webdriver.Chrome(options=opts, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))


MEASURE_JS = """
const done = arguments[arguments.length - 1];
const canvas = document.querySelector('.canvas');
const stage = document.querySelector('.stage');
const frames = [];
let last = performance.now(), i = 0;
const steps = arguments[0];
function step(now) {
  frames.push(now - last); last = now;
  if (i >= steps) { done(frames.slice(2)); return; }
  const r = canvas.getBoundingClientRect();
  if (i % 2 === 0) canvas.dispatchEvent(new WheelEvent('wheel', {deltaY: i % 4 === 0 ? -60 : 60, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
  else { canvas.dispatchEvent(new PointerEvent('pointerdown', {pointerId: 1, button: 0, clientX: 300, clientY: 300, bubbles: true}));
         canvas.dispatchEvent(new PointerEvent('pointermove', {pointerId: 1, clientX: 340, clientY: 320, bubbles: true}));
         canvas.dispatchEvent(new PointerEvent('pointerup', {pointerId: 1, clientX: 340, clientY: 320, bubbles: true})); }
  i++;
  requestAnimationFrame(step);
}
requestAnimationFrame((t) => { last = t; requestAnimationFrame(step); });
"""


def measure(base, login=None, account=None, region="us-east-1", steps=120):
    """Opens the diagram page, scans, returns the timings in milliseconds."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver = chrome()
    try:
        driver.set_script_timeout(120)
        driver.get(base + "/")
        if login:
            WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "login-email"))
            driver.find_element(By.ID, "login-email").send_keys(login[0])
            driver.find_element(By.ID, "login-password").send_keys(login[1])
            driver.find_element(By.ID, "login-submit").click()
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#scan-button:not([disabled])"))
        if account:
            driver.execute_script("document.getElementById('account-select').value = arguments[0]", account)
        t0 = driver.execute_script("return performance.now()")
        driver.find_element(By.ID, "scan-button").click()
        WebDriverWait(driver, 300).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".canvas[data-loaded=true]"))
        # First render: click → SVG in the DOM (mark) → first frame painted after it.
        painted = driver.execute_async_script(
            "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame((t) => done(t)));")
        inserted = driver.execute_script(
            "const m = performance.getEntriesByName('skyplan:svg-inserted'); return m[m.length-1].startTime")
        parse = driver.execute_script(
            "const m = performance.getEntriesByName('skyplan:render'); return m.length ? m[m.length-1].duration : null")
        count = driver.execute_script("return document.querySelectorAll('.stage .component').length")
        proxy = None
        if count >= 1500:
            try:
                WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".canvas[data-proxy=ready]"))
                proxy = driver.execute_script("return performance.now()") - t0
            except Exception:
                proxy = None
        frames = driver.execute_async_script(MEASURE_JS, steps)
        return {"components": count, "click_to_svg_ms": inserted - t0, "click_to_paint_ms": painted - t0,
                "parse_insert_ms": parse, "frame_ms_median": statistics.median(frames),
                "frame_ms_p95": sorted(frames)[int(len(frames) * .95) - 1], "frames": len(frames),
                "proxy_ready_ms": proxy}
    finally:
        driver.quit()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--components", default="60,10000", help="comma-separated sizes of synthetic diagrams")
    p.add_argument("--serve", type=int, help="only serve the stand-in API on this port")
    p.add_argument("--server", help="measure a running Skyplan instead")
    p.add_argument("--email")
    p.add_argument("--password")
    p.add_argument("--account", help="account id (uuid) to scan on --server")
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--sample", help="a renderer-made SVG to tile instead of the built-in synthetic markup")
    p.add_argument("--tiles", default="1,25", help="with --sample: comma-separated numbers of copies")
    p.add_argument("--no-proxy", dest="proxy", action="store_false",
                   help="serve no PNG, so large diagrams move as SVG (the UI's fallback)")
    args = p.parse_args()
    if args.serve:
        serve(args.serve, int(args.components.split(",")[-1]))
        print(f"stand-in Skyplan UI on http://127.0.0.1:{args.serve}/ (Ctrl-C stops)", flush=True)
        while True:
            time.sleep(3600)
    results = []
    if args.sample:
        for tiles in (int(x) for x in args.tiles.split(",")):
            server = serve(0, 0, tiled_svg(args.sample, tiles), png=args.proxy)
            try:
                results.append((f"sample x{tiles}", measure(f"http://127.0.0.1:{server.server_address[1]}")))
            finally:
                server.shutdown()
    elif args.server:
        results.append(("server", measure(args.server.rstrip("/"), (args.email, args.password), args.account, args.region)))
    else:
        for n in (int(x) for x in args.components.split(",")):
            server = serve(0, n, png=args.proxy)
            try:
                results.append((f"synthetic {n}", measure(f"http://127.0.0.1:{server.server_address[1]}")))
            finally:
                server.shutdown()
    for name, r in results:
        print(f"{name:>16}: {r['components']:>6} components | click→SVG {r['click_to_svg_ms']:7.1f} ms | "
              f"click→first paint {r['click_to_paint_ms']:7.1f} ms | parse+insert {r['parse_insert_ms'] or 0:6.1f} ms | "
              f"pan/zoom frame median {r['frame_ms_median']:5.1f} ms p95 {r['frame_ms_p95']:5.1f} ms ({r['frames']} frames)"
              + (f" | PNG stand-in ready {r['proxy_ready_ms']:.0f} ms after click" if r["proxy_ready_ms"] else ""))


if __name__ == "__main__":
    sys.exit(main())

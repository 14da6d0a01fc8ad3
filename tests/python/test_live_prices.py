"""`skyplan budget --live-prices` end to end: the product binary asks a fake Price List endpoint (moto has no
Pricing API) for the one SKU the bundled book lacks, keeps the answer in the store with its date, reuses it
until it is older than --price-max-age, and leaves the line unpriced with the reason when the call is denied.

    python3 -m pytest -q tests/python/test_live_prices.py
"""
import json
import os
import sqlite3
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from skyplan_harness import skyplan_binary

# A Windows m5.large in eu-west-1 (the book has no Windows prices) beside a Linux one it does price.
BLUEPRINT = {"data": {"name": "win", "version": 4, "nodes": [
    {"type": "ec2", "id": "w1", "name": "win", "region": "eu-west-1", "mapPos": [0, 0], "instanceType": "m5",
     "instanceSize": "large", "platform": "windows"},
    {"type": "ec2", "id": "l1", "name": "lin", "region": "us-east-1", "mapPos": [2, 0], "instanceType": "m5",
     "instanceSize": "large", "platform": "linux"}], "edges": [], "groups": []}}

# The test double's figure: a GetProducts item of the real shape (not a price Skyplan ships anywhere).
ITEM = {"product": {"productFamily": "Compute Instance", "sku": "TESTSKU", "attributes": {
    "instanceType": "m5.large", "operatingSystem": "Windows", "tenancy": "Shared", "preInstalledSw": "NA",
    "capacitystatus": "Used", "licenseModel": "No License required", "regionCode": "eu-west-1",
    "usagetype": "EU-BoxUsage:m5.large", "operation": "RunInstances:0002"}}, "serviceCode": "AmazonEC2",
    "terms": {"OnDemand": {"TESTSKU.JRTCKXETXF": {"priceDimensions": {"TESTSKU.JRTCKXETXF.6YS6EN2CT7": {
        "unit": "Hrs", "endRange": "Inf", "beginRange": "0", "description": "test double",
        "rateCode": "TESTSKU.JRTCKXETXF.6YS6EN2CT7", "pricePerUnit": {"USD": "0.5000000000"}}},
        "sku": "TESTSKU", "effectiveDate": "2026-11-01T00:00:00Z", "offerTermCode": "JRTCKXETXF",
        "termAttributes": {}}}}, "version": "test", "publicationDate": "2026-11-01T00:00:00Z"}


class FakePriceList(BaseHTTPRequestHandler):
    requests = []
    deny = False

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakePriceList.requests.append((self.headers["X-Amz-Target"], body))
        if FakePriceList.deny:
            answer, status = {"__type": "AccessDeniedException", "message": "not authorized: pricing:GetProducts"}, 400
        else:
            answer, status = {"FormatVersion": "aws_v1", "PriceList": [json.dumps(ITEM)]}, 200
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePriceList)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def run_budget(endpoint, tmp_path, *args):
    path = tmp_path / "blueprint.json"
    path.write_text(json.dumps(BLUEPRINT))
    env = dict(os.environ, AWS_ENDPOINT_URL_PRICING=endpoint, AWS_ACCESS_KEY_ID="AKIDTEST",
               AWS_SECRET_ACCESS_KEY="secret", AWS_REGION="us-east-1", AWS_MAX_ATTEMPTS="1")
    env.pop("AWS_ENDPOINT_URL", None)
    out = subprocess.run([skyplan_binary(), "budget", str(path), "--format", "json", "--live-prices", *args],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    return next(c for c in report["components"] if c["id"] == "w1")["lines"][0], report


def test_live_price_is_fetched_once_kept_in_the_store_and_refreshed_when_old(endpoint, tmp_path):
    FakePriceList.requests.clear()
    FakePriceList.deny = False
    cache = tmp_path / "prices.sqlite"
    line, report = run_budget(endpoint, tmp_path, "--price-cache", f"sqlite:{cache}")
    assert line["unitPrice"] == 0.5 and line["priceSource"] == "offer:AmazonEC2 GetProducts", line
    assert line["priceAsOf"].startswith("20"), line
    assert report["unpricedLineCount"] == 0
    assert len(FakePriceList.requests) == 1, "only the SKU the book lacks"
    target, body = FakePriceList.requests[0]
    assert target == "AWSPriceListService.GetProducts" and body["ServiceCode"] == "AmazonEC2"
    assert {"Type": "TERM_MATCH", "Field": "operatingSystem", "Value": "Windows"} in body["Filters"]
    with sqlite3.connect(cache) as db:
        rows = db.execute("SELECT query_key, fetched_at FROM price_cache").fetchall()
    assert len(rows) == 1 and "instanceType=m5.large" in rows[0][0] and rows[0][1] > 0, rows

    again, _ = run_budget(endpoint, tmp_path, "--price-cache", f"sqlite:{cache}")
    assert again["unitPrice"] == 0.5 and len(FakePriceList.requests) == 1, "the store answered"
    run_budget(endpoint, tmp_path, "--price-cache", f"sqlite:{cache}", "--price-max-age", "0")
    assert len(FakePriceList.requests) == 2, "older than --price-max-age: fetched again"


def test_a_denied_lookup_leaves_the_line_unpriced_with_the_reason(endpoint, tmp_path):
    FakePriceList.deny = True
    try:
        line, report = run_budget(endpoint, tmp_path)
    finally:
        FakePriceList.deny = False
    assert line.get("unitPrice") is None and report["unpricedLineCount"] == 1
    assert "pricing:GetProducts" in line["note"] and "AccessDenied" in line["note"], line["note"]

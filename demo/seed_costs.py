"""Cost Explorer figures of the seed (COST_PHASES): moto tracks no cost, so the month's actual cost is queued
through moto's API (`POST /moto-api/static/ce/cost-and-usage-results`) and answered to `ce:GetCostAndUsage`.

moto answers each distinct request body with the next queued result, so the order matters: Skyplan asks first
grouped by SERVICE and REGION, then by the Name tag.
"""

import datetime
import json
import urllib.request


def last_full_month(today=None):
    """(start, end) of the month before `today`'s, as Cost Explorer's yyyy-MM-dd (end exclusive)."""
    today = today or datetime.datetime.now(datetime.timezone.utc).date()
    end = today.replace(day=1)
    start = (end - datetime.timedelta(days=1)).replace(day=1)
    return start.isoformat(), end.isoformat()


def _result(start, end, groups):
    return {
        "ResultsByTime": [{
            "TimePeriod": {"Start": start, "End": end},
            "Total": {},
            "Groups": [{"Keys": keys, "Metrics": {"UnblendedCost": {"Amount": f"{amount:.10f}", "Unit": "USD"}}}
                       for keys, amount in groups],
            "Estimated": False,
        }],
        "DimensionValueAttributes": [],
    }


def cost_and_usage(account, res, region):
    """`services`: {service: {region: USD}}; `names`: {Name tag value: USD} ("" = untagged), or absent when the
    account has not activated the Name tag (everything is then answered as untagged)."""
    start, end = last_full_month()
    by_service = [([service, reg], amount)
                  for service, regions in sorted(res["services"].items()) for reg, amount in sorted(regions.items())]
    total = sum(amount for _, amount in by_service)
    names = res.get("names")
    by_name = [([f"Name${name}"], amount) for name, amount in sorted(names.items())] if names else [(["Name$"], total)]
    body = {"account_id": account.id, "results": [_result(start, end, by_service), _result(start, end, by_name)]}
    req = urllib.request.Request(
        account.seeder.endpoint + "/moto-api/static/ce/cost-and-usage-results", method="POST",
        data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()
    account.record(res, region, month=start[:7], total=round(total, 2))


COST_PHASES = [("cost_and_usage", cost_and_usage)]

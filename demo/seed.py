#!/usr/bin/env python3
"""Apply a Skyplan demo environment file to an AWS emulator (moto) with boto3.

    python3 demo/seed.py http://127.0.0.1:5000 [--env demo/environment.json] [--reset] [--out FILE]

Every account of the file is reached by AssumeRole into arn:aws:iam::<id>:role/<role>.
Resources are created phase by phase (see PHASES), so the order inside the file does not
matter; resources refer to each other by logical name ("web-a", or "<account>/<name>" for
another account). The JSON summary (ids and ARNs by logical name per account) goes to stdout
or --out. The format is documented in demo/README.md.
"""

import argparse
import json
import os
import sys
import urllib.request

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from seed_costs import COST_PHASES
from seed_handlers import BOTO_CONFIG, NETWORK_PHASES, SeedError, trust_policy
from seed_services import SERVICE_PHASES

# Resource types in the order they are created; a type may refer only to types above it.
PHASES = NETWORK_PHASES + SERVICE_PHASES + COST_PHASES


class Account:
    """One account of the file: its assumed-role session, default region and created resources."""

    def __init__(self, seeder, spec):
        self.seeder = seeder
        self.spec = spec
        self.id = spec["id"]
        self.region = spec.get("region", "us-east-1")
        self.role_arn = f"arn:aws:iam::{self.id}:role/{spec.get('role', 'skyplan')}"
        self.resources = {}
        self._clients = {}
        sts = boto3.client("sts", region_name=self.region, **seeder.base_credentials)
        creds = sts.assume_role(RoleArn=self.role_arn, RoleSessionName="skyplan-seed")["Credentials"]
        self.session = boto3.Session(
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds["SessionToken"],
        )
        self._create_access_role()

    def _create_access_role(self):
        """The role Skyplan assumes, as a customer would create it (moto does not enforce it)."""
        iam = self.client("iam")
        name = self.role_arn.split("/")[-1]
        trust = trust_policy(f"arn:aws:iam::{self.seeder.operator_account}:root")
        try:
            iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust,
                            Tags=[{"Key": "app", "Value": "skyplan"}])
        except iam.exceptions.EntityAlreadyExistsException:
            return
        # moto loads no AWS managed policies by default, so an inline read-only policy stands in.
        read_only = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["*:Describe*", "*:Get*", "*:List*"], "Resource": "*"}]}
        iam.put_role_policy(RoleName=name, PolicyName="skyplan-read-only", PolicyDocument=json.dumps(read_only))

    def client(self, service, region=None):
        key = (service, region or self.region)
        if key not in self._clients:
            self._clients[key] = self.session.client(
                service, region_name=key[1], endpoint_url=self.seeder.endpoint, config=BOTO_CONFIG
            )
        return self._clients[key]

    def tags(self, res):
        merged = dict(self.seeder.env.get("tags", {}))
        merged.update(self.spec.get("tags", {}))
        merged.update(res.get("tags", {}))
        merged["Name"] = res["name"]
        return merged

    def tag_list(self, res, key="Key", value="Value"):
        return [{key: k, value: v} for k, v in sorted(self.tags(res).items())]

    def ref(self, name, expected=None):
        """The created resource a logical name refers to (in this or another account)."""
        account = self
        # "<12-digit account id>/<name>" is another account's; other names may hold a slash (ECR's "shop/api").
        account_id, _, rest = name.partition("/")
        if rest and len(account_id) == 12 and account_id.isdigit():
            name = rest
            account = self.seeder.accounts.get(account_id)
            if account is None:
                raise SeedError(f"reference '{account_id}/{name}': no account {account_id} in the file")
        found = account.resources.get(name)
        if found is None:
            raise SeedError(f"reference '{name}' in account {account.id}: no such resource (or created later)")
        if expected and found["type"] not in expected:
            raise SeedError(f"reference '{name}' is a {found['type']}, expected {' or '.join(expected)}")
        return found

    def record(self, res, region, **fields):
        entry = {"type": res["type"], "region": region}
        entry.update({k: v for k, v in fields.items() if v is not None})
        self.resources[res["name"]] = entry
        return entry

    def ec2_arn(self, region, kind, rid):
        return f"arn:aws:ec2:{region}:{self.id}:{kind}/{rid}"


class Seeder:
    """Applies the environment file to the endpoint."""

    def __init__(self, endpoint, env):
        self.endpoint = endpoint.rstrip("/")
        self.env = env
        self.base_credentials = {
            "endpoint_url": self.endpoint,
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
            "config": BOTO_CONFIG,
        }
        self.accounts = {}
        self.operator_account = boto3.client("sts", region_name="us-east-1", **self.base_credentials) \
            .get_caller_identity()["Account"]

    def run(self):
        self.validate()
        for spec in self.env["accounts"]:
            self.accounts[spec["id"]] = Account(self, spec)
        for rtype, handler in PHASES:
            for account in self.accounts.values():
                for res in account.spec.get("resources", []):
                    if res["type"] != rtype:
                        continue
                    region = res.get("region", account.region)
                    try:
                        handler(account, res, region)
                    except SeedError:
                        raise
                    except KeyError as err:
                        raise SeedError(f"{account.id} {rtype} '{res['name']}': missing field {err}") from err
                    except Exception as err:  # keep the cause, name the resource
                        hint = ""
                        if isinstance(err, ClientError) and "AlreadyExist" in err.response["Error"].get("Code", ""):
                            hint = " (already seeded? seed a fresh moto, use --reset, or other account ids)"
                        raise SeedError(f"{account.id} {rtype} '{res['name']}' in {region}: {err}{hint}") from err
        return self.summary()

    def validate(self):
        """Cheap checks before any AWS call: accounts, known types, unique names."""
        accounts = self.env.get("accounts") if isinstance(self.env, dict) else None
        if not isinstance(accounts, list) or not accounts:
            raise SeedError("the environment file needs a non-empty \"accounts\" list")
        known = {t for t, _ in PHASES}
        for spec in accounts:
            account_id = str(spec.get("id", ""))
            if len(account_id) != 12 or not account_id.isdigit():
                raise SeedError(f"account id {spec.get('id')!r} is not 12 digits")
            names = set()
            for res in spec.get("resources", []):
                if res.get("type") not in known:
                    raise SeedError(f"account {account_id}: unknown resource type {res.get('type')!r}")
                if not res.get("name") or res["name"] in names:
                    raise SeedError(f"account {account_id}: missing or duplicate name {res.get('name')!r}")
                names.add(res["name"])

    def summary(self):
        return {
            "endpoint": self.endpoint,
            "accounts": {
                a.id: {
                    "name": a.spec.get("name", a.id),
                    "roleArn": a.role_arn,
                    "region": a.region,
                    "resources": dict(sorted(a.resources.items())),
                }
                for a in sorted(self.accounts.values(), key=lambda a: a.id)
            },
        }


def reset(endpoint):
    req = urllib.request.Request(endpoint.rstrip("/") + "/moto-api/reset", method="POST", data=b"")
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()


def main(argv=None):
    default_env = os.path.join(os.path.dirname(os.path.abspath(__file__)), "environment.json")
    parser = argparse.ArgumentParser(description="Seed an AWS emulator with a Skyplan environment file.")
    parser.add_argument("endpoint", help="emulator URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--env", default=default_env, help="environment file (default: demo/environment.json)")
    parser.add_argument("--reset", action="store_true", help="POST /moto-api/reset first (wipes ALL of moto)")
    parser.add_argument("--out", help="write the JSON summary here instead of stdout")
    args = parser.parse_args(argv)
    try:
        with open(args.env, encoding="utf-8") as fh:
            env = json.load(fh)
    except (OSError, ValueError) as err:
        print(f"seed.py: cannot read environment file {args.env}: {err}", file=sys.stderr)
        return 2
    try:
        if args.reset:
            reset(args.endpoint)
        summary = Seeder(args.endpoint, env).run()
    except SeedError as err:
        print(f"seed.py: {err}", file=sys.stderr)
        return 1
    except ClientError as err:
        print(f"seed.py: {err}", file=sys.stderr)
        return 1
    except (OSError, BotoCoreError) as err:
        print(f"seed.py: cannot reach {args.endpoint}: {err}", file=sys.stderr)
        return 1
    text = json.dumps(summary, indent=2, sort_keys=False) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

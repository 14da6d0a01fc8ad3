"""Onboarding at scale: every member of an AWS Organization connected in one step, through the CLI
(`skyplan organization import`, which calls `POST /aws/organization/import`), against moto."""
import subprocess

import boto3

from skyplan_harness import running_skyplan

MANAGEMENT = "444455556666"


def test_connects_every_member_of_an_organization():
    with running_skyplan() as skyplan:
        sts = boto3.client("sts", endpoint_url=skyplan.moto_url, region_name="us-east-1",
                           aws_access_key_id="testing", aws_secret_access_key="testing")
        creds = sts.assume_role(RoleArn=f"arn:aws:iam::{MANAGEMENT}:role/skyplan", RoleSessionName="test")["Credentials"]
        org = boto3.client("organizations", endpoint_url=skyplan.moto_url, region_name="us-east-1",
                           aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                           aws_session_token=creds["SessionToken"])
        org.create_organization(FeatureSet="ALL")
        for name in ("payments", "search"):
            org.create_account(AccountName=name, Email=f"{name}@example.com")
        members = {a["Id"] for a in org.list_accounts()["Accounts"]}
        assert len(members) == 3

        result = subprocess.run(
            [skyplan.binary, "organization", "import", "--server", skyplan.url, "--api-key", skyplan.users["owner"]["key"],
             "--role-name", "skyplan", "--management-role-arn", f"arn:aws:iam::{MANAGEMENT}:role/skyplan"],
            capture_output=True, text=True)
        assert result.returncode == 0, result.stderr + result.stdout
        assert result.stdout.count("  connected  ") == 3, result.stdout
        status, body = skyplan.api("GET", "/aws/account")
        connected = {a["accountId"] for a in body["accounts"]}
        assert members <= connected

        again = subprocess.run(
            [skyplan.binary, "organization", "import", "--server", skyplan.url, "--api-key", skyplan.users["owner"]["key"],
             "--management-role-arn", f"arn:aws:iam::{MANAGEMENT}:role/skyplan"], capture_output=True, text=True)
        assert again.stdout.count("already_connected") == 3, again.stdout
        denied = subprocess.run(
            [skyplan.binary, "organization", "import", "--server", skyplan.url, "--api-key", skyplan.users["user"]["key"],
             "--management-role-arn", f"arn:aws:iam::{MANAGEMENT}:role/skyplan"], capture_output=True, text=True)
        assert denied.returncode != 0 and "403" in denied.stderr, denied.stderr

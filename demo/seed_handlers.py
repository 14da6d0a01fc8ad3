"""Shared helpers and the IAM/EC2-networking handlers of the seed (NETWORK_PHASES, run first).

Each handler is handler(account, res, region): it creates the resource `res` (a dict from the
file) in `region` of `account` with boto3 and records its ids/ARN under res["name"].
Calls are the ones moto 5.2.1 supports; see demo/README.md for the fields of each type.
"""

import io
import json
import zipfile

from botocore.config import Config

BOTO_CONFIG = Config(retries={"max_attempts": 2, "mode": "standard"})
CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2"  # the hosted zone id of every CloudFront alias target
LAMBDA_CODE = "def handler(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n"


class SeedError(Exception):
    """A problem in the environment file or a failed AWS call, with the resource it concerns."""


def lambda_zip():
    """A deployable zip built in memory (moto stores it; it is never run)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("index.py", LAMBDA_CODE)
    return buf.getvalue()


def trust_policy(principal):
    key = "Service" if principal.endswith(".amazonaws.com") else "AWS"
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {key: principal}, "Action": "sts:AssumeRole"}],
    })


def ids(account, names, expected=None, field="id"):
    return [account.ref(n, expected)[field] for n in names]


def ec2_tag(account, res, region, rid, extra=None):
    tags = account.tag_list(res)
    tags += [{"Key": k, "Value": v} for k, v in sorted((extra or {}).items())]
    account.client("ec2", region).create_tags(Resources=[rid], Tags=tags)


# --- IAM and EC2 networking -------------------------------------------------------------

def iam_role(account, res, region):
    iam = account.client("iam", region)
    role = iam.create_role(RoleName=res["name"], AssumeRolePolicyDocument=trust_policy(res["service"]),
                           Tags=account.tag_list(res))["Role"]
    for policy in res.get("policies", []):
        iam.attach_role_policy(RoleName=res["name"], PolicyArn=policy)
    account.record(res, "global", id=role["RoleId"], arn=role["Arn"])


def ami(account, res, region):
    ec2 = account.client("ec2", region)
    image = ec2.register_image(Name=res["name"], Description=res.get("description", res["name"]),
                               Architecture="x86_64", RootDeviceName="/dev/xvda",
                               VirtualizationType="hvm")["ImageId"]
    ec2_tag(account, res, region, image)
    account.record(res, region, id=image, arn=f"arn:aws:ec2:{region}::image/{image}")


def vpc(account, res, region):
    vid = account.client("ec2", region).create_vpc(CidrBlock=res["cidr"])["Vpc"]["VpcId"]
    ec2_tag(account, res, region, vid)
    account.record(res, region, id=vid, arn=account.ec2_arn(region, "vpc", vid), cidr=res["cidr"])


def subnet(account, res, region):
    ec2 = account.client("ec2", region)
    sid = ec2.create_subnet(VpcId=account.ref(res["vpc"], ["vpc"])["id"], CidrBlock=res["cidr"],
                            AvailabilityZone=res["az"])["Subnet"]["SubnetId"]
    if res.get("tier") == "public":
        ec2.modify_subnet_attribute(SubnetId=sid, MapPublicIpOnLaunch={"Value": True})
    ec2_tag(account, res, region, sid, {"tier": res["tier"]} if "tier" in res else None)
    account.record(res, region, id=sid, arn=account.ec2_arn(region, "subnet", sid), az=res["az"],
                   tier=res.get("tier"), vpc=res["vpc"])


def internet_gateway(account, res, region):
    ec2 = account.client("ec2", region)
    gid = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=gid, VpcId=account.ref(res["vpc"], ["vpc"])["id"])
    ec2_tag(account, res, region, gid)
    account.record(res, region, id=gid, arn=account.ec2_arn(region, "internet-gateway", gid))


def nat_gateway(account, res, region):
    ec2 = account.client("ec2", region)
    eip = ec2.allocate_address(Domain="vpc")
    ec2_tag(account, {**res, "name": res["name"] + "-eip"}, region, eip["AllocationId"])
    nid = ec2.create_nat_gateway(SubnetId=account.ref(res["subnet"], ["subnet"])["id"],
                                 AllocationId=eip["AllocationId"])["NatGateway"]["NatGatewayId"]
    ec2_tag(account, res, region, nid)
    account.record(res, region, id=nid, arn=account.ec2_arn(region, "natgateway", nid),
                   allocationId=eip["AllocationId"], publicIp=eip["PublicIp"])


def vpc_peering(account, res, region):
    mine, peer = account.ref(res["vpc"], ["vpc"]), account.ref(res["peerVpc"], ["vpc"])
    peer_account = res["peerVpc"].split("/", 1)[0] if "/" in res["peerVpc"] else account.id
    pcx = account.client("ec2", region).create_vpc_peering_connection(
        VpcId=mine["id"], PeerVpcId=peer["id"], PeerOwnerId=peer_account, PeerRegion=peer["region"],
    )["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    accepter = account.seeder.accounts[peer_account]
    accepter.client("ec2", peer["region"]).accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    ec2_tag(account, res, region, pcx)
    account.record(res, region, id=pcx, arn=account.ec2_arn(region, "vpc-peering-connection", pcx),
                   peerAccount=peer_account, peerRegion=peer["region"])


def transit_gateway(account, res, region):
    ec2 = account.client("ec2", region)
    tgw = ec2.create_transit_gateway(Description=res["name"])["TransitGateway"]
    ec2_tag(account, res, region, tgw["TransitGatewayId"])
    shared = [str(a) for a in res.get("shareWith", [])]
    if shared:
        account.client("ram", region).create_resource_share(
            name=f"{res['name']}-share", resourceArns=[tgw["TransitGatewayArn"]], principals=shared)
    account.record(res, region, id=tgw["TransitGatewayId"], arn=tgw["TransitGatewayArn"], sharedWith=shared or None)


def tgw_attachment(account, res, region):
    """A VPC attachment. On AWS the VPC's account attaches to the RAM-shared gateway; moto 5.2.1 cannot see
    another account's gateway, so a gateway of another account is attached from its owner's side (moto then
    lists the attachment in the owner's account only)."""
    tgw = account.ref(res["transitGateway"], ["transit_gateway"])
    owner = res["transitGateway"].split("/", 1)[0] if "/" in res["transitGateway"] else account.id
    side = account.seeder.accounts[owner]
    vpc_id = account.ref(res["vpc"], ["vpc"])["id"]
    attachment = side.client("ec2", region).create_transit_gateway_vpc_attachment(
        TransitGatewayId=tgw["id"], VpcId=vpc_id, SubnetIds=ids(account, res["subnets"], ["subnet"]),
    )["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
    account.record(res, region, id=attachment, arn=side.ec2_arn(region, "transit-gateway-attachment", attachment),
                   transitGateway=tgw["id"], vpc=vpc_id)


ROUTE_TARGETS = {
    "internetGateway": ("GatewayId", ["internet_gateway"]),
    "natGateway": ("NatGatewayId", ["nat_gateway"]),
    "vpcPeering": ("VpcPeeringConnectionId", ["vpc_peering"]),
}


def route_table(account, res, region):
    ec2 = account.client("ec2", region)
    rtb = ec2.create_route_table(VpcId=account.ref(res["vpc"], ["vpc"])["id"])["RouteTable"]["RouteTableId"]
    ec2_tag(account, res, region, rtb)
    for name in res.get("subnets", []):
        ec2.associate_route_table(RouteTableId=rtb, SubnetId=account.ref(name, ["subnet"])["id"])
    for route in res.get("routes", []):
        targets = [(ROUTE_TARGETS[k], v) for k, v in route.items() if k in ROUTE_TARGETS]
        if len(targets) != 1:
            raise SeedError(f"route table '{res['name']}': each route needs one of {sorted(ROUTE_TARGETS)}")
        (param, kinds), name = targets[0]
        ec2.create_route(RouteTableId=rtb, DestinationCidrBlock=route["destination"],
                         **{param: account.ref(name, kinds)["id"]})
    account.record(res, region, id=rtb, arn=account.ec2_arn(region, "route-table", rtb))


def security_group(account, res, region):
    sg = account.client("ec2", region).create_security_group(
        GroupName=res["name"], Description=res.get("description", res["name"]),
        VpcId=account.ref(res["vpc"], ["vpc"])["id"])["GroupId"]
    ec2_tag(account, res, region, sg)
    account.record(res, region, id=sg, arn=account.ec2_arn(region, "security-group", sg))


def security_group_rules(account, res, region):
    """Second pass, once every group exists, so rules may name any group (SG -> SG)."""
    perms = []
    for rule in res.get("ingress", []):
        perm = {"IpProtocol": rule.get("protocol", "tcp"), "FromPort": rule["port"],
                "ToPort": rule.get("toPort", rule["port"])}
        if "source" in rule:
            perm["UserIdGroupPairs"] = [{"GroupId": account.ref(rule["source"], ["security_group"])["id"]}]
        else:
            perm["IpRanges"] = [{"CidrIp": rule["cidr"]}]
        perms.append(perm)
    if perms:
        account.client("ec2", region).authorize_security_group_ingress(
            GroupId=account.resources[res["name"]]["id"], IpPermissions=perms)


NETWORK_PHASES = [
    ("iam_role", iam_role),
    ("ami", ami),
    ("vpc", vpc),
    ("subnet", subnet),
    ("internet_gateway", internet_gateway),
    ("nat_gateway", nat_gateway),
    ("vpc_peering", vpc_peering),
    ("transit_gateway", transit_gateway),
    ("tgw_attachment", tgw_attachment),
    ("route_table", route_table),
    ("security_group", security_group),
    ("security_group", security_group_rules),
]

import Foundation

/// Three accounts in two regions, connected across both: a network account whose shared-services VPC is peered to
/// a workload VPC in its region and to one in another account and region, a transit gateway it shares (RAM) with
/// both workload accounts, CloudFront fronting workload A's load balancer and a bucket notifying workload A's queue.
enum MultiAccountEnvironment {
    /// The environment text for fresh account ids (network, workload A, workload B).
    static func text(network: String, workloadA: String, workloadB: String) -> String {
        """
        {"version": 1, "description": "multi-account test", "tags": {"app": "multi"},
         "accounts": [
          {"id": "\(network)", "name": "Network", "region": "us-east-1", "resources": [
            {"type": "vpc", "name": "shared-vpc", "cidr": "10.0.0.0/16"},
            {"type": "subnet", "name": "shared-a", "vpc": "shared-vpc", "cidr": "10.0.0.0/24", "az": "us-east-1a", "tier": "isolated"},
            {"type": "vpc", "name": "shared-eu-vpc", "region": "eu-west-1", "cidr": "10.10.0.0/16"},
            {"type": "transit_gateway", "name": "core-tgw", "shareWith": ["\(workloadA)", "\(workloadB)"]},
            {"type": "vpc_peering", "name": "net-to-a", "vpc": "shared-vpc", "peerVpc": "\(workloadA)/a-vpc"},
            {"type": "vpc_peering", "name": "net-to-b", "vpc": "shared-vpc", "peerVpc": "\(workloadB)/b-vpc"},
            {"type": "cloudfront_distribution", "name": "edge-cdn", "origins": ["\(workloadA)/a-alb"]},
            {"type": "s3_bucket", "name": "net-logs", "bucket": "multi-net-logs-\(network)",
             "queueNotifications": [{"queue": "\(workloadA)/a-events"}]}
          ]},
          {"id": "\(workloadA)", "name": "Workload A", "region": "us-east-1", "resources": [
            {"type": "vpc", "name": "a-vpc", "cidr": "10.1.0.0/16"},
            {"type": "subnet", "name": "a-pub-a", "vpc": "a-vpc", "cidr": "10.1.0.0/24", "az": "us-east-1a", "tier": "public"},
            {"type": "subnet", "name": "a-pub-b", "vpc": "a-vpc", "cidr": "10.1.1.0/24", "az": "us-east-1b", "tier": "public"},
            {"type": "internet_gateway", "name": "a-igw", "vpc": "a-vpc"},
            {"type": "route_table", "name": "a-public-rt", "vpc": "a-vpc", "subnets": ["a-pub-a", "a-pub-b"],
             "routes": [{"destination": "0.0.0.0/0", "internetGateway": "a-igw"}]},
            {"type": "tgw_attachment", "name": "a-attach", "transitGateway": "\(network)/core-tgw", "vpc": "a-vpc",
             "subnets": ["a-pub-a"]},
            {"type": "security_group", "name": "a-alb-sg", "vpc": "a-vpc", "description": "ALB",
             "ingress": [{"port": 443, "cidr": "0.0.0.0/0"}]},
            {"type": "target_group", "name": "a-tg", "vpc": "a-vpc", "port": 80},
            {"type": "load_balancer", "name": "a-alb", "subnets": ["a-pub-a", "a-pub-b"], "securityGroups": ["a-alb-sg"],
             "listeners": [{"port": 80, "targetGroup": "a-tg"}]},
            {"type": "sqs_queue", "name": "a-events"},
            {"type": "sqs_queue", "name": "a-eu-jobs", "region": "eu-west-1"}
          ]},
          {"id": "\(workloadB)", "name": "Workload B", "region": "eu-west-1", "resources": [
            {"type": "vpc", "name": "b-vpc", "cidr": "10.2.0.0/16"},
            {"type": "subnet", "name": "b-a", "vpc": "b-vpc", "cidr": "10.2.0.0/24", "az": "eu-west-1a", "tier": "isolated"},
            {"type": "dynamodb_table", "name": "b-orders", "hashKey": "id"},
            {"type": "vpc", "name": "b-east-vpc", "region": "us-east-1", "cidr": "10.3.0.0/16"},
            {"type": "subnet", "name": "b-east-a", "region": "us-east-1", "vpc": "b-east-vpc", "cidr": "10.3.0.0/24",
             "az": "us-east-1a", "tier": "isolated"},
            {"type": "tgw_attachment", "name": "b-attach", "region": "us-east-1", "transitGateway": "\(network)/core-tgw",
             "vpc": "b-east-vpc", "subnets": ["b-east-a"]}
          ]}
         ]}
        """
    }
}

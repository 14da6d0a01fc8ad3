import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// Scans moto seeded with the demo environment (two accounts, two regions) and checks every seeded resource
/// and relationship is found, with nothing invented.
@Suite(.enabled(if: MotoEnvironment.enabled), .serialized)
struct DiscoveryIntegrationTests {
    /// Seed type → the component type Skyplan reports (types absent here are not components: AMIs, roles, ...).
    static let types: [String: ComponentType] = [
        "vpc": .vpc, "subnet": .subnet, "internet_gateway": .internetGateway, "nat_gateway": .natGateway,
        "vpc_peering": .vpcPeering, "route_table": .routeTable, "security_group": .securityGroup,
        "target_group": .targetGroup, "load_balancer": .elb, "autoscaling_group": .autoScalingGroup,
        "ec2_instance": .ec2,
        "ebs_volume": .ebs, "rds_instance": .rds, "elasticache_cluster": .elastiCache, "sqs_queue": .sqs,
        "sns_topic": .sns, "lambda_function": .lambda, "s3_bucket": .s3, "dynamodb_table": .dynamoDB,
        "apigateway_rest_api": .apiGateway, "ecs_cluster": .ecsCluster, "ecs_service": .ecsService,
        "cloudfront_distribution": .cloudFront, "route53_zone": .route53,
        "redshift_cluster": .redshift, "opensearch_domain": .openSearch, "kinesis_stream": .kinesisStream,
        "firehose_delivery_stream": .kinesisFirehose, "elastic_ip": .elasticIP, "state_machine": .stepFunctions,
        "event_bus": .eventBus, "msk_cluster": .msk, "mq_broker": .mq, "neptune_cluster": .neptune,
        "neptune_instance": .neptune, "ecr_repository": .ecr, "cognito_user_pool": .cognito, "ses_identity": .ses,
        "waf_web_acl": .waf,
    ]

    @Test func demoEnvironmentIsFoundCompletelyWithItsRelationshipsAndNothingInvented() async throws {
        let demo = try MotoEnvironment.demo()
        let summary = try MotoEnvironment.seed(demo.text)
        let production =
            try #require(summary[demo.production] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let staging =
            try #require(summary[demo.staging] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let clientP = try await MotoEnvironment.client(account: demo.production)
        let clientS = try await MotoEnvironment.client(account: demo.staging)
        let regions = ["eu-west-1", "us-east-1"]
        let inventory = await Scanner(client: clientP).scan([
            (clientP, ScanRequest(accountID: demo.production, regions: regions)),
            (clientS, ScanRequest(accountID: demo.staging, regions: regions)),
        ])
        #expect(
            inventory.diagnostics.isEmpty,
            "\(inventory.diagnostics)")
        let found = inventory.index()
        let byID = Dictionary(
            inventory.resources.map { ("\($0.accountID)/\($0.type.rawValue)/\($0.resourceID)", $0) },
            uniquingKeysWith: { first, _ in first })
        var seededARNs = Set<String>()
        for (account, resources) in [(demo.production, production), (demo.staging, staging)] {
            for (name, entry) in resources {
                guard let rawType = entry["type"] as? String, let type = Self.types[rawType] else { continue }
                let arn = entry["arn"] as? String ?? ""
                let id = entry["id"] as? String ?? ""
                let resource = found[arn] ?? byID["\(account)/\(type.rawValue)/\(id)"]
                #expect(resource?.type == type, "\(account) \(rawType) \(name) \(arn) not found as \(type)")
                if let resource {
                    seededARNs.insert(resource.arn)
                    let region = entry["region"] as? String
                    #expect(
                        resource.region == region || (region == "global" && resource.region == Resource.globalRegion))
                }
                if rawType == "subnet", let tier = entry["tier"] as? String {
                    #expect(resource?.config["subnetType"]?.stringValue == tier, "subnet \(name)")
                }
            }
        }
        func arn(_ resources: [String: [String: Any]], _ name: String) -> String {
            resources[name]?["arn"] as? String ?? name
        }
        let relations = Set(inventory.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        let cdn = inventory.resources.first { $0.type == .cloudFront && $0.accountID == demo.production }?.arn ?? "cdn"
        let expected: [(String, Relationship.Kind, String)] = [
            (arn(production, "web-alb"), .targets, arn(production, "web-tg")),
            (arn(production, "batch-data"), .attachment, arn(production, "batch-worker")),
            (arn(production, "alb-sg"), .securityGroupReference, arn(production, "web-sg")),
            (arn(production, "web-sg"), .securityGroupReference, arn(production, "db-sg")),
            (arn(production, "order-events"), .subscription, arn(production, "orders")),
            (arn(production, "orders"), .eventSource, arn(production, "order-worker")),
            (arn(production, "assets"), .notification, arn(production, "thumbnailer")),
            (arn(production, "shop-api"), .integration, arn(production, "api-handler")),
            (cdn, .origin, arn(production, "web-alb")), (cdn, .origin, arn(production, "assets")),
            (arn(production, "shop-zone"), .alias, cdn),
            (arn(production, "shop-zone"), .alias, arn(production, "web-alb")),
            (arn(production, "prod-cluster"), .contains, arn(production, "web-svc")),
            (arn(production, "public-rt"), .routes, arn(production, "prod-igw")),
            (arn(production, "private-rt"), .routes, arn(production, "nat-a")),
            (arn(production, "public-a"), .contains, arn(production, "nat-a")),
            (arn(production, "data-a"), .contains, arn(production, "prod-db")),
            (arn(production, "prod-vpc"), .peering, arn(production, "prod-staging")),
            (arn(staging, "staging-vpc"), .peering, arn(production, "prod-staging")),
            (arn(staging, "jobs"), .eventSource, arn(staging, "job-worker")),
            (arn(staging, "web-1-data"), .attachment, arn(staging, "web-1")),
            (arn(production, "data-b"), .contains, arn(production, "analytics-wh")),
            (arn(production, "data-b"), .contains, arn(production, "order-search")),
            (arn(production, "clickstream"), .eventSource, arn(production, "clicks-to-lake")),
            (arn(production, "clicks-to-lake"), .uses, arn(production, "datalake")),
            (arn(production, "orders-to-search"), .uses, arn(production, "order-search")),
            (arn(production, "orders-to-search"), .uses, arn(production, "datalake")),
            (arn(production, "batch-eip"), .attachment, arn(production, "batch-worker")),
            (arn(production, "checkout-flow"), .integration, arn(production, "api-handler")),
            (arn(production, "checkout-flow"), .integration, arn(production, "orders")),
            (arn(production, "shop-events"), .integration, arn(production, "checkout-flow")),
            (arn(production, "shop-customers"), .integration, arn(production, "api-handler")),
            (arn(production, "recommendations-graph"), .contains, arn(production, "recommendations-graph-1")),
            (arn(production, "recommendations-graph"), .contains, arn(production, "recommendations-graph-2")),
            // The service runs no task in moto: its image is known from its task definition.
            (arn(production, "shop/web"), .uses, arn(production, "web-svc")),
            (arn(production, "shop/api"), .uses, arn(production, "api-handler")),
            // The CLOUDFRONT-scope web ACL (listed in us-east-1), named by the distribution's WebACLId.
            (arn(production, "shop-edge-acl"), .uses, cdn),
        ]
        // The NAT gateway's Elastic IP is seeded with the gateway and attached to it.
        let natAddress = try #require(production["nat-a"]?["allocationId"] as? String)
        let natAddressARN = "arn:aws:ec2:us-east-1:\(demo.production):elastic-ip/\(natAddress)"
        #expect(relations.contains("\(natAddressARN) attachment \(arn(production, "nat-a"))"))
        #expect(found[natAddressARN]?.config["attachedTo"] == "natgateway")
        seededARNs.insert(natAddressARN)
        let asg = production["web-asg"] ?? [:]
        let members = (asg["instances"] as? [String] ?? []).map {
            "arn:aws:ec2:us-east-1:\(demo.production):instance/\($0)"
        }
        #expect(members.count == 2)
        for member in members {
            #expect(relations.contains("\(arn(production, "web-asg")) contains \(member)"))
            #expect(found[member]?.placement.groupARN == arn(production, "web-asg"))
        }
        for (from, kind, to) in expected {
            #expect(relations.contains("\(from) \(kind.rawValue) \(to)"), "missing \(from) \(kind.rawValue) \(to)")
        }
        // Configuration the diagram and the budget read.
        let database = try #require(found[arn(production, "prod-db")])
        #expect(database.config["instanceType"] == "m5" && database.config["instanceSize"] == "large")
        #expect(database.config["engine"] == "postgres" && database.config["multiAZ"] == true)
        let worker = try #require(found[arn(production, "batch-worker")])
        #expect(worker.config["instanceType"] == "m5" && worker.config["platform"] == "linux")
        #expect(found[arn(production, "order-worker")]?.config["memory"] == 256)
        #expect(found[arn(production, "prod-cache")]?.config["engine"] == "redis")
        // Nothing invented: whatever is not seeded is one of the things AWS (moto) makes by itself.
        let defaultVPCs = Set(
            inventory.resources.filter { $0.type == .vpc && $0.config["isDefault"] == true }.map(\.resourceID))
        let attached = Set(inventory.relationships.filter { $0.kind == .attachment }.flatMap { [$0.from, $0.to] })
        for resource in inventory.resources where !seededARNs.contains(resource.arn) {
            let implicit =
                resource.type == .networkInterface || defaultVPCs.contains(resource.placement.vpcID ?? "")
                || resource.config["main"] == true || resource.config["groupName"] == "default"
                || (resource.type == .ec2 || resource.type == .ebs) && attached.contains(resource.arn)
                || resource.type == .ec2 && resource.tags["aws:autoscaling:groupName"] != nil
            #expect(implicit, "invented: \(resource.type) \(resource.arn)")
        }
    }

    @Test func roleDeniedOneServiceStillReturnsTheRestWithADiagnosticNamingIt() async throws {
        let account = MotoEnvironment.freshAccount()
        let environment = """
            {"version": 1, "accounts": [{"id": "\(account)", "role": "skyplan", "region": "eu-west-1", "resources": [
              {"type": "vpc", "name": "v", "cidr": "10.9.0.0/16"},
              {"type": "subnet", "name": "a", "vpc": "v", "cidr": "10.9.1.0/24", "az": "eu-west-1a"},
              {"type": "subnet", "name": "b", "vpc": "v", "cidr": "10.9.2.0/24", "az": "eu-west-1b"},
              {"type": "db_subnet_group", "name": "g", "subnets": ["a", "b"]},
              {"type": "security_group", "name": "db", "vpc": "v", "description": "db"},
              {"type": "rds_instance", "name": "db1", "engine": "mysql", "instanceClass": "db.t3.micro", "storage": 20,
               "multiAZ": false, "subnetGroup": "g", "securityGroups": ["db"]},
              {"type": "sqs_queue", "name": "q"}]}]}
            """
        let summary = try MotoEnvironment.seed(environment)
        let resources = try #require(summary[account] as? [String: Any])["resources"] as? [String: [String: Any]] ?? [:]
        let client = try await MotoEnvironment.client(
            account: account, transport: DenyingTransport(inner: AsyncHTTPClientTransport(), deniedService: "rds"))
        let inventory = await Scanner(client: client).scan(
            ScanRequest(accountID: account, regions: ["eu-west-1"], services: ["vpc", "rds", "sqs"]))
        let arns = Set(inventory.resources.map(\.arn))
        #expect(!arns.contains(resources["db1"]?["arn"] as? String ?? ""))
        for name in ["v", "a", "b", "q"] {
            #expect(arns.contains(resources[name]?["arn"] as? String ?? "?"), "\(name)")
        }
        let denied = inventory.diagnostics.filter { $0.service == "rds" }
        #expect(!denied.isEmpty && denied.allSatisfy { $0.cause == .notPermitted && $0.code == "AccessDenied" })
        #expect(inventory.diagnostics.allSatisfy { $0.service == "rds" })
    }
}

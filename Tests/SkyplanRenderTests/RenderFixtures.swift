import Foundation
import SkyplanDiagram
import SkyplanModel
import Testing

/// Small fixed inventories and golden-file helpers.
enum RenderFixtures {
    static let account = "123456789012"

    static func resource(
        _ type: ComponentType, _ id: String, name: String? = nil, service: String = "ec2",
        region: String = "eu-west-1", placement: Placement = Placement(),
        config: [String: JSONValue] = [:]
    ) -> Resource {
        Resource(
            arn: "arn:aws:\(service):\(region):\(account):\(type.rawValue)/\(id)", type: type, resourceID: id,
            accountID: account, region: region, name: name ?? id, placement: placement, config: config)
    }

    /// The web application with an ECS service that runs no task (an empty outline in a private subnet) and the
    /// ECR repository its task definition's image comes from: an edge that ends at an outline.
    static func webAppWithIdleService() -> Inventory {
        var inventory = webApp()
        let service = resource(
            .ecsService, "idle", service: "ecs",
            placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-ab"], availabilityZones: ["eu-west-1b"]))
        let registry = resource(.ecr, "shop-web", service: "ecr")
        inventory.resources += [service, registry]
        inventory.relationships.append(
            Relationship(from: registry.arn, to: service.arn, kind: .uses, evidence: "ecs:DescribeTaskDefinition"))
        return inventory
    }

    /// A two-zone web application: load balancer, instances in an auto scaling group, a database,
    /// a queue feeding a function, a bucket and a CDN.
    static func webApp() -> Inventory {
        let vpc = resource(.vpc, "vpc-1", name: "production", config: ["cidr": "10.0.0.0/16"])
        func subnet(_ id: String, _ zone: String, _ access: String) -> Resource {
            resource(
                .subnet, id, name: "\(access)-\(zone.suffix(1))",
                placement: Placement(vpcID: "vpc-1", availabilityZones: [zone]), config: ["subnetType": .string(access)]
            )
        }
        let subnets = [
            subnet("subnet-pa", "eu-west-1a", "public"), subnet("subnet-pb", "eu-west-1b", "public"),
            subnet("subnet-aa", "eu-west-1a", "private"), subnet("subnet-ab", "eu-west-1b", "private"),
            subnet("subnet-da", "eu-west-1a", "isolated"), subnet("subnet-db", "eu-west-1b", "isolated"),
        ]
        let web = resource(.securityGroup, "sg-web", name: "web", placement: Placement(vpcID: "vpc-1"))
        let asgARN = "arn:aws:autoscaling:eu-west-1:\(account):autoScalingGroup:1:autoScalingGroupName/web"
        let asg = Resource(
            arn: asgARN, type: .autoScalingGroup, resourceID: "web", accountID: account, region: "eu-west-1")
        let alb = resource(
            .elb, "alb-web", name: "web-alb", service: "elasticloadbalancing",
            placement: Placement(
                vpcID: "vpc-1", subnetIDs: ["subnet-pa", "subnet-pb"],
                availabilityZones: ["eu-west-1a", "eu-west-1b"]),
            config: ["elbType": "application"])
        func instance(_ id: String, _ subnet: String, _ zone: String, _ size: String) -> Resource {
            resource(
                .ec2, id, name: "web-\(id.suffix(1))",
                placement: Placement(
                    vpcID: "vpc-1", subnetIDs: [subnet], availabilityZones: [zone],
                    securityGroupIDs: ["sg-web"], groupARN: asgARN),
                config: ["instanceType": "m5", "instanceSize": .string(size), "platform": "linux"])
        }
        let instances = [
            instance("i-1", "subnet-aa", "eu-west-1a", "large"), instance("i-2", "subnet-ab", "eu-west-1b", "large"),
            instance("i-3", "subnet-ab", "eu-west-1b", "xlarge"),
        ]
        let nat = resource(
            .natGateway, "nat-1", name: "nat-a",
            placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-pa"], availabilityZones: ["eu-west-1a"]))
        let igw = resource(.internetGateway, "igw-1", name: "igw", placement: Placement(vpcID: "vpc-1"))
        let db = resource(
            .rds, "db-main", name: "orders-db", service: "rds",
            placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-da"], availabilityZones: ["eu-west-1a"]),
            config: ["engine": "postgres", "instanceType": "r6g", "instanceSize": "2xlarge", "multiAZ": true])
        let queue = resource(.sqs, "orders", service: "sqs")
        let worker = resource(.lambda, "fulfil", service: "lambda", config: ["memory": 1024])
        let bucket = resource(.s3, "assets-bucket", service: "s3")
        let cdn = resource(.cloudFront, "E123", name: "cdn", service: "cloudfront", region: "global")
        var relationships = instances.map {
            Relationship(from: alb.arn, to: $0.arn, kind: .targets, evidence: "fixture")
        }
        relationships += instances.map { Relationship(from: $0.arn, to: db.arn, kind: .uses, evidence: "fixture") }
        relationships.append(Relationship(from: queue.arn, to: worker.arn, kind: .eventSource, evidence: "fixture"))
        relationships.append(Relationship(from: cdn.arn, to: bucket.arn, kind: .origin, evidence: "fixture"))
        relationships.append(Relationship(from: cdn.arn, to: alb.arn, kind: .origin, evidence: "fixture"))
        relationships.append(Relationship(from: vpc.arn, to: alb.arn, kind: .contains, evidence: "fixture"))
        return Inventory(
            resources: [vpc, web, asg, alb, nat, igw, db, queue, worker, bucket, cdn] + subnets + instances,
            relationships: relationships, accountIDs: [account], regions: ["eu-west-1"])
    }

    static func blueprint() -> BlueprintData {
        Layout.blueprint(for: webApp(), options: LayoutOptions(name: "Web application"))
    }

    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// Compares `actual` with the golden file, line by line; re-records with `SKYPLAN_RECORD_GOLDEN=1`.
    static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SKYPLAN_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return }
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(left.count, right.count)).first { left[$0] != right[$0] } ?? min(left.count, right.count)
        let want = line < left.count ? String(left[line]) : "<end of file>"
        let got = line < right.count ? String(right[line]) : "<end of file>"
        let message =
            "\(name) differs at line \(line + 1):\n  golden: \(want.prefix(300))\n  actual: \(got.prefix(300))\n"
            + "(re-record with SKYPLAN_RECORD_GOLDEN=1)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

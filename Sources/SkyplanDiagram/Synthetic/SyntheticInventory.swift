import SkyplanModel

/// Seeded, realistic-shaped inventories for tests, benchmarks and demos: VPCs across availability
/// zones with public/private/isolated subnets, load balancers, auto scaling groups of instances with
/// volumes, databases, and serverless services beside the VPCs, all connected.
public enum SyntheticInventory {
    /// About `components` components (containers not counted), the same for the same `seed`.
    public static func make(components: Int, seed: UInt64 = 1, account: String = "111122223333") -> Inventory {
        var generator = SyntheticGenerator(seed: seed, account: account)
        return generator.make(components: components)
    }
}

struct SyntheticGenerator {
    var random: SeededRandom
    let account: String
    var resources: [Resource] = []
    var relationships: [Relationship] = []
    var counter = 0

    init(seed: UInt64, account: String) {
        random = SeededRandom(seed: seed)
        self.account = account
    }

    mutating func make(components target: Int) -> Inventory {
        let regions = target > 20_000 ? ["us-east-1", "eu-west-1"] : ["us-east-1"]
        let perVPC = 400
        let vpcCount = max(1, target / perVPC)
        var produced = 0
        for v in 0..<vpcCount {
            let region = regions[v % regions.count]
            let budget = v == vpcCount - 1 ? max(8, target - produced) : perVPC
            produced += vpc(index: v, region: region, budget: budget)
        }
        return Inventory(resources: resources, relationships: relationships, accountIDs: [account], regions: regions)
    }

    mutating func next(_ prefix: String) -> String {
        counter += 1
        return prefix + "-" + String(counter, radix: 16).leftPadded(to: 8)
    }

    mutating func add(
        _ type: ComponentType, _ service: String, _ kind: String, region: String, name: String? = nil,
        placement: Placement = Placement(), config: [String: JSONValue] = [:]
    ) -> Resource {
        let id = next(kind)
        let arn = "arn:aws:\(service):\(region):\(account):\(kind)/\(id)"
        let resource = Resource(
            arn: arn, type: type, resourceID: id, accountID: account, region: region,
            name: name ?? id, placement: placement, config: config)
        resources.append(resource)
        return resource
    }

    mutating func link(_ from: Resource, _ to: Resource, _ kind: Relationship.Kind) {
        relationships.append(Relationship(from: from.arn, to: to.arn, kind: kind, evidence: "synthetic"))
    }

    /// One VPC with about `budget` components; returns how many it made.
    mutating func vpc(index: Int, region: String, budget: Int) -> Int {
        let start = resources.count
        let vpc = add(
            .vpc, "ec2", "vpc", region: region, name: "vpc-\(index)",
            config: ["cidr": .string("10.\(index % 250).0.0/16")])
        let zones = ["a", "b", "c"].prefix(budget < 30 ? 2 : 3).map { region + $0 }
        var subnets: [String: [Resource]] = [:]
        for (z, zone) in zones.enumerated() {
            for (t, access) in ["public", "private", "isolated"].enumerated() {
                let subnet = add(
                    .subnet, "ec2", "subnet", region: region, name: "\(access)-\(zone.suffix(1))",
                    placement: Placement(vpcID: vpc.resourceID, availabilityZones: [zone]),
                    config: ["subnetType": .string(access), "cidr": .string("10.\(index % 250).\(z * 3 + t).0/24")])
                subnets[access, default: []].append(subnet)
            }
        }
        let web = add(
            .securityGroup, "ec2", "security-group", region: region, name: "web",
            placement: Placement(vpcID: vpc.resourceID))
        let data = add(
            .securityGroup, "ec2", "security-group", region: region, name: "data",
            placement: Placement(vpcID: vpc.resourceID))
        _ = add(
            .internetGateway, "ec2", "internet-gateway", region: region, name: "igw",
            placement: Placement(vpcID: vpc.resourceID))
        let publicIDs = (subnets["public"] ?? []).map(\.resourceID)
        let alb = add(
            .elb, "elasticloadbalancing", "loadbalancer", region: region, name: "alb-\(index)",
            placement: Placement(
                vpcID: vpc.resourceID, subnetIDs: publicIDs, availabilityZones: zones,
                securityGroupIDs: [web.resourceID]),
            config: ["elbType": "application"])
        for subnet in subnets["public"] ?? [] {
            _ = add(
                .natGateway, "ec2", "natgateway", region: region, name: "nat",
                placement: Placement(
                    vpcID: vpc.resourceID, subnetIDs: [subnet.resourceID],
                    availabilityZones: subnet.placement.availabilityZones))
        }
        let sizes = ["micro", "small", "medium", "large", "xlarge", "2xlarge"]
        let remaining = max(0, budget - (resources.count - start) - 12)
        let groups = max(1, remaining / 60)
        for g in 0..<groups {
            let asg = add(
                .autoScalingGroup, "autoscaling", "autoScalingGroup", region: region, name: "asg-\(index)-\(g)")
            let size = sizes[Int(random.next() % UInt64(sizes.count))]
            for i in 0..<max(1, remaining / groups / 2) {
                guard let subnet = subnets["private"]?[i % zones.count] else { continue }
                let instance = add(
                    .ec2, "ec2", "instance", region: region, name: "app-\(g)-\(i)",
                    placement: Placement(
                        vpcID: vpc.resourceID, subnetIDs: [subnet.resourceID],
                        availabilityZones: subnet.placement.availabilityZones,
                        securityGroupIDs: [web.resourceID], groupARN: asg.arn),
                    config: ["instanceType": "m5", "instanceSize": .string(size), "platform": "linux"])
                let volume = add(
                    .ebs, "ec2", "volume", region: region,
                    placement: Placement(
                        vpcID: vpc.resourceID, subnetIDs: [subnet.resourceID],
                        availabilityZones: subnet.placement.availabilityZones,
                        securityGroupIDs: [web.resourceID], groupARN: asg.arn),
                    config: ["volumeType": "gp3", "volumeSize": 100])
                link(alb, instance, .targets)
                link(volume, instance, .attachment)
            }
        }
        for subnet in subnets["isolated"] ?? [] {
            let database = add(
                .rds, "rds", "db", region: region, name: "db-\(index)",
                placement: Placement(
                    vpcID: vpc.resourceID, subnetIDs: [subnet.resourceID],
                    availabilityZones: subnet.placement.availabilityZones,
                    securityGroupIDs: [data.resourceID]),
                config: ["engine": "postgres", "instanceType": "r6g", "instanceSize": "xlarge"])
            if let app = resources.last(where: { $0.type == .ec2 && $0.region == region }) {
                link(app, database, .uses)
            }
        }
        let queue = add(.sqs, "sqs", "queue", region: region, name: "jobs-\(index)", config: ["queueType": "standard"])
        let topic = add(.sns, "sns", "topic", region: region, name: "events-\(index)")
        let worker = add(
            .lambda, "lambda", "function", region: region, name: "worker-\(index)",
            config: ["memory": 512, "architecture": "arm64"])
        let bucket = add(
            .s3, "s3", "bucket", region: region, name: "assets-\(index)", config: ["volumeType": "standard"])
        let table = add(
            .dynamoDB, "dynamodb", "table", region: region, name: "sessions-\(index)",
            config: ["capacityMode": "on-demand"])
        link(topic, queue, .subscription)
        link(queue, worker, .eventSource)
        link(bucket, topic, .notification)
        link(worker, table, .uses)
        return resources.count - start - 3 * zones.count - 3
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

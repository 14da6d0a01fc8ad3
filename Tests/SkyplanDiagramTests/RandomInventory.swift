import SkyplanDiagram
import SkyplanModel

/// Seeded random inventories with irregular placement, for layout property tests.
enum RandomInventory {
    static func make(seed: UInt64, components: Int = 120) -> Inventory {
        var random = SeededRandom(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        let account = "222233334444"
        var resources: [Resource] = []
        var subnetsByVPC: [String: [Resource]] = [:]
        var sgsByVPC: [String: [String]] = [:]
        var groupARNs: [String] = []
        for v in 0..<(1 + pick(3)) {
            let vpcID = "vpc-\(seed)-\(v)"
            resources.append(
                Resource(
                    arn: "arn:aws:ec2:us-east-1:\(account):vpc/\(vpcID)", type: .vpc,
                    resourceID: vpcID, accountID: account, region: "us-east-1"))
            for s in 0..<(1 + pick(5)) {
                let subnetID = "subnet-\(seed)-\(v)-\(s)"
                let zone = "us-east-1" + ["a", "b", "c"][pick(3)]
                let access = ["public", "private", "isolated"][pick(3)]
                let subnet = Resource(
                    arn: "arn:aws:ec2:us-east-1:\(account):subnet/\(subnetID)", type: .subnet,
                    resourceID: subnetID, accountID: account, region: "us-east-1",
                    placement: Placement(vpcID: vpcID, availabilityZones: [zone]),
                    config: ["subnetType": .string(access)])
                resources.append(subnet)
                subnetsByVPC[vpcID, default: []].append(subnet)
            }
            for g in 0..<pick(3) {
                let sgID = "sg-\(seed)-\(v)-\(g)"
                sgsByVPC[vpcID, default: []].append(sgID)
                resources.append(
                    Resource(
                        arn: "arn:aws:ec2:us-east-1:\(account):security-group/\(sgID)",
                        type: .securityGroup, resourceID: sgID, accountID: account,
                        region: "us-east-1", placement: Placement(vpcID: vpcID)))
            }
        }
        for a in 0..<pick(3) {
            let arn =
                "arn:aws:autoscaling:us-east-1:\(account):autoScalingGroup:x:autoScalingGroupName/asg-\(seed)-\(a)"
            groupARNs.append(arn)
            resources.append(
                Resource(
                    arn: arn, type: .autoScalingGroup, resourceID: "asg-\(seed)-\(a)",
                    accountID: account, region: "us-east-1"))
        }
        let types: [ComponentType] = [
            .ec2, .ec2, .ec2, .rds, .elb, .lambda, .s3, .sqs, .sns, .dynamoDB, .ebs,
            .natGateway, .cloudFront, .route53,
        ]
        let vpcIDs = subnetsByVPC.keys.sorted()
        var relationships: [Relationship] = []
        for c in 0..<components {
            let type = types[pick(types.count)]
            var placement = Placement()
            let region = type == .cloudFront || type == .route53 ? Resource.globalRegion : "us-east-1"
            if ![.s3, .sqs, .sns, .dynamoDB, .cloudFront, .route53].contains(type), pick(5) > 0,
                let vpcID = vpcIDs.isEmpty ? nil : vpcIDs[pick(vpcIDs.count)]
            {
                let subnets = subnetsByVPC[vpcID] ?? []
                let chosen = (0..<(1 + pick(type == .elb ? 3 : 1))).map { _ in subnets[pick(subnets.count)] }
                placement.vpcID = vpcID
                placement.subnetIDs = Array(Set(chosen.map(\.resourceID))).sorted()
                placement.availabilityZones = Array(Set(chosen.flatMap(\.placement.availabilityZones))).sorted()
                if let sgs = sgsByVPC[vpcID], !sgs.isEmpty, pick(2) == 0 {
                    placement.securityGroupIDs = [sgs[pick(sgs.count)]]
                }
                if type == .ec2, !groupARNs.isEmpty, pick(2) == 0 {
                    placement.groupARN = groupARNs[pick(groupARNs.count)]
                }
            }
            let id = "\(type.rawValue)-\(seed)-\(c)"
            let sizes = ["micro", "large", "4xlarge"]
            resources.append(
                Resource(
                    arn: "arn:aws:x:\(region):\(account):\(type.rawValue)/\(id)", type: type,
                    resourceID: id, accountID: account, region: region, placement: placement,
                    config: type == .ec2 ? ["instanceType": "m5", "instanceSize": .string(sizes[pick(3)])] : [:]))
            if c > 0, pick(3) == 0 {
                let other = resources[resources.count - 1 - pick(min(c, 10))]
                relationships.append(
                    Relationship(
                        from: other.arn, to: resources[resources.count - 1].arn,
                        kind: [.targets, .uses, .eventSource][pick(3)], evidence: "random"))
            }
        }
        return Inventory(
            resources: resources, relationships: relationships, accountIDs: [account], regions: ["us-east-1"])
    }

    /// The same inventory in a seeded random order.
    static func shuffled(_ inventory: Inventory, seed: UInt64) -> Inventory {
        var random = SeededRandom(seed: seed)
        var copy = inventory
        copy.resources.shuffle(using: &random)
        copy.relationships.shuffle(using: &random)
        return copy
    }
}

import SkyplanModel

extension SyntheticInventory {
    /// `accounts` accounts (ids `100000000000` + index) with `componentsPerRegion` components in each of `regions`,
    /// ids reused from account to account (as a test of account scoping), the first account a hub: every other
    /// account's first VPC of each region is peered to the hub's (a `vpcPeering` under the hub, linked to both
    /// VPCs) and the hub's first queue of the region sends to the account's first queue.
    public static func accounts(
        _ accounts: Int, regions: [String] = ["us-east-1", "eu-west-1"], componentsPerRegion: Int = 60,
        seed: UInt64 = 1
    ) -> Inventory {
        let ids = (0..<max(1, accounts)).map { String(100_000_000_000 + $0) }
        var merged = Inventory(accountIDs: ids, regions: regions)
        var firstVPC: [String: Resource] = [:]
        var firstQueue: [String: Resource] = [:]
        for (index, account) in ids.enumerated() {
            for (r, region) in regions.enumerated() {
                var generator = SyntheticGenerator(seed: seed &+ UInt64(index * 31 + r), account: account)
                let part = generator.make(components: componentsPerRegion)
                for var resource in part.resources {
                    resource.arn = resource.arn.replacingOccurrences(of: ":us-east-1:", with: ":\(region):")
                    resource.region = region
                    resource.placement.availabilityZones = resource.placement.availabilityZones.map {
                        region + $0.dropFirst("us-east-1".count)
                    }
                    resource.resourceID += r == 0 ? "" : "-r\(r)"
                    resource.arn += r == 0 ? "" : "-r\(r)"
                    if r > 0 {
                        resource.placement.vpcID = resource.placement.vpcID.map { $0 + "-r\(r)" }
                        resource.placement.subnetIDs = resource.placement.subnetIDs.map { $0 + "-r\(r)" }
                        resource.placement.securityGroupIDs = resource.placement.securityGroupIDs.map { $0 + "-r\(r)" }
                        resource.placement.groupARN = resource.placement.groupARN.map {
                            $0.replacingOccurrences(of: ":us-east-1:", with: ":\(region):") + "-r\(r)"
                        }
                    }
                    let key = account + "/" + region
                    if resource.type == .vpc, firstVPC[key] == nil { firstVPC[key] = resource }
                    if resource.type == .sqs, firstQueue[key] == nil { firstQueue[key] = resource }
                    merged.resources.append(resource)
                }
                func moved(_ arn: String) -> String {
                    arn.replacingOccurrences(of: ":us-east-1:", with: ":\(region):") + (r == 0 ? "" : "-r\(r)")
                }
                merged.relationships += part.relationships.map {
                    Relationship(from: moved($0.from), to: moved($0.to), kind: $0.kind, evidence: $0.evidence)
                }
            }
        }
        let hub = ids[0]
        for account in ids.dropFirst() {
            for region in regions {
                if let mine = firstVPC[hub + "/" + region], let theirs = firstVPC[account + "/" + region] {
                    let id = "pcx-\(account)-\(region)"
                    let peering = Resource(
                        arn: "arn:aws:ec2:\(region):\(hub):vpc-peering-connection/\(id)", type: .vpcPeering,
                        resourceID: id, accountID: hub, region: region, placement: Placement(vpcID: mine.resourceID),
                        config: ["peerVpc": .string(theirs.resourceID), "peerAccount": .string(account)])
                    merged.resources.append(peering)
                    for vpc in [mine, theirs] {
                        merged.relationships.append(
                            Relationship(from: vpc.arn, to: peering.arn, kind: .peering, evidence: "synthetic peering"))
                    }
                }
                if let from = firstQueue[hub + "/" + region], let to = firstQueue[account + "/" + region] {
                    merged.relationships.append(
                        Relationship(from: from.arn, to: to.arn, kind: .uses, evidence: "synthetic cross-account"))
                }
            }
        }
        return merged
    }
}

import SkyplanModel

/// The pass after collection: completes placements from subnets and adds containment relationships.
///
/// Collectors see one service; the links between services (a Lambda's subnets → its VPC, an RDS
/// instance's subnet group → its AZs) are resolved here, over the whole inventory, purely.
public enum InventoryLinker {
    /// Links and normalises an inventory (deterministic whatever order the collectors answered in).
    public static func link(_ inventory: consuming Inventory) -> Inventory {
        var result = inventory
        result.normalize()
        var subnets: [String: (arn: String, vpcID: String?, zones: [String])] = [:]
        var vpcs: [String: String] = [:]
        for resource in result.resources {
            let key = scopedKey(resource, resource.resourceID)
            if resource.type == .subnet {
                subnets[key] = (resource.arn, resource.placement.vpcID, resource.placement.availabilityZones)
            } else if resource.type == .vpc {
                vpcs[key] = resource.arn
            }
        }
        let arns = Set(result.resources.map(\.arn))
        // Members named by their group's API (an ASG's Instances) sit in that group.
        let groupTypes: Set<ComponentType> = [.autoScalingGroup, .ecsService]
        let groupARNs = Set(result.resources.filter { groupTypes.contains($0.type) }.map(\.arn))
        var memberOf: [String: String] = [:]
        for relationship in result.relationships
        where relationship.kind == .contains && groupARNs.contains(relationship.from) {
            memberOf[relationship.to] = memberOf[relationship.to] ?? relationship.from
        }
        var relationships = result.relationships
        for index in result.resources.indices {
            var resource = result.resources[index]
            if resource.placement.groupARN == nil, let group = memberOf[resource.arn] {
                resource.placement.groupARN = group
            }
            let known = resource.placement.subnetIDs.compactMap { subnets[scopedKey(resource, $0)] }
            if resource.type != .subnet, let vpcID = known.compactMap(\.vpcID).first {
                // The subnets' VPC wins over what the service says (moto reports every Lambda in vpc-123abc).
                resource.placement.vpcID = vpcID
            }
            if !known.isEmpty {
                let zones = Set(known.flatMap(\.zones) + resource.placement.availabilityZones)
                resource.placement.availabilityZones = zones.sorted()
            }
            result.resources[index] = resource
            relationships += containment(of: resource, subnets: known.map(\.arn), vpcs: vpcs, arns: arns)
        }
        result.relationships = merged(
            resolveAcrossAccounts(resolveDNS(relationships, resources: result.resources), resources: result.resources))
        return result.normalized()
    }

    /// The containment edges of one resource: VPC ⊃ subnet, subnet ⊃ resource (or VPC ⊃ resource when it
    /// sits in no subnet), group ⊃ member.
    static func containment(
        of resource: Resource, subnets: [String], vpcs: [String: String], arns: Set<String>
    ) -> [Relationship] {
        var edges: [Relationship] = []
        let vpcARN = resource.placement.vpcID.flatMap { vpcs[scopedKey(resource, $0)] }
        switch resource.type {
        case .vpc:
            break
        case .subnet:
            if let vpcARN {
                edges.append(
                    Relationship(
                        from: vpcARN, to: resource.arn, kind: .contains,
                        evidence: "ec2:DescribeSubnets VpcId \(resource.placement.vpcID ?? "")"))
            }
        default:
            if !subnets.isEmpty {
                for (subnetARN, subnetID) in zip(subnets, resource.placement.subnetIDs) {
                    edges.append(
                        Relationship(
                            from: subnetARN, to: resource.arn, kind: .contains,
                            evidence: "\(resource.type.rawValue) placement SubnetId \(subnetID)"))
                }
            } else if let vpcARN {
                edges.append(
                    Relationship(
                        from: vpcARN, to: resource.arn, kind: .contains,
                        evidence: "\(resource.type.rawValue) placement VpcId \(resource.placement.vpcID ?? "")"))
            }
        }
        if let group = resource.placement.groupARN, arns.contains(group) {
            edges.append(
                Relationship(
                    from: group, to: resource.arn, kind: .contains,
                    evidence: "\(resource.type.rawValue) member of group"))
        }
        return edges
    }

    /// One relationship per (from, to, kind), its evidence the sorted union of every API statement of it
    /// (a pair stated by two APIs, or by one API and the linker).
    static func merged(_ relationships: consuming [Relationship]) -> [Relationship] {
        // Sorted, a relationship's statements are neighbours with their evidence in order: no key strings or sets
        // per relationship (at 100,000 resources those were the scan's largest allocation).
        var sorted = relationships
        sorted.sort {
            ($0.from, $0.to, $0.kind.rawValue, $0.evidence) < ($1.from, $1.to, $1.kind.rawValue, $1.evidence)
        }
        var result: [Relationship] = []
        result.reserveCapacity(sorted.count)
        var previousEvidence = ""
        for relationship in sorted {
            if let last = result.last, last.from == relationship.from, last.to == relationship.to,
                last.kind == relationship.kind
            {
                if relationship.evidence != previousEvidence {
                    result[result.count - 1].evidence += "; " + relationship.evidence
                }
            } else {
                result.append(relationship)
            }
            previousEvidence = relationship.evidence
        }
        return result
    }

    /// Ids are unique per account and region, not globally: key them so.
    static func scopedKey(_ resource: Resource, _ id: String) -> String {
        "\(resource.accountID)/\(resource.region)/\(id)"
    }
}

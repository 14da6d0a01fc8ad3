import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS
@testable import SkyplanDiscovery

/// Scans moto seeded by `tests/fixtures/seed_extended.py` (EKS, EFS, transit gateways and their peering, VPC
/// endpoints, API Gateway v1 and v2 with custom domains reached from Route 53, ECS tasks, VPC peering, egress-only
/// IGW, VPN and customer gateways and the VPN connections between them, ElastiCache replication groups, Aurora, read replicas, classic ELB, NLB; two regions, two accounts of its own): every
/// seeded resource is found with its type, account, region and configuration, every seeded relationship is found,
/// no relationship points at nothing, and nothing is invented.
@Suite(.enabled(if: MotoEnvironment.enabled))
struct ExtendedEnvironmentTests {
    static let regions = ["us-east-1", "eu-west-1"]

    @Test func extendedEnvironmentIsFoundCompletelyWithItsRelationshipsAndNothingInvented() async throws {
        let url = try #require(MotoEnvironment.url)
        let account = ExtendedManifest.freshAccount()
        let peer = ExtendedManifest.freshAccount()
        let manifest = try ExtendedManifest.seed(url: url, account: account, peer: peer, regions: Self.regions)
        #expect(manifest.accounts == [account, peer])
        let client = try await MotoEnvironment.client(account: account)
        let peerClient = try await MotoEnvironment.client(account: peer)
        let inventory = await Scanner(client: client).scan([
            (client, ScanRequest(accountID: account, regions: Self.regions)),
            (peerClient, ScanRequest(accountID: peer, regions: Self.regions)),
        ])
        #expect(inventory.diagnostics.isEmpty, "\(inventory.diagnostics)")

        let found = inventory.index()
        // A peering seen from both sides (two accounts, two regions) is one resource.
        #expect(found.count == inventory.resources.count, "duplicate ARNs")
        for entry in manifest.resources {
            let resource = found[entry.arn]
            #expect(resource?.type.rawValue == entry.type, "\(entry.name) \(entry.arn) not found as \(entry.type)")
            guard let resource else { continue }
            #expect(resource.region == entry.region, "\(entry.name) region \(resource.region)")
            #expect(resource.accountID == entry.account, "\(entry.name) account \(resource.accountID)")
            #expect(resource.resourceID == entry.id, "\(entry.name) id \(resource.resourceID)")
            for (key, value) in entry.config.sorted(by: { $0.key < $1.key }) {
                #expect(
                    resource.config[key] == value, "\(entry.name) \(key): \(String(describing: resource.config[key]))")
            }
        }

        let relations = Set(inventory.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
        let missing = manifest.relationships.map { $0.joined(separator: " ") }.filter { !relations.contains($0) }
        #expect(missing.isEmpty, "missing relationships: \(missing)")
        // A gateway endpoint's route tables are known from the endpoint itself, not only from their routes.
        let endpointRoutes = inventory.relationships.filter { $0.kind == .routes && $0.to.contains(":vpc-endpoint/") }
        #expect(endpointRoutes.count == 2)
        #expect(endpointRoutes.allSatisfy { $0.evidence.contains("ec2:DescribeVpcEndpoints RouteTableIds") })

        // No relationship points at a resource of the scanned accounts and regions that the scan did not find.
        let dangling = manifest.danglingEnds(in: inventory)
        #expect(dangling.isEmpty, "relationships to nothing: \(dangling)")

        // Nothing invented: what the seed did not make is what AWS (moto) makes by itself.
        let invented = manifest.invented(in: inventory).map { "\($0.type) \($0.arn)" }
        #expect(invented.isEmpty, "invented: \(invented)")
        #expect(inventory.resources.allSatisfy { manifest.accounts.contains($0.accountID) })
    }
}

/// The pure parts of what the extended environment made the collectors learn.
@Suite struct ExtendedEnvironmentFixTests {
    @Test func aPeeringAttachmentSitsOnTheGatewayOfItsOwnRegionWhicheverWayItIsListed() {
        let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")
        var builder = NetworkInventoryBuilder(context: context)
        builder.addTransitGateways([
            TransitGateway(transitGatewayID: "tgw-eu", ownerID: "", state: "available", tags: [:])
        ])
        func peering(_ id: String, gateway: String, peer: String) -> TransitGatewayAttachment {
            TransitGatewayAttachment(
                attachmentID: id, transitGatewayID: gateway, resourceType: "peering", resourceID: peer,
                resourceOwnerID: "345600000001", state: "available", tags: [:])
        }
        // As AWS lists the accepter's side, and as moto does (under the requester's gateway).
        builder.addTransitGatewayAttachments([
            peering("tgw-attach-aws", gateway: "tgw-eu", peer: "tgw-us"),
            peering("tgw-attach-moto", gateway: "tgw-us", peer: "tgw-eu"),
        ])
        let gateways = builder.output.relationships.filter { $0.kind == .peering }.map(\.to)
        #expect(gateways == Array(repeating: context.arn("ec2", "transit-gateway", "tgw-eu"), count: 2))
    }

    @Test func aGatewayEndpointIsRoutedFromTheRouteTablesItNames() {
        let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")
        var builder = NetworkInventoryBuilder(context: context)
        builder.addEndpoints([
            VPCEndpoint(
                vpcEndpointID: "vpce-1", vpcID: "vpc-1", serviceName: "com.amazonaws.eu-west-1.s3",
                endpointType: "Gateway", state: "available", subnetIDs: [], routeTableIDs: ["rtb-2", "rtb-1"],
                securityGroupIDs: [], tags: [:])
        ])
        #expect(
            builder.output.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to)" } == [
                "\(context.arn("ec2", "route-table", "rtb-1")) routes \(context.arn("ec2", "vpc-endpoint", "vpce-1"))",
                "\(context.arn("ec2", "route-table", "rtb-2")) routes \(context.arn("ec2", "vpc-endpoint", "vpce-1"))",
            ])
    }

    @Test func membersNotListedAsClustersAreBuiltFromTheirGroupAndListedOnesAreLeftAlone() {
        let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")
        let listed = CacheCluster(
            identifier: "cache-002", arn: "arn:aws:elasticache:eu-west-1:345600000001:cluster:cache-002",
            engine: "redis", nodeType: "cache.r6g.large", nodeCount: 1, replicationGroupID: "cache",
            securityGroupIDs: [])
        let group = CacheReplicationGroup(
            identifier: "cache", arn: "arn:aws:elasticache:eu-west-1:345600000001:replicationgroup:cache",
            memberClusters: ["cache-002", "cache-001", "cache-001"], nodeType: "cache.r6g.large", multiAZ: true)
        let members = ElastiCacheCollector.unlistedMembers(of: [group], listed: [listed], context: context)
        #expect(members.map(\.arn) == ["arn:aws:elasticache:eu-west-1:345600000001:cluster:cache-001"])
        #expect(
            members.first?.config == [
                "instanceType": "r6g", "instanceSize": "large", "nodes": 1, "replicationGroup": "cache",
            ])
        #expect(ElastiCacheCollector.unlistedMembers(of: [group], listed: [listed], context: context) == members)
        let whole = CacheReplicationGroup(
            identifier: "cache", arn: group.arn, memberClusters: ["cache-002"], nodeType: nil, multiAZ: false)
        #expect(ElastiCacheCollector.unlistedMembers(of: [whole], listed: [listed], context: context).isEmpty)
    }

    @Test func unlistedMembersSitInTheirZonesSubnetOfTheSiblingsSubnetGroup() {
        let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")
        let listed = CacheCluster(
            identifier: "cache-002", arn: "arn:aws:elasticache:eu-west-1:345600000001:cluster:cache-002",
            engine: "redis", nodeType: "cache.r6g.large", nodeCount: 1, subnetGroup: "cache-subnets",
            replicationGroupID: "cache", securityGroupIDs: [])
        let group = CacheReplicationGroup(
            identifier: "cache", arn: "arn:aws:elasticache:eu-west-1:345600000001:replicationgroup:cache",
            memberClusters: ["cache-001", "cache-002", "cache-003"], nodeType: "cache.r6g.large", multiAZ: true,
            memberZones: ["cache-001": "eu-west-1b"])
        let subnets = CacheSubnetGroup(
            name: "cache-subnets", vpcID: "vpc-1", subnetIDs: ["subnet-a", "subnet-b"],
            subnetZones: ["subnet-a": "eu-west-1a", "subnet-b": "eu-west-1b"])
        let other = CacheSubnetGroup(name: "other", vpcID: "vpc-2", subnetIDs: ["subnet-z"])
        let members = ElastiCacheCollector.unlistedMembers(
            of: [group], listed: [listed], subnetGroups: ["cache-subnets": subnets, "other": other], context: context)
        #expect(members.map(\.resourceID) == ["cache-001", "cache-003"])
        #expect(
            members.map(\.placement) == [
                Placement(vpcID: "vpc-1", subnetIDs: ["subnet-b"], availabilityZones: ["eu-west-1b"]),
                Placement(vpcID: "vpc-1", subnetIDs: ["subnet-a", "subnet-b"]),
            ])
    }

    @Test(arguments: [
        ("arn:aws:sqs:eu-west-1:1:orders-dlq", true), ("arn:aws:sqs:eu-west-1:1:OrdersDeadLetterQueue", true),
        ("arn:aws:sqs:eu-west-1:1:billing_dead_letter.fifo", true), ("arn:aws:sqs:eu-west-1:1:orders", false),
        ("arn:aws:sqs:eu-west-1:1:deadline-jobs", false),
    ])
    func deadLetterQueuesAreKnownByName(arn: String, named: Bool) {
        #expect(SQSCollector.isNamedDeadLetterQueue(arn) == named)
    }
}

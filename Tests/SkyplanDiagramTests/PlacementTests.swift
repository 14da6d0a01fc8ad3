import SkyplanDiagram
import SkyplanModel
import Testing

/// Where components go: subnet-placed resources in their subnets (once, however many zones they span),
/// attachments folded into their owners unless `detail=full`, empty subnets and default VPCs collapsed
/// unless `empty=show`.
@Suite("Placement")
struct PlacementTests {
    static let account = "123456789012"

    static func resource(
        _ type: ComponentType, _ id: String, placement: Placement = Placement(), config: [String: JSONValue] = [:]
    ) -> Resource {
        Resource(
            arn: "arn:aws:ec2:eu-west-1:\(account):\(type.rawValue)/\(id)", type: type, resourceID: id,
            accountID: account, region: "eu-west-1", name: id, placement: placement, config: config)
    }

    static func subnet(_ id: String, vpc: String, zone: String, access: String) -> Resource {
        resource(
            .subnet, id, placement: Placement(vpcID: vpc, availabilityZones: [zone]),
            config: ["subnetType": .string(access)])
    }

    static func inventory() -> Inventory {
        let instance = resource(
            .ec2, "i-web",
            placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-wa"], availabilityZones: ["eu-west-1a"]))
        let volume = resource(.ebs, "vol-web", config: ["volumeType": "gp3", "volumeSize": 30])
        let interface = resource(
            .networkInterface, "eni-web",
            placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-wa"], availabilityZones: ["eu-west-1a"]))
        let balancer = resource(
            .elb, "alb",
            placement: Placement(
                vpcID: "vpc-1", subnetIDs: ["subnet-pb", "subnet-pa"], availabilityZones: ["eu-west-1a", "eu-west-1b"]))
        let targets = resource(.targetGroup, "tg-web", placement: Placement(vpcID: "vpc-1"))
        let routes = resource(.routeTable, "rtb-1", placement: Placement(vpcID: "vpc-1"))
        let resources = [
            resource(.vpc, "vpc-1"), resource(.vpc, "vpc-default", config: ["isDefault": true]),
            subnet("subnet-pa", vpc: "vpc-1", zone: "eu-west-1a", access: "public"),
            subnet("subnet-pb", vpc: "vpc-1", zone: "eu-west-1b", access: "public"),
            subnet("subnet-wa", vpc: "vpc-1", zone: "eu-west-1a", access: "private"),
            subnet("subnet-empty", vpc: "vpc-1", zone: "eu-west-1b", access: "private"),
            subnet("subnet-d1", vpc: "vpc-default", zone: "eu-west-1a", access: "public"),
            instance, volume, interface, balancer, targets, routes,
        ]
        let relationships = [
            Relationship(from: volume.arn, to: instance.arn, kind: .attachment, evidence: "volume"),
            Relationship(from: interface.arn, to: instance.arn, kind: .attachment, evidence: "eni"),
            Relationship(from: balancer.arn, to: targets.arn, kind: .targets, evidence: "listener"),
            Relationship(from: targets.arn, to: instance.arn, kind: .targets, evidence: "target"),
        ]
        return Inventory(resources: resources, relationships: relationships, accountIDs: [account])
    }

    static func node(_ data: BlueprintData, _ id: String) -> BlueprintNode? {
        data.nodes.first { $0.arn?.hasSuffix("/" + id) == true }
    }

    static func group(_ data: BlueprintData, _ id: String) -> BlueprintGroup? {
        data.groups.first { $0.arn?.hasSuffix("/" + id) == true }
    }

    @Test func aComponentInSeveralZonesSitsInTheFirstZonesSubnetAndNamesTheZones() throws {
        let data = Layout.blueprint(for: Self.inventory())
        let balancer = try #require(Self.node(data, "alb"))
        let home = try #require(Self.group(data, "subnet-pa"))
        #expect(home.nodes.contains(balancer.id))
        #expect(try #require(home.rect).contains(balancer.rect))
        #expect(balancer.extra["spansZones"] == .array(["eu-west-1a", "eu-west-1b"]))
        let instance = try #require(Self.node(data, "i-web"))
        #expect(instance.extra["spansZones"] == nil)
    }

    @Test func attachmentsFoldIntoTheirOwnersAndTheirConnectionsGoToTheOwner() throws {
        let data = Layout.blueprint(for: Self.inventory())
        #expect(Self.node(data, "vol-web") == nil && Self.node(data, "eni-web") == nil)
        #expect(Self.node(data, "tg-web") == nil && Self.node(data, "rtb-1") == nil)
        let instance = try #require(Self.node(data, "i-web"))
        let parts = (instance.extra["attachments"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        #expect(parts.sorted() == ["ebs", "eni"])
        let balancer = try #require(Self.node(data, "alb"))
        #expect(balancer.extra["attachments"]?.arrayValue?.first?["type"] == "targetgroup")
        #expect(data.edges.map { "\($0.from)>\($0.to)" } == ["\(balancer.id)>\(instance.id)"])
        let vpc = try #require(Self.group(data, "vpc-1"))
        #expect(vpc.extra["attachments"]?.arrayValue?.first?["type"] == "routetable")
    }

    @Test func detailFullDrawsEveryAttachment() throws {
        let data = Layout.blueprint(for: Self.inventory(), options: LayoutOptions(detail: .full))
        for id in ["vol-web", "eni-web", "tg-web", "rtb-1"] { #expect(Self.node(data, id) != nil, "\(id)") }
        #expect(data.edges.count == 4)
    }

    @Test func emptySubnetsAndEmptyDefaultVPCsCollapseUnlessShown() {
        let collapsed = Layout.blueprint(for: Self.inventory())
        #expect(Self.group(collapsed, "subnet-empty") == nil && Self.group(collapsed, "subnet-pb") == nil)
        #expect(Self.group(collapsed, "vpc-default") == nil && Self.group(collapsed, "subnet-d1") == nil)
        #expect(Self.group(collapsed, "vpc-1") != nil)
        let shown = Layout.blueprint(for: Self.inventory(), options: LayoutOptions(showEmpty: true))
        for id in ["subnet-empty", "subnet-pb", "vpc-default", "subnet-d1"] {
            #expect(Self.group(shown, id) != nil, "\(id)")
        }
    }

    @Test func anECSServiceWithoutTasksIsAnEmptyOutlineInItsSubnetThatItsImagesPointAt() throws {
        var inventory = Self.inventory()
        let service = Self.resource(
            .ecsService, "idle",
            placement: Placement(subnetIDs: ["subnet-wa", "subnet-pb"], availabilityZones: ["eu-west-1a"]))
        let registry = Self.resource(.ecr, "shop-web")
        inventory.resources += [service, registry]
        inventory.relationships.append(
            Relationship(from: registry.arn, to: service.arn, kind: .uses, evidence: "ecs:DescribeTaskDefinition"))
        let data = Layout.blueprint(for: inventory)
        let outline = try #require(Self.group(data, "idle"))
        #expect(outline.type == .ecsService && outline.nodes.isEmpty)
        let subnet = try #require(Self.group(data, "subnet-wa"))  // the first zone's, as for components
        #expect(try #require(subnet.rect).contains(try #require(outline.rect)))
        let repository = try #require(Self.node(data, "shop-web"))
        #expect(data.edges.contains { $0.from == repository.id && $0.to == outline.id })
        #expect(try BlueprintData.decode(data.encoded()) == data)  // an edge may end on an outline
        // Not drawn when ECS services are left out, nor under a filter (which drops empty outlines).
        #expect(
            Self.group(Layout.blueprint(for: inventory, options: LayoutOptions(excludedTypes: [.ecsService])), "idle")
                == nil)
        let filtered = Layout.blueprint(for: inventory, options: LayoutOptions(filter: try Filter.parse("type=ecr")))
        #expect(Self.group(filtered, "idle") == nil)
    }
}

@Suite("Peering")
struct PeeringTests {
    @Test func aPeeringConnectionJoinsTheVPCGroupsInsteadOfBeingANode() throws {
        let peering = PlacementTests.resource(
            .vpcPeering, "pcx-1", placement: Placement(vpcID: "vpc-1"),
            config: ["peerVpc": "vpc-2", "peerAccount": "210987654321", "peerRegion": "eu-west-1"])
        let app = PlacementTests.resource(
            .ec2, "i-2",
            placement: Placement(vpcID: "vpc-2", subnetIDs: ["subnet-x"], availabilityZones: ["eu-west-1a"]))
        var inventory = PlacementTests.inventory()
        inventory.resources += [PlacementTests.resource(.vpc, "vpc-2"), peering, app]
        let data = Layout.blueprint(for: inventory)
        #expect(PlacementTests.node(data, "pcx-1") == nil)
        let requester = try #require(PlacementTests.group(data, "vpc-1"))
        let accepter = try #require(PlacementTests.group(data, "vpc-2"))
        let connection = try #require(requester.extra["peeringConnections"]?.arrayValue?.first)
        #expect(connection["accepterId"]?.stringValue == accepter.id)
        #expect(connection["accepterVpc"] == "vpc-2" && connection["name"] == "pcx-1")
        #expect(accepter.extra["peeringConnections"] == .array([]))
        let full = Layout.blueprint(for: inventory, options: LayoutOptions(detail: .full))
        #expect(PlacementTests.node(full, "pcx-1") != nil)
    }
}

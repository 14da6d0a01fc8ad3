import SkyplanModel
import Testing

@testable import SkyplanDiscovery

@Suite struct SubnetClassifierTests {
    let vpc = "vpc-1"

    func table(
        _ id: String, main: Bool = false, subnets: [String] = [], routes: [RouteFacts]
    ) -> RouteTableFacts {
        RouteTableFacts(
            id: id, vpcID: vpc, isMain: main, subnetIDs: subnets,
            routes: [RouteFacts(destinationCIDR: "10.0.0.0/16", target: "local")] + routes)
    }

    @Test func mainTablePublicButExplicitTablePrivateMakesSubnetPrivate() {
        let tables = [
            table("rtb-main", main: true, routes: [RouteFacts(destinationCIDR: "0.0.0.0/0", target: "igw-1")]),
            table(
                "rtb-priv", subnets: ["subnet-a"], routes: [RouteFacts(destinationCIDR: "0.0.0.0/0", target: "nat-1")]),
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: tables) == .private)
        // A subnet with no explicit association falls back to the main table.
        #expect(SubnetClassifier.classify(subnetID: "subnet-b", vpcID: vpc, tables: tables) == .public)
    }

    @Test func explicitTableWithoutDefaultRouteIsIsolatedEvenWhenMainIsPublic() {
        let tables = [
            table("rtb-main", main: true, routes: [RouteFacts(destinationCIDR: "0.0.0.0/0", target: "igw-1")]),
            table("rtb-iso", subnets: ["subnet-a"], routes: []),
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: tables) == .isolated)
    }

    @Test(arguments: [
        ("igw-1", SubnetAccess.public), ("nat-1", .private), ("tgw-1", .private), ("eni-1", .private),
        ("i-1", .private), ("pcx-1", .isolated), ("vpce-1", .isolated),
    ])
    func defaultRouteTargetDecidesAccess(target: String, expected: SubnetAccess) {
        let tables = [
            table("rtb-1", subnets: ["subnet-a"], routes: [RouteFacts(destinationCIDR: "0.0.0.0/0", target: target)])
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: tables) == expected)
    }

    @Test func noTableAtAllIsIsolated() {
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: []) == .isolated)
        // A main table of another VPC does not count.
        let other = RouteTableFacts(
            id: "rtb-x", vpcID: "vpc-2", isMain: true, subnetIDs: [],
            routes: [RouteFacts(destinationCIDR: "0.0.0.0/0", target: "igw-2")])
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: [other]) == .isolated)
    }

    @Test func ipv6DefaultRouteToInternetGatewayIsPublic() {
        let tables = [
            table("rtb-1", subnets: ["subnet-a"], routes: [RouteFacts(destinationIPv6CIDR: "::/0", target: "igw-1")])
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: tables) == .public)
    }

    @Test func ipv6DefaultRouteToEgressOnlyGatewayIsPrivateWithEgress() {
        let tables = [
            table("rtb-1", subnets: ["subnet-a"], routes: [RouteFacts(destinationIPv6CIDR: "::/0", target: "eigw-1")])
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: tables) == .private)
    }

    @Test func internetGatewayWinsOverNATAndNonDefaultRoutesDoNotCount() {
        let both = [
            table(
                "rtb-1", subnets: ["subnet-a"],
                routes: [
                    RouteFacts(destinationCIDR: "0.0.0.0/0", target: "nat-1"),
                    RouteFacts(destinationIPv6CIDR: "::/0", target: "igw-1"),
                ])
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: both) == .public)
        let narrow = [
            table(
                "rtb-1", subnets: ["subnet-a"],
                routes: [
                    RouteFacts(destinationCIDR: "192.168.0.0/16", target: "igw-1"),
                    RouteFacts(destinationCIDR: "10.8.0.0/16", target: "tgw-1"),
                ])
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: narrow) == .isolated)
    }

    @Test func blackholeDefaultRouteGoesNowhere() {
        let tables = [
            table(
                "rtb-1", subnets: ["subnet-a"],
                routes: [
                    RouteFacts(destinationCIDR: "0.0.0.0/0", target: "nat-gone", state: "blackhole")
                ])
        ]
        #expect(SubnetClassifier.classify(subnetID: "subnet-a", vpcID: vpc, tables: tables) == .isolated)
    }
}

@Suite struct InstanceShapeTests {
    @Test(arguments: [
        ("m5.large", "m5", "large"), ("db.r6g.2xlarge", "r6g", "2xlarge"), ("cache.t3.micro", "t3", "micro"),
        ("u-6tb1.metal", "u-6tb1", "metal"),
    ])
    func splitsInstanceClass(input: String, type: String, size: String) throws {
        let shape = try #require(InstanceShape.split(input))
        #expect(shape.type == type && shape.size == size)
    }

    @Test func unsplittableClassGivesNoKeys() {
        #expect(InstanceShape.split("m5") == nil)
        #expect(InstanceShape.config(nil).isEmpty)
    }

    @Test func platformPrefersPlatformDetailsThenUsageOperation() {
        #expect(
            InstanceShape.platform(
                details: "Windows with SQL Server Web", usageOperation: "RunInstances", platform: nil)
                == "mswinSQLWeb")
        #expect(InstanceShape.platform(details: nil, usageOperation: "RunInstances:0010", platform: nil) == "rhel")
        #expect(InstanceShape.platform(details: nil, usageOperation: nil, platform: "windows") == "mswin")
        #expect(InstanceShape.platform(details: "Linux/UNIX", usageOperation: nil, platform: nil) == "linux")
        #expect(InstanceShape.platform(details: nil, usageOperation: nil, platform: nil) == "linux")
        #expect(InstanceShape.platform(details: "SUSE Linux", usageOperation: nil, platform: nil) == "sles")
    }
}

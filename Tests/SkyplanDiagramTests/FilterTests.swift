import SkyplanDiagram
import SkyplanModel
import Testing

@Suite("Filter language")
struct FilterTests {
    static let web = Resource(
        arn: "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", type: .ec2, resourceID: "i-0abc",
        accountID: "111122223333", region: "us-east-1", name: "web-1", tags: ["service": "web", "Owner": "ops"],
        placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-1"], securityGroupIDs: ["sg-1"]))
    static let volume = Resource(
        arn: "arn:aws:ec2:us-east-1:111122223333:volume/vol-1", type: .ebs, resourceID: "vol-1",
        accountID: "111122223333", region: "us-east-1", tags: ["service": "web"],
        placement: Placement(vpcID: "vpc-2", subnetIDs: ["subnet-2"]))
    static let bucket = Resource(
        arn: "arn:aws:s3:::assets", type: .s3, resourceID: "assets", accountID: "111122223333", region: "us-east-1")
    static let vpc = Resource(
        arn: "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-1", type: .vpc, resourceID: "vpc-1",
        accountID: "111122223333", region: "us-east-1", name: "prod")
    static let live = [
        "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc": ["state": "running", "privateIp": "10.0.1.5"]
    ]
    static let context = FilterContext(
        inventory: Inventory(resources: [web, volume, bucket, vpc]), liveAttributes: live)

    func selected(_ text: String) throws -> [String] {
        let expression = try Filter.parse(text)
        return [Self.web, Self.volume, Self.bucket].filter { expression.matches($0, in: Self.context) }.map(
            \.resourceID)
    }

    @Test func matchesTheDocumentedExample() throws {
        #expect(try selected("service=web AND (type=ec2 running OR type=ebs)") == ["i-0abc", "vol-1"])
        #expect(try selected("service=web AND (type=ec2 stopped OR type=rds)") == [])
    }

    @Test func matchesNamesIdsTypesAndTags() throws {
        #expect(try selected("web-1") == ["i-0abc"])
        #expect(try selected("i-0abc") == ["i-0abc"])
        #expect(try selected("type=s3") == ["assets"])
        #expect(try selected("owner") == ["i-0abc"])
        #expect(try selected("web-*") == ["i-0abc"])
        #expect(try selected("\"assets\"") == ["assets"])
    }

    @Test func containerIdsAndNamesSelectWhatIsInside() throws {
        #expect(try selected("vpc-1") == ["i-0abc"])
        #expect(try selected("prod") == ["i-0abc"])
        #expect(try selected("subnet-2") == ["vol-1"])
        #expect(try selected("sg-1") == ["i-0abc"])
    }

    @Test func stateWordsAndAddressesNeedLiveValues() throws {
        #expect(try selected("running") == ["i-0abc"])
        #expect(try selected("10.0.1.5") == ["i-0abc"])
        let expression = try Filter.parse("running")
        #expect(!expression.matches(Self.web, in: FilterContext()))
    }

    @Test func notBangAndPrecedence() throws {
        #expect(try selected("NOT type=ec2") == ["vol-1", "assets"])
        #expect(try selected("!type=ec2 !type=ebs") == ["assets"])
        #expect(try selected("type=s3 OR type=ebs AND service=web") == ["vol-1", "assets"])
        #expect(try selected("") == ["i-0abc", "vol-1", "assets"])
    }

    @Test(arguments: [
        ("type=ec2 AND (running", 21, "expected ')' to close the '(' at position 13"),
        ("type=", 5, "expected a value"),
        ("a OR", 4, "unexpected end"),
        (")", 0, "unexpected ')'"),
        ("=web", 0, "needs a key"),
        ("name=\"web", 5, "unterminated"),
        ("()", 1, "empty parentheses"),
    ])
    func syntaxErrorsCarryThePosition(input: String, position: Int, message: String) {
        #expect {
            _ = try Filter.parse(input)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.position == position && error.description.contains(message)
        }
    }

    @Test func layoutAppliesFilterAndExclude() throws {
        let inventory = SyntheticInventory.make(components: 200, seed: 3)
        let onlyQueues = Layout.blueprint(for: inventory, options: LayoutOptions(filter: try Filter.parse("type=sqs")))
        #expect(!onlyQueues.nodes.isEmpty)
        #expect(onlyQueues.nodes.allSatisfy { $0.type == .sqs })
        #expect(onlyQueues.groups.allSatisfy { $0.type == .region })
        let noInstances = Layout.blueprint(
            for: inventory, options: LayoutOptions(excludedTypes: [.ec2, .securityGroup]))
        #expect(!noInstances.nodes.contains { $0.type == .ec2 })
        #expect(!noInstances.groups.contains { $0.type == .securityGroup })
        #expect(noInstances.liveOptions.excludedTypes == ["ec2", "sg"])
        let unconnected = Layout.blueprint(for: inventory, options: LayoutOptions(label: false, autoconnect: false))
        #expect(unconnected.edges.isEmpty)
        #expect(unconnected.liveOptions.autoLabel == false)
        #expect(!Layout.blueprint(for: inventory).edges.isEmpty)
    }
}

import SkyplanModel
import Testing

@testable import SkyplanBudget

/// Hand-computed figures from the bundled price book (us-east-1, 730 h/month).
@Suite struct CostModelTests {
    let model: CostModel

    init() throws {
        model = CostModel(book: try PriceBook.bundled())
    }

    func component(_ type: ComponentType, _ config: [String: JSONValue], region: String = "us-east-1")
        -> PricedComponent
    {
        PricedComponent(id: "c-\(type.rawValue)", type: type, region: region, config: config)
    }

    func monthly(_ component: PricedComponent) -> Double {
        model.budget(for: [component]).total()
    }

    @Test func m5LargeLinuxOnDemandMonthIs70Dollars08() throws {
        let ec2 = component(.ec2, ["instanceType": "m5", "instanceSize": "large", "platform": "linux"])
        let lines = model.lines(for: ec2)
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(line.quantity == 730)
        #expect(line.unitPrice == 0.096)
        #expect(abs(monthly(ec2) - 70.08) < 1e-9)
        #expect(line.provenance == "karpenter @2026-07-20")
        #expect(!line.isAssumption)
    }

    @Test func publicIPv4IsChargedAtHalfACentAnHour() {
        let ec2 = component(.ec2, ["instanceType": "m5.large", "publicIp": true, "tenancy": "default"])
        #expect(abs(monthly(ec2) - (70.08 + 3.65)) < 1e-9)
        let dedicated = component(.ec2, ["instanceType": "m5.large", "tenancy": "dedicated"])
        #expect(model.budget(for: [dedicated]).unpricedLineCount == 1)  // no dedicated prices in the book
    }

    @Test func countMultipliesTheQuantity() {
        var ec2 = component(.ec2, ["instanceType": "m5.large"])
        ec2.count = 3
        #expect(abs(monthly(ec2) - 3 * 70.08) < 1e-9)
    }

    @Test func gp3Volume100GBIs8Dollars() {
        #expect(abs(monthly(component(.ebs, ["volumeType": "gp3", "volumeSize": 100])) - 8.0) < 1e-9)
    }

    @Test func gp3ExtraIopsAndThroughputAreCharged() {
        let ebs = component(.ebs, ["volumeType": "gp3", "volumeSize": 100, "iops": 4000, "throughput": 225])
        // 8.00 storage + 1000 × 0.005 IOPS + 100 × 0.04 MiB/s.
        #expect(abs(monthly(ebs) - (8 + 5 + 4)) < 1e-9)
    }

    @Test func applicationLoadBalancerWithOneLCU() {
        let alb = component(.elb, ["elbType": "application", "lcu": 1])
        // 730 × 0.0225 + 730 × 1 × 0.008.
        #expect(abs(monthly(alb) - 22.265) < 1e-9)
    }

    @Test func natGatewayWith100GBIncludesItsElasticIP() {
        let nat = component(.natGateway, ["dataGb": 100])
        // 730 × 0.045 + 100 × 0.045 + 730 × 0.005.
        #expect(abs(monthly(nat) - 41.0) < 1e-9)
        #expect(model.lines(for: nat).map(\.priceKey.id) == ["nat.hours", "nat.data_processed", "vpc.public_ipv4"])
    }

    @Test func unknownInstanceTypeIsUnpricedNotZero() throws {
        let budget = model.budget(for: [component(.ec2, ["instanceType": "zz9", "instanceSize": "huge"])])
        let line = try #require(budget.lines.first)
        #expect(line.isUnpriced)
        #expect(line.monthlyCost == nil && line.unitPrice == nil)
        #expect(budget.unpricedLineCount == 1)
        #expect(budget.unpricedComponentCount == 1)
        #expect(line.note.contains("no price for ec2.instance us-east-1"))
    }

    @Test func regionWithoutNonEC2PricesIsUnpriced() {
        let budget = model.budget(for: [component(.natGateway, ["dataGb": 1], region: "eu-west-1")])
        #expect(budget.unpricedLineCount == 3)
        #expect(budget.total() == 0)
    }

    @Test func regionalSampleInstancePriced() {
        // t3.micro in eu-west-1 from the regional sample.
        let ec2 = component(.ec2, ["instanceType": "t3", "instanceSize": "micro"], region: "eu-west-1")
        #expect(model.budget(for: [ec2]).unpricedLineCount == 0)
    }

    @Test func unknownComponentTypeIsUnpricedAndFreeTypesHaveNoLines() {
        let budget = model.budget(for: [component("quantumledger", [:]), component(.vpc, [:]), component(.subnet, [:])])
        #expect(budget.unpricedLineCount == 1)
        #expect(budget.lines.count == 1)
    }

    @Test func usageQuantitiesDefaultToFlaggedAssumptions() throws {
        let lambda = component(.lambda, ["memory": 1024])
        let lines = model.lines(for: lambda)
        #expect(lines.allSatisfy { $0.isAssumption })
        // 1M requests × $0.0000002 + 1M × 0.1 s × 1 GB × 0.0000166667.
        #expect(abs(monthly(lambda) - (0.2 + 100_000 * 0.0000166667)) < 1e-9)
        var assumptions = UsageAssumptions()
        assumptions.lambdaMillionRequests = 10
        let edited = CostModel(book: model.book, assumptions: assumptions)
        #expect(abs(edited.budget(for: [lambda]).total() - 10 * monthly(lambda)) < 1e-9)
    }

    @Test func lambdaConfiguredUsageArm() {
        let lambda = component(
            .lambda, ["memory": 2048, "architecture": "arm64", "mRequests": 3, "computeDuration": 0.2])
        let gbSeconds = 3e6 * 0.2 * 2
        #expect(abs(monthly(lambda) - (0.6 + gbSeconds * 0.0000133334)) < 1e-9)
        #expect(model.lines(for: lambda).allSatisfy { !$0.isAssumption })
    }

    @Test func rdsMultiAZWithStorage() {
        let rds = component(
            .rds,
            [
                "engine": "mysql", "instanceType": "db.t3", "instanceSize": "large", "multiAZ": true,
                "storage": 100,
            ])
        // 730 × 0.272 + 100 × 0.23.
        #expect(abs(monthly(rds) - (198.56 + 23)) < 1e-9)
    }

    @Test func rdsGP3IopsAboveBaselineAndIo1MultiAZUnpriced() {
        let gp3 = component(
            .rds,
            [
                "engine": "postgres", "instanceType": "db.t3.large", "storage": 100,
                "storageType": "gp3", "iops": 5000,
            ])
        // 730 × 0.145 + 100 × 0.115 + 2000 × 0.02.
        #expect(abs(monthly(gp3) - (105.85 + 11.5 + 40)) < 1e-9)
        let io1 = component(
            .rds,
            [
                "engine": "mysql", "instanceType": "db.t3.large", "multiAZ": true,
                "storageType": "io1", "storage": 100, "iops": 1000,
            ])
        #expect(model.budget(for: [io1]).unpricedLineCount == 2)  // no multi-AZ io1 prices in the book
    }

    @Test func dynamoDBProvisionedAndOnDemand() {
        let provisioned = component(
            .dynamoDB,
            [
                "capacityMode": "provisioned", "readUnits": 10, "writeUnits": 5,
                "datasetGb": 4,
            ])
        #expect(abs(monthly(provisioned) - (10 * 730 * 0.00013 + 5 * 730 * 0.00065 + 1.0)) < 1e-9)
        let onDemand = component(
            .dynamoDB, ["capacityMode": "on-demand", "readUnits": 2, "writeUnits": 1, "datasetGb": 0])
        #expect(abs(monthly(onDemand) - (2 * 0.125 + 0.625)) < 1e-9)
    }

    @Test func elastiCacheNodes() {
        let cache = component(.elastiCache, ["instanceType": "cache.r5", "instanceSize": "4xlarge", "nodes": 2])
        #expect(abs(monthly(cache) - 2 * 730 * 1.724) < 1e-9)
    }

    @Test func cloudcraftEBSKeysAndSnapshots() {
        // Cloudcraft's schema: volume = type, storage = GiB, snapshots = GiB.
        let ebs = component(.ebs, ["volume": "gp2", "storage": "200", "snapshots": "50"])
        #expect(abs(monthly(ebs) - (200 * 0.10 + 50 * 0.05)) < 1e-9)
    }

    @Test func classicLoadBalancerDataIsPerHour() {
        let clb = component(.elb, ["elbType": "classic", "dataGb": 1])
        #expect(abs(monthly(clb) - (730 * 0.025 + 730 * 0.008)) < 1e-9)
    }

    @Test func s3RequestsAreInThousands() {
        let bucket = component(
            .s3,
            [
                "volumeType": "Standard", "dataGb": "200", "putCopyPostRequests": "50",
                "getAndOtherRequests": "100",
            ])
        #expect(abs(monthly(bucket) - (200 * 0.023 + 50_000 * 0.000005 + 100_000 * 0.0000004)) < 1e-9)
    }

    @Test func s3PastTheLastKnownTierIsUnpricedNotFree() {
        let bucket = component(.s3, ["volumeType": "Standard", "dataGb": 60_000])
        #expect(model.budget(for: [bucket]).unpricedLineCount == 1)
    }
}

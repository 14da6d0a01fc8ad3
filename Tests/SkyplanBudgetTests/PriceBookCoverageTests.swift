import SkyplanModel
import Testing

@testable import SkyplanBudget

/// The bundled book built by scripts/pricebook-generate.py from every file of shared/pricing: known
/// prices pinned, each with its source and date, by region, never borrowed from another region.
@Suite struct PriceBookCoverageTests {
    static let book = Result { try PriceBook.bundled() }

    func book() throws -> PriceBook { try Self.book.get() }

    func entry(_ id: String, _ region: String, _ attributes: [String: String] = [:]) throws -> PriceEntry {
        try #require(try book().price(id: id, region: region, attributes: attributes), "\(id) \(region) \(attributes)")
    }

    @Test func rdsSingleAndMultiAZPricesArePinned() throws {
        let mysql = try entry(
            "rds.instance", "us-east-1",
            ["deployment": "single_az", "engine": "mysql", "instanceClass": "db.t3.micro"])
        #expect(mysql.usd == 0.017)
        #expect(mysql.source == "coroot-cloud-pricing@af03ead" && mysql.asOf == "2024-08-09")
        let postgres = try entry(
            "rds.instance", "us-east-1",
            ["deployment": "multi_az", "engine": "postgresql", "instanceClass": "db.r6g.large"])
        #expect(postgres.usd == 0.45)
    }

    @Test func auroraIOOptimizedIsItsOwnPrice() throws {
        let attributes = ["deployment": "single_az", "engine": "aurora-postgresql", "instanceClass": "db.r6g.large"]
        #expect(try entry("rds.instance", "us-east-1", attributes).usd == 0.26)
        var optimized = attributes
        optimized["variant"] = "io-optimized"
        #expect(try entry("rds.instance", "us-east-1", optimized).usd == 0.338)
    }

    @Test func elastiCacheAndEC2ByRegion() throws {
        let redis = try entry("elasticache.node", "us-east-1", ["engine": "redis", "nodeType": "cache.t3.small"])
        #expect(redis.usd == 0.034)
        let m5 = try entry(
            "ec2.instance", "eu-west-1", ["instanceType": "m5.large", "os": "linux", "tenancy": "shared"])
        #expect(m5.usd == 0.107)
        #expect(m5.source == "coroot-cloud-pricing@f6f45ed" && m5.asOf == "2024-07-24")
    }

    @Test func dataTransferOutTiersByRegion() throws {
        let key = PriceKey(id: "datatransfer.internet_out", region: "eu-west-1")
        let quote = try #require(try book().quote(key, quantity: 20_000))
        #expect(abs(quote.usd - (10_240 * 0.09 + 9_760 * 0.085)) < 1e-9)
        #expect(quote.entries.count == 2)
        #expect(quote.sources == "coroot-cloud-pricing@af03ead" && quote.asOfDates == "2024-08-09")
        // sa-east-1 has its own, higher first tier: not us-east-1's under another name.
        #expect(try entry("datatransfer.internet_out", "sa-east-1").usd != 0.09)
    }

    @Test func thirtyRegionsHaveEC2RDSAndElastiCache() throws {
        let entries = try book().entries
        func regions(_ id: String) -> Set<String> { Set(entries.filter { $0.id == id }.map(\.region)) }
        #expect(regions("ec2.instance").count >= 31)
        #expect(regions("rds.instance").count >= 31)
        #expect(regions("elasticache.node").count >= 31)
        #expect(regions("datatransfer.internet_out").count == 32)
        #expect(entries.allSatisfy { !$0.source.isEmpty && !$0.asOf.isEmpty && $0.usd > 0 })
    }

    @Test func otherServiceNodesAreLookedUpByAttribute() throws {
        #expect(try entry("redshift.node", "us-east-1", ["nodeType": "dc2.large"]).usd == 0.25)
        #expect(try entry("opensearch.instance", "us-east-1", ["instanceType": "c4.2xlarge.search"]).usd == 0.587)
        // `1M requests` prices are stored per request, like every other request price.
        #expect(try entry("aurora.io_requests", "sa-east-1").usd == 0.00000028)
    }

    @Test func bareMetalDedicatedRowsAreNotSharedPrices() throws {
        let shared = PriceKey(
            id: "ec2.instance", region: "us-east-1",
            attributes: ["instanceType": "c6g.metal", "os": "linux", "tenancy": "shared"])
        #expect(try book().tiers(shared).isEmpty)
        #expect(try book().missingReason(shared).contains("Dedicated"))
        let dedicated = try entry(
            "ec2.instance", "us-east-1", ["instanceType": "c6g.metal", "os": "linux", "tenancy": "dedicated"])
        #expect(dedicated.usd == 2.3066)
        // Other metal types keep their shared price.
        #expect(
            try entry("ec2.instance", "us-east-1", ["instanceType": "c5.metal", "os": "linux", "tenancy": "shared"]).usd
                == 4.08)
    }

    @Test func aMissingRegionIsUnpricedWithAReasonNeverBorrowed() throws {
        let model = CostModel(book: try book())
        let nat = PricedComponent(id: "nat", type: .natGateway, region: "eu-west-1", config: [:])
        let line = try #require(model.budget(for: [nat]).lines.first)
        #expect(line.monthlyCost == nil)
        #expect(line.note.contains("us-east-1") && line.note.contains("never uses another region's price"))
    }

    /// The demo account's priceable components (demo/environment.json) as discovery reports them.
    static let demo: [PricedComponent] = [
        .init(
            id: "web-asg", type: .ec2, region: "us-east-1", config: ["instanceType": "t3", "instanceSize": "medium"]),
        .init(id: "batch-worker", type: .ec2, region: "us-east-1", config: ["instanceType": "m5.large"]),
        .init(id: "batch-data", type: .ebs, region: "us-east-1", config: ["volumeType": "gp3", "volumeSize": 100]),
        .init(
            id: "prod-db", type: .rds, region: "us-east-1",
            config: [
                "engine": "postgres", "instanceType": "m5", "instanceSize": "large", "multiAZ": true, "storage": 100,
                "storageType": "gp2",
            ]),
        .init(
            id: "prod-cache", type: .elastiCache, region: "us-east-1",
            config: ["engine": "redis", "instanceType": "t3", "instanceSize": "medium", "nodes": 1]),
        .init(id: "web-alb", type: .elb, region: "us-east-1", config: ["elbType": "application"]),
        .init(id: "nat", type: .natGateway, region: "us-east-1", config: [:]),
        .init(id: "order-worker", type: .lambda, region: "us-east-1", config: ["memory": 256]),
        .init(id: "assets", type: .s3, region: "us-east-1", config: [:]),
        .init(id: "sessions", type: .dynamoDB, region: "us-east-1", config: ["capacityMode": "PAY_PER_REQUEST"]),
        .init(id: "orders", type: .sqs, region: "us-east-1", config: [:]),
        .init(id: "order-events", type: .sns, region: "us-east-1", config: [:]),
        .init(id: "cdn", type: .cloudFront, region: "global", config: [:]),
        .init(id: "shop-zone", type: .route53, region: "global", config: [:]),
        .init(id: "shop-api", type: .apiGateway, region: "us-east-1", config: [:]),
        .init(id: "web-1", type: .ec2, region: "eu-west-1", config: ["instanceType": "t3.small"]),
        .init(id: "web-1-data", type: .ebs, region: "eu-west-1", config: ["volumeType": "gp3", "volumeSize": 20]),
        .init(
            id: "staging-db", type: .rds, region: "eu-west-1",
            config: ["engine": "postgres", "instanceType": "db.t3.medium", "multiAZ": false, "storage": 20]),
        .init(id: "job-worker", type: .lambda, region: "eu-west-1", config: ["memory": 256]),
        .init(id: "staging-assets", type: .s3, region: "eu-west-1", config: [:]),
        .init(id: "sessions-dr", type: .dynamoDB, region: "eu-west-1", config: [:]),
        .init(id: "jobs", type: .sqs, region: "eu-west-1", config: [:]),
    ]

    @Test func demoAccountIsFullyPricedInUSEast1AndEveryInstanceIsPricedInEUWest1() throws {
        let budget = CostModel(book: try book()).budget(for: Self.demo)
        let unpriced = budget.lines.filter(\.isUnpriced)
        #expect(!unpriced.contains { $0.priceKey.region != "eu-west-1" }, "\(unpriced.map(\.priceKey))")
        // Instance-hour prices exist for eu-west-1 (EC2, RDS); per-unit prices (EBS, Lambda, S3, DynamoDB,
        // SQS, RDS storage) do not in shared/pricing outside us-east-1, so those lines say so.
        #expect(!unpriced.contains { $0.priceKey.id == "ec2.instance" || $0.priceKey.id == "rds.instance" })
        #expect(
            Set(unpriced.map(\.componentID)) == [
                "web-1-data", "staging-db", "job-worker", "staging-assets", "sessions-dr", "jobs",
            ])
        #expect(unpriced.allSatisfy { $0.note.contains("us-east-1") })
        let db = try #require(budget.lines.first { $0.componentID == "prod-db" && $0.priceKey.id == "rds.instance" })
        #expect(db.unitPrice == 0.356)
        #expect(db.priceSource.hasPrefix("coroot-cloud-pricing@") && db.priceAsOf == "2024-08-09")
    }
}

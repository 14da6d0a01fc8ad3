import SkyplanModel
import Testing

@testable import SkyplanBudget

/// Issue #14's priced families, hand-computed from the bundled book (us-east-1, 730 h/month).
@Suite struct AnalyticsCostTests {
    let model: CostModel

    init() throws {
        model = CostModel(book: try PriceBook.bundled())
    }

    func component(_ type: ComponentType, _ config: [String: JSONValue]) -> PricedComponent {
        PricedComponent(id: "c-\(type.rawValue)", type: type, region: "us-east-1", config: config)
    }

    func monthly(_ component: PricedComponent) -> Double { model.budget(for: [component]).total() }

    @Test func redshiftIsNodeHoursTimesNodes() throws {
        let cluster = component(.redshift, ["nodeType": "ra3.4xlarge", "nodes": 2])
        // 2 × 730 × 3.26.
        #expect(abs(monthly(cluster) - 4759.6) < 1e-9)
        let line = try #require(model.lines(for: cluster).first)
        #expect(line.priceKey.attributes == "nodeType=ra3.4xlarge")
        #expect(line.quantitySource == .config("nodes"))
    }

    @Test func aRedshiftNodeTypeTheBookLacksIsUnpricedWithItsReason() throws {
        let line = try #require(model.lines(for: component(.redshift, ["nodeType": "ra3.xlplus", "nodes": 1])).first)
        #expect(line.isUnpriced && line.monthlyCost == nil)
        #expect(line.note.contains("redshift.node"), "\(line.note)")
    }

    @Test func openSearchIsDataAndMasterHoursAndStoragePerNode() {
        let domain = component(
            .openSearch,
            [
                "instanceType": "c4.2xlarge.search", "nodes": 2, "masterType": "c4.8xlarge.search",
                "masterNodes": 1, "storage": 100, "storageType": "gp2",
            ])
        // 2 × 730 × 0.587 + 730 × 2.347 + 2 × 100 × 0.135.
        #expect(abs(monthly(domain) - (857.02 + 1713.31 + 27.0)) < 1e-6)
        #expect(
            model.lines(for: domain).map(\.priceKey.id) == [
                "opensearch.instance", "opensearch.instance", "opensearch.storage.gp2",
            ])
    }

    @Test func streamsAndFirehoseHaveNoPriceInTheBookAndSaySo() {
        let provisioned = component(.kinesisStream, ["capacityMode": "provisioned", "shards": 4])
        let onDemand = component(.kinesisStream, ["capacityMode": "on-demand"])
        let firehose = component(.kinesisFirehose, [:])
        let lines = [provisioned, onDemand, firehose].flatMap { model.lines(for: $0) }
        #expect(lines.map(\.priceKey.id) == ["kinesis.shard_hours", "kinesis.stream_hours", "firehose.ingestion"])
        #expect(lines.allSatisfy { $0.isUnpriced && $0.monthlyCost == nil && $0.note.contains("no price for") })
        #expect(lines[0].quantity == 4 * 730)
        #expect(lines[2].quantity == 100 && lines[2].isAssumption)
    }

    @Test func anElasticIPIsPublicIPv4HoursUnlessItsNATGatewayPaysForIt() {
        let idle = component(.elasticIP, ["attachedTo": "none"])
        #expect(abs(monthly(idle) - 3.65) < 1e-9)
        #expect(abs(monthly(component(.elasticIP, ["attachedTo": "instance"])) - 3.65) < 1e-9)
        #expect(model.lines(for: component(.elasticIP, ["attachedTo": "natgateway"])).isEmpty)
    }

    @Test func workflowsAndBusesAreUsageTheBookDoesNotPrice() {
        let lines = [
            component(.stepFunctions, ["workflowType": "standard"]),
            component(.stepFunctions, ["workflowType": "express"]), component(.eventBus, [:]),
        ].flatMap { model.lines(for: $0) }
        #expect(lines.map(\.priceKey.id) == ["sfn.state_transitions", "sfn.express.requests", "events.custom"])
        #expect(lines.map(\.quantity) == [100_000, 1e6, 1e6])
        #expect(lines.allSatisfy { $0.isUnpriced && $0.isAssumption && $0.note.contains("no price for") })
    }

    @Test func documentDBInstancesAreInstanceHoursAndClustersStorageNeptuneIsUnpriced() {
        let instance = component(.docDB, ["instanceType": "r5", "instanceSize": "4xlarge", "role": "writer"])
        #expect(abs(monthly(instance) - 1617.68) < 1e-9)  // 730 × 2.216
        let cluster = model.lines(for: component(.docDB, ["engine": "docdb", "members": 2]))
        #expect(cluster.map(\.priceKey.id) == ["docdb.storage", "docdb.io_requests"])
        let clusterCost: Double = cluster.compactMap(\.monthlyCost).reduce(0, +)
        #expect(abs(clusterCost - 1.2) < 1e-9)  // 10 GB × 0.1 + 1e6 requests × 0.0000002
        let graph = model.lines(for: component(.neptune, ["instanceType": "r5", "instanceSize": "large"]))
        #expect(graph.map(\.priceKey.id) == ["neptune.instance"] && graph.allSatisfy(\.isUnpriced))
    }

    @Test func brokersAreBrokerHoursByTypeAndMSKStoragePerBroker() {
        let kafka = component(.msk, ["instanceType": "kafka.t3.small", "brokers": 2, "storage": 100])
        let kafkaCost: Double = monthly(kafka)
        #expect(abs(kafkaCost - (2 * 730 * 0.0456 + 200 * 0.1)) < 1e-9)
        let broker = component(
            .mq, ["engine": "activemq", "deploymentMode": "single_instance", "instanceType": "mq.t2.micro"])
        #expect(abs(monthly(broker) - 730 * 0.03) < 1e-9)
        let unknown = model.lines(for: component(.mq, ["instanceType": "mq.m7g.large", "engine": "rabbitmq"]))
        #expect(unknown.count == 1 && unknown.allSatisfy(\.isUnpriced))
    }
}

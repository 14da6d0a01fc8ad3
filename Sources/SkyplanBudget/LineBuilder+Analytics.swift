import SkyplanModel

extension LineBuilder {
    /// Redshift provisioned cluster: node hours × nodes by node type (RA3 managed storage is usage, not priced
    /// from the diagram).
    mutating func redshift() {
        let (nodes, source) =
            component.number("nodes").map { ($0, QuantitySource.config("nodes")) } ?? (1, .rule("1 node"))
        let type = component.string("nodeType")?.lowercased() ?? instanceType() ?? "unknown"
        add(
            "Node hours \(type)", key("redshift.node", Self.attributes(("nodeType", type))), unit: "Hrs",
            quantity: nodes * hours, source: source)
    }

    /// OpenSearch domain: data node hours, dedicated master hours, EBS storage per data node.
    mutating func openSearch() {
        let (nodes, source) =
            component.number("nodes").map { ($0, QuantitySource.config("nodes")) } ?? (1, .rule("1 node"))
        let type = component.string("instanceType")?.lowercased() ?? "unknown"
        add(
            "Instance hours \(type)", key("opensearch.instance", Self.attributes(("instanceType", type))),
            unit: "Hrs", quantity: nodes * hours, source: source)
        if let master = component.string("masterType")?.lowercased(), let count = component.number("masterNodes"),
            count > 0
        {
            add(
                "Dedicated master hours \(master)",
                key("opensearch.instance", Self.attributes(("instanceType", master))), unit: "Hrs",
                quantity: count * hours, source: .config("masterNodes"))
        }
        if let gb = component.number("storage") {
            let volume = component.string("storageType")?.lowercased() ?? "gp2"
            let id = volume == "standard" ? "opensearch.storage.magnetic" : "opensearch.storage.\(volume)"
            add("Storage (\(volume))", key(id), unit: "GB-Mo", quantity: gb * nodes, source: .config("storage"))
        }
    }

    /// Kinesis data stream: shard hours (provisioned) or stream hours (on demand); PUT payload units are usage.
    mutating func kinesisStream() {
        if component.string("capacityMode")?.lowercased() == "on-demand" {
            add(
                "Stream hours (on demand)", key("kinesis.stream_hours"), unit: "Hrs", quantity: hours,
                source: hoursSource)
            return
        }
        let (shards, source) =
            component.number("shards").map { ($0, QuantitySource.config("shards")) } ?? (1, .rule("1 shard"))
        add("Shard hours", key("kinesis.shard_hours"), unit: "Hrs", quantity: shards * hours, source: source)
    }

    /// Firehose delivery stream: GB ingested (an assumption; Firehose charges by volume only).
    mutating func kinesisFirehose() {
        let (gb, source) = quantity("dataGb", assumption: "firehoseDataGB", assumptions.firehoseDataGB)
        add("Data ingested", key("firehose.ingestion"), unit: "GB", quantity: gb, source: source)
    }

    /// Step Functions: state transitions (standard) or requests (express); usage, by assumption.
    mutating func stepFunctions() {
        if component.string("workflowType") == "express" {
            let (millions, source) = quantity(
                "mRequests", assumption: "stepFunctionsMillionExpressRequests",
                assumptions.stepFunctionsMillionExpressRequests)
            add(
                "Express requests", key("sfn.express.requests"), unit: "Requests", quantity: millions * 1e6,
                source: source)
            return
        }
        let (thousands, source) = quantity(
            "kTransitions", assumption: "stepFunctionsThousandTransitions", assumptions.stepFunctionsThousandTransitions
        )
        add(
            "State transitions", key("sfn.state_transitions"), unit: "Transitions", quantity: thousands * 1000,
            source: source)
    }

    /// EventBridge bus: custom events put on it (AWS service events on the default bus are free).
    mutating func eventBus() {
        let (millions, source) = quantity(
            "mEvents", assumption: "eventBridgeMillionEvents", assumptions.eventBridgeMillionEvents)
        add("Custom events", key("events.custom"), unit: "Events", quantity: millions * 1e6, source: source)
    }

    /// DocumentDB / Neptune: an instance (it has an `instanceType`) is instance hours by class; a cluster is its
    /// storage and I/O requests. The book prices DocumentDB only (`docdb.*`); Neptune lines are unpriced.
    mutating func documentOrGraph() {
        let prefix = component.type == .neptune ? "neptune" : "docdb"
        if let type = instanceType(prefix: "db.") {
            add(
                "Instance hours \(type)", key("\(prefix).instance", Self.attributes(("instanceClass", type))),
                unit: "Hrs", quantity: hours, source: hoursSource)
            return
        }
        let (gb, gbSource) = quantity("dataGb", assumption: "documentDBDataGB", assumptions.documentDBDataGB)
        add("Storage", key("\(prefix).storage"), unit: "GB-Mo", quantity: gb, source: gbSource)
        let (io, ioSource) = quantity(
            "mIORequests", assumption: "documentDBMillionIORequests", assumptions.documentDBMillionIORequests)
        add("I/O requests", key("\(prefix).io_requests"), unit: "Requests", quantity: io * 1e6, source: ioSource)
    }

    /// MSK provisioned cluster: broker hours by instance type, EBS storage per broker (serverless is usage).
    mutating func msk() {
        guard let type = component.string("instanceType")?.lowercased() else {
            unknownType()
            return
        }
        let (brokers, source) =
            component.number("brokers").map { ($0, QuantitySource.config("brokers")) } ?? (1, .rule("1 broker"))
        add(
            "Broker hours \(type)", key("msk.broker", Self.attributes(("instanceType", type))), unit: "Hrs",
            quantity: brokers * hours, source: source)
        if let gb = component.number("storage") {
            add("Broker storage", key("msk.storage"), unit: "GB-Mo", quantity: gb * brokers, source: .config("storage"))
        }
    }

    /// Amazon MQ broker: instance hours by engine, deployment mode and instance type (the book's attributes).
    mutating func mq() {
        let type = component.string("instanceType")?.lowercased() ?? "unknown"
        let engine = component.string("engine")?.lowercased() ?? "activemq"
        let deployment = component.string("deploymentMode")?.lowercased() ?? "single_instance"
        add(
            "Broker hours \(type) \(engine) \(deployment)",
            key("mq.broker", Self.attributes(("deployment", deployment), ("engine", engine), ("instanceType", type))),
            unit: "Hrs", quantity: hours, source: hoursSource)
    }

    /// Elastic IP: public IPv4 hours, unless it is a NAT gateway's (priced on the gateway's own line).
    mutating func elasticIP() {
        if component.string("attachedTo") == "natgateway" { return }
        publicIPv4(count: 1, source: .rule("1 address"))
    }
}

import SkyplanAWS
import SkyplanModel

/// Step Functions state machines → the Lambda functions, queues, topics, tables and machines their Task states call.
public struct StepFunctionsCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "sfn" }
    /// One `DescribeStateMachine` per machine (the definition).
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let arns =
            try await recorder.attempt("ListStateMachines") { try await client.listStateMachines(region: region) }
            ?? []
        let machines = try await recorder.each("DescribeStateMachine", arns, limit: concurrency) {
            try await client.describeStateMachine(arn: $0, region: region)
        }
        for (_, machine) in machines where machine.status != "DELETING" {
            let tasks = StateMachineTasks.tasks(in: machine.definition, context: context)
            recorder.output.resources.append(
                Resource(
                    arn: machine.arn, type: .stepFunctions, resourceID: machine.name, accountID: context.accountID,
                    region: region, name: machine.name,
                    config: [
                        "workflowType": .string(machine.type.lowercased()), "tasks": .number(Double(tasks.count)),
                    ]))
            for task in tasks {
                recorder.output.relate(
                    machine.arn, task.target, .integration, "states:DescribeStateMachine Task \(task.state)")
            }
        }
        return recorder.output
    }
}

/// EventBridge buses (custom ones, and the default bus when it has rules) → the targets of their rules.
public struct EventBridgeCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "events" }
    /// One `ListRules` per bus, one `ListTargetsByRule` per rule.
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let buses =
            try await recorder.attempt("ListEventBuses") { try await client.listEventBuses(region: region) } ?? []
        let rulesByBus = try await recorder.each("ListRules", buses.map(\.name), limit: concurrency) {
            try await client.listRules(bus: $0, region: region)
        }
        let rules = rulesByBus.flatMap { bus, rules in rules.map { (bus: bus, rule: $0) } }
        let targets = try await recorder.each(
            "ListTargetsByRule", rules.map { "\($0.bus)\u{1F}\($0.rule.name)" }, limit: concurrency
        ) {
            key in
            let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            return try await client.listTargetsByRule(parts[1], bus: parts[0], region: region)
        }
        let ruleCount = Dictionary(rulesByBus.map { ($0.0, $0.1.count) }, uniquingKeysWith: { first, _ in first })
        for bus in buses where bus.name != "default" || (ruleCount[bus.name] ?? 0) > 0 {
            recorder.output.resources.append(
                Resource(
                    arn: bus.arn, type: .eventBus, resourceID: bus.name, accountID: context.accountID, region: region,
                    name: bus.name, config: ["rules": .number(Double(ruleCount[bus.name] ?? 0))]))
        }
        let arnByBus = Dictionary(buses.map { ($0.name, $0.arn) }, uniquingKeysWith: { first, _ in first })
        for (key, arns) in targets {
            let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            guard let bus = arnByBus[parts[0]] else { continue }
            for arn in arns.sorted() where arn.hasPrefix("arn:") {
                recorder.output.relate(
                    bus, ARNs.lambdaFunction(arn), .integration, "events:ListTargetsByRule \(parts[1])")
            }
        }
        return recorder.output
    }
}

import SkyplanAWS
import SkyplanModel

/// Lambda functions (memory, architecture, VPC subnets) and event source mappings (SQS/Kinesis/DynamoDB → function).
public struct LambdaCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "lambda" }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let functions =
            try await recorder.attempt("ListFunctions") { try await client.listFunctions(region: region) } ?? []
        for function in functions {
            var config: [String: JSONValue] = ["architecture": .string(function.architectures.first ?? "x86_64")]
            if let memory = function.memorySize { config["memory"] = .number(Double(memory)) }
            if let runtime = function.runtime { config["runtime"] = .string(runtime) }
            // The VPC comes from the subnets (the linker); the API's VpcId is kept only when there are no subnets.
            let inVPC = !function.subnetIDs.isEmpty
            recorder.output.resources.append(
                Resource(
                    arn: ARNs.lambdaFunction(function.arn), type: .lambda, resourceID: function.name,
                    accountID: context.accountID, region: region, name: function.name,
                    placement: Placement(
                        vpcID: inVPC ? function.vpcID : nil, subnetIDs: function.subnetIDs.sorted(),
                        securityGroupIDs: function.securityGroupIDs.sorted()),
                    config: config))
        }
        guard !functions.isEmpty else { return recorder.output }
        // A container-image function's image is only in GetFunction: one call per such function, none for zips.
        let images = try await recorder.each(
            "GetFunction", functions.filter { $0.packageType == "Image" }.map(\.name), limit: concurrency
        ) { try await client.functionImage(name: $0, region: region) }
        let arnByName = Dictionary(
            functions.map { ($0.name, ARNs.lambdaFunction($0.arn)) }, uniquingKeysWith: { first, _ in first })
        for (name, image) in images {
            guard let image, let repository = ARNs.ecrRepository(image: image), let function = arnByName[name] else {
                continue
            }
            recorder.output.relate(repository, function, .uses, "lambda:GetFunction ImageUri \(image)")
        }
        let mappings =
            try await recorder.attempt("ListEventSourceMappings") {
                try await client.listEventSourceMappings(region: region)
            } ?? []
        for mapping in mappings where !mapping.eventSourceARN.isEmpty {
            recorder.output.relate(
                ARNs.streamOwner(mapping.eventSourceARN), ARNs.lambdaFunction(mapping.functionARN), .eventSource,
                "lambda:ListEventSourceMappings \(mapping.uuid)")
        }
        return recorder.output
    }
}

/// SQS queues (standard or FIFO) and their dead-letter queues. One list call per region: the type is in the name.
/// SQS has no bulk read of queue attributes, so instead of one `GetQueueAttributes` per queue (most have no
/// redrive policy) the collector asks each queue named as a dead-letter queue (`isNamedDeadLetterQueue`) which
/// queues send to it: source → dead-letter queue edges for a fifth of the calls.
public struct SQSCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "sqs" }
    /// One `ListDeadLetterSourceQueues` per dead-letter queue.
    public var fansOut: Bool { true }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let urls = try await recorder.attempt("ListQueues") { try await client.listQueues(region: region) } ?? []
        var arnByURL: [String: String] = [:]
        for url in urls {
            guard let arn = ARNs.sqsQueue(url: url, region: region, partition: context.partition.rawValue) else {
                continue
            }
            arnByURL[url] = arn
            let name = String(arn.split(separator: ":").last ?? "")
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .sqs, resourceID: name, accountID: context.accountID, region: region, name: name,
                    config: ["queueType": .string(name.hasSuffix(".fifo") ? "fifo" : "standard")]))
        }
        let deadLetterQueues = urls.filter { url in arnByURL[url].map(Self.isNamedDeadLetterQueue) ?? false }
        let sources = try await recorder.each("ListDeadLetterSourceQueues", deadLetterQueues, limit: concurrency) {
            try await client.listDeadLetterSourceQueues(queueURL: $0, region: region)
        }
        for (deadLetterURL, sourceURLs) in sources {
            guard let deadLetter = arnByURL[deadLetterURL] else { continue }
            for source in sourceURLs.sorted() {
                guard
                    let from = arnByURL[source]
                        ?? ARNs.sqsQueue(url: source, region: region, partition: context.partition.rawValue)
                else { continue }
                recorder.output.relate(
                    from, deadLetter, .uses, "sqs:ListDeadLetterSourceQueues RedrivePolicy deadLetterTargetArn")
            }
        }
        return recorder.output
    }

    /// A queue named as a dead-letter queue (`orders-dlq`, `OrdersDeadLetterQueue`, `billing_dead_letter.fifo`). Pure.
    static func isNamedDeadLetterQueue(_ arn: String) -> Bool {
        let name = (arn.split(separator: ":").last.map(String.init) ?? arn).lowercased()
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        return name.contains("dlq") || name.contains("deadletter")
    }
}

/// SNS topics and their subscriptions (→ SQS, Lambda, HTTP, email).
public struct SNSCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "sns" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let topics = try await recorder.attempt("ListTopics") { try await client.listTopics(region: region) } ?? []
        guard !topics.isEmpty else { return recorder.output }
        let subscriptions =
            try await recorder.attempt("ListSubscriptions") {
                try await client.listSubscriptions(region: region)
            } ?? []
        var counts: [String: Int] = [:]
        for subscription in subscriptions {
            counts[subscription.topicARN, default: 0] += 1
            guard let target = Self.target(protocol: subscription.protocol, endpoint: subscription.endpoint) else {
                continue
            }
            recorder.output.relate(
                subscription.topicARN, target, .subscription,
                "sns:ListSubscriptions \(subscription.protocol) \(subscription.arn)")
        }
        for topic in topics {
            let name = String(topic.split(separator: ":").last ?? "")
            recorder.output.resources.append(
                Resource(
                    arn: topic, type: .sns, resourceID: name, accountID: context.accountID, region: region, name: name,
                    config: ["subscriptions": .number(Double(counts[topic] ?? 0))]))
        }
        return recorder.output
    }

    /// Where a subscription delivers: an ARN for AWS targets, `mailto:`/URL/`sms:` for the others.
    static func target(protocol: String, endpoint: String) -> String? {
        guard !endpoint.isEmpty else { return nil }
        switch `protocol` {
        case "lambda": return ARNs.lambdaFunction(endpoint)
        case "email", "email-json": return "mailto:\(endpoint)"
        case "sms": return "sms:\(endpoint)"
        default: return endpoint
        }
    }
}

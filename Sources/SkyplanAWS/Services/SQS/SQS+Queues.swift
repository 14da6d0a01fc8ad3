/// An SQS queue's attributes, as `GetQueueAttributes` gives them.
public struct SQSQueueAttributes: Sendable, Hashable {
    /// Url.
    public var url: String
    /// Every attribute by name (`QueueArn`, `FifoQueue`, `RedrivePolicy`, ...).
    public var attributes: [String: String]

    /// The queue ARN.
    public var arn: String? { attributes["QueueArn"] }
    /// The dead-letter queue ARN named by the redrive policy, if any.
    public var deadLetterTargetARN: String? {
        guard let policy = attributes["RedrivePolicy"], let range = policy.range(of: "arn:") else { return nil }
        let tail = policy[range.lowerBound...]
        return String(tail.prefix { $0 != "\"" && $0 != "," && $0 != "}" && $0 != " " })
    }
}

extension AWSClient {
    /// SQS `ListQueues`, every page: the queue URLs.
    /// See https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueues.html
    public func listQueues(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var parameters = ["MaxResults": "1000"]
            if let token { parameters["NextToken"] = token }
            let result = try await self.query(AWSOperation.SQS.listQueues, parameters, region: region)
            return (result.all("QueueUrl").map(\.text), result.nonEmpty("NextToken"))
        }.all()
    }

    /// SQS `GetQueueAttributes` with `All`.
    /// See https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
    public func getQueueAttributes(queueURL: String, region: String? = nil) async throws -> SQSQueueAttributes {
        let result = try await query(
            AWSOperation.SQS.getQueueAttributes, ["QueueUrl": queueURL, "AttributeName.1": "All"], region: region)
        var attributes: [String: String] = [:]
        for item in result.all("Attribute") {
            if let name = item.string("Name") { attributes[name] = item.string("Value") ?? "" }
        }
        return SQSQueueAttributes(url: queueURL, attributes: attributes)
    }

    /// SQS `ListDeadLetterSourceQueues`, every page: the URLs of the queues whose redrive policy names
    /// `queueURL` as their dead-letter queue.
    /// See https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListDeadLetterSourceQueues.html
    public func listDeadLetterSourceQueues(queueURL: String, region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var parameters = ["QueueUrl": queueURL, "MaxResults": "1000"]
            if let token { parameters["NextToken"] = token }
            let result = try await self.query(AWSOperation.SQS.listDeadLetterSourceQueues, parameters, region: region)
            return (result.all("QueueUrl").map(\.text), result.nonEmpty("NextToken"))
        }.all()
    }
}

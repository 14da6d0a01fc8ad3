/// An SNS subscription, as `ListSubscriptions` gives it.
public struct SNSSubscription: Sendable, Hashable {
    /// Arn.
    public var arn: String
    /// Topic ARN.
    public var topicARN: String
    /// `sqs`, `lambda`, `http`, `https`, `email`, `email-json`, `sms`, `application`, `firehose`.
    public var `protocol`: String
    /// Endpoint.
    public var endpoint: String
}

extension AWSClient {
    /// SNS `ListTopics`, every page: the topic ARNs.
    /// See https://docs.aws.amazon.com/sns/latest/api/API_ListTopics.html
    public func listTopics(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var parameters: [String: String] = [:]
            if let token { parameters["NextToken"] = token }
            let result = try await self.query(AWSOperation.SNS.listTopics, parameters, region: region)
            return (result.list("Topics").compactMap { $0.nonEmpty("TopicArn") }, result.nonEmpty("NextToken"))
        }.all()
    }

    /// SNS `ListSubscriptions`, every page.
    /// See https://docs.aws.amazon.com/sns/latest/api/API_ListSubscriptions.html
    public func listSubscriptions(region: String? = nil) async throws -> [SNSSubscription] {
        try await Paginated { token in
            var parameters: [String: String] = [:]
            if let token { parameters["NextToken"] = token }
            let result = try await self.query(AWSOperation.SNS.listSubscriptions, parameters, region: region)
            let subscriptions = result.list("Subscriptions").map { item in
                SNSSubscription(
                    arn: item.string("SubscriptionArn") ?? "", topicARN: item.string("TopicArn") ?? "",
                    protocol: item.string("Protocol") ?? "", endpoint: item.string("Endpoint") ?? "")
            }
            return (subscriptions, result.nonEmpty("NextToken"))
        }.all()
    }
}

import AWSSigV4
import SkyplanModel

/// An Amazon MQ broker, as `DescribeBroker` gives it.
public struct MQBroker: Sendable, Hashable {
    /// Name, id and ARN.
    public var name: String
    public var id: String
    public var arn: String
    /// `ACTIVEMQ` or `RABBITMQ`.
    public var engine: String
    /// `SINGLE_INSTANCE`, `ACTIVE_STANDBY_MULTI_AZ`, `CLUSTER_MULTI_AZ`.
    public var deploymentMode: String
    /// `mq.m5.large`.
    public var instanceType: String
    /// `RUNNING`, `REBOOT_IN_PROGRESS`, ...
    public var state: String
    /// Subnets and security groups.
    public var subnetIDs: [String]
    public var securityGroupIDs: [String]
}

extension AWSClient {
    /// Amazon MQ `ListBrokers` (broker ids), every page.
    /// See https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers.html
    public func listBrokers(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var query = [QueryItem("maxResults", "100")]
            if let token { query.append(QueryItem("nextToken", token)) }
            let answer = try await self.restJSON(AWSOperation.MQ.listBrokers, query: query, region: region)
            return (answer.items("brokerSummaries").compactMap { $0.str("brokerId") }, answer.str("nextToken"))
        }.all()
    }

    /// Amazon MQ `DescribeBroker` of one broker.
    /// See https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers-broker-id.html
    public func describeBroker(id: String, region: String? = nil) async throws -> MQBroker {
        let item = try await restJSON(AWSOperation.MQ.describeBroker, path: ["broker-id": id], region: region)
        return MQBroker(
            name: item.str("brokerName") ?? id, id: item.str("brokerId") ?? id, arn: item.str("brokerArn") ?? "",
            engine: item.str("engineType") ?? "", deploymentMode: item.str("deploymentMode") ?? "SINGLE_INSTANCE",
            instanceType: item.str("hostInstanceType") ?? "", state: item.str("brokerState") ?? "",
            subnetIDs: item.strings("subnetIds"), securityGroupIDs: item.strings("securityGroups"))
    }
}

import SkyplanModel

/// A Kinesis data stream, as `ListStreams` summarises it.
public struct KinesisStreamSummary: Sendable, Hashable {
    /// Name.
    public var name: String
    /// ARN.
    public var arn: String
    /// `CREATING`, `ACTIVE`, `UPDATING`, `DELETING`.
    public var status: String
    /// `PROVISIONED` or `ON_DEMAND`.
    public var mode: String
}

/// What `DescribeStreamSummary` adds: open shards and retention.
public struct KinesisStreamDetail: Sendable, Hashable {
    /// Status.
    public var status: String
    /// Mode.
    public var mode: String
    /// Open shards.
    public var openShards: Int
    /// Retention in hours (24 by default).
    public var retentionHours: Int
}

extension AWSClient {
    /// Kinesis `ListStreams` with its summaries (ARN, status, capacity mode), every page.
    /// See https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreams.html
    public func listStreams(region: String? = nil) async throws -> [KinesisStreamSummary] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["Limit": 100]
            if let token { body["NextToken"] = .string(token) }
            let answer = try await self.json(AWSOperation.Kinesis.listStreams, .object(body), region: region)
            let streams = answer.items("StreamSummaries").map { item in
                KinesisStreamSummary(
                    name: item.str("StreamName") ?? "", arn: item.str("StreamARN") ?? "",
                    status: item.str("StreamStatus") ?? "",
                    mode: item["StreamModeDetails"]?.str("StreamMode") ?? "PROVISIONED")
            }
            let more = answer["HasMoreStreams"]?.boolValue == true
            return (streams, more ? answer.str("NextToken") : nil)
        }.all()
    }

    /// Kinesis `DescribeStreamSummary` of one stream (by ARN).
    /// See https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html
    public func describeStreamSummary(arn: String, region: String? = nil) async throws -> KinesisStreamDetail {
        let answer = try await json(
            AWSOperation.Kinesis.describeStreamSummary, .object(["StreamARN": .string(arn)]), region: region)
        let item = answer["StreamDescriptionSummary"] ?? .object([:])
        return KinesisStreamDetail(
            status: item.str("StreamStatus") ?? "", mode: item["StreamModeDetails"]?.str("StreamMode") ?? "PROVISIONED",
            openShards: item.int("OpenShardCount") ?? 0, retentionHours: item.int("RetentionPeriodHours") ?? 24)
    }
}

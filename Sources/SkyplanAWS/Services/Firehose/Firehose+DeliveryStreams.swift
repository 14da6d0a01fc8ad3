import SkyplanModel

/// A Firehose delivery stream, as `DescribeDeliveryStream` gives it: its source and where it delivers.
public struct DeliveryStream: Sendable, Hashable {
    /// Name.
    public var name: String
    /// ARN.
    public var arn: String
    /// `ACTIVE`, `CREATING`, `DELETING`, `CREATING_FAILED`, ...
    public var status: String
    /// `DirectPut`, `KinesisStreamAsSource`, `MSKAsSource`.
    public var type: String
    /// The source Kinesis stream or MSK cluster ARN.
    public var sourceARN: String?
    /// One entry per destination and target: (kind, reference). Kinds: `s3` (bucket ARN), `opensearch`
    /// (domain ARN), `redshift` (JDBC URL), `http` (URL), `s3-backup` (the staging or backup bucket ARN of a
    /// Redshift, OpenSearch or HTTP destination).
    public var targets: [DeliveryTarget]
}

/// One place a delivery stream writes to.
public struct DeliveryTarget: Sendable, Hashable {
    /// `s3`, `s3-backup`, `opensearch`, `redshift`, `http`, `splunk`, `snowflake`.
    public var kind: String
    /// The bucket or domain ARN, the JDBC URL or the HTTP endpoint.
    public var reference: String
}

extension AWSClient {
    /// Firehose `ListDeliveryStreams` (names), every page.
    /// See https://docs.aws.amazon.com/firehose/latest/APIReference/API_ListDeliveryStreams.html
    public func listDeliveryStreams(region: String? = nil) async throws -> [String] {
        try await Paginated { start in
            var body: [String: JSONValue] = ["Limit": 100]
            if let start { body["ExclusiveStartDeliveryStreamName"] = .string(start) }
            let answer = try await self.json(AWSOperation.Firehose.listDeliveryStreams, .object(body), region: region)
            let names = answer.strings("DeliveryStreamNames")
            let more = answer["HasMoreDeliveryStreams"]?.boolValue == true
            return (names, more ? names.last : nil)
        }.all()
    }

    /// Firehose `DescribeDeliveryStream` of one stream.
    /// See https://docs.aws.amazon.com/firehose/latest/APIReference/API_DescribeDeliveryStream.html
    public func describeDeliveryStream(name: String, region: String? = nil) async throws -> DeliveryStream {
        let answer = try await json(
            AWSOperation.Firehose.describeDeliveryStream, .object(["DeliveryStreamName": .string(name)]),
            region: region)
        return Self.deliveryStream(answer["DeliveryStreamDescription"] ?? .object([:]))
    }

    static func deliveryStream(_ item: JSONValue) -> DeliveryStream {
        let source = item["Source"] ?? .object([:])
        let sourceARN =
            source["KinesisStreamSourceDescription"]?.str("KinesisStreamARN")
            ?? source["MSKSourceDescription"]?.str("MSKClusterARN")
        var targets: [DeliveryTarget] = []
        func add(_ kind: String, _ reference: String?) {
            guard let reference, !reference.isEmpty else { return }
            let target = DeliveryTarget(kind: kind, reference: reference)
            if !targets.contains(target) { targets.append(target) }
        }
        for destination in item.items("Destinations") {
            let extended = destination["ExtendedS3DestinationDescription"]
            add("s3", (extended ?? destination["S3DestinationDescription"])?.str("BucketARN"))
            for key in ["AmazonopensearchserviceDestinationDescription", "ElasticsearchDestinationDescription"] {
                if let search = destination[key] {
                    add("opensearch", search.str("DomainARN"))
                    add("s3-backup", search["S3DestinationDescription"]?.str("BucketARN"))
                }
            }
            if let redshift = destination["RedshiftDestinationDescription"] {
                add("redshift", redshift.str("ClusterJDBCURL"))
                add("s3-backup", redshift["S3DestinationDescription"]?.str("BucketARN"))
            }
            if let http = destination["HttpEndpointDestinationDescription"] {
                add("http", http["EndpointConfiguration"]?.str("Url"))
                add("s3-backup", http["S3DestinationDescription"]?.str("BucketARN"))
            }
        }
        return DeliveryStream(
            name: item.str("DeliveryStreamName") ?? "", arn: item.str("DeliveryStreamARN") ?? "",
            status: item.str("DeliveryStreamStatus") ?? "", type: item.str("DeliveryStreamType") ?? "DirectPut",
            sourceARN: sourceARN, targets: targets)
    }
}

/// Catalog entries for the data platform: Redshift, OpenSearch, Kinesis Data Streams and Firehose.
/// REST URIs are from each service's API reference.
extension AWSOperation {
    /// Redshift (provisioned clusters).
    public enum Redshift {
        public static let describeClusters = AWSOperation(.redshift, "DescribeClusters")
        public static let describeClusterSubnetGroups = AWSOperation(.redshift, "DescribeClusterSubnetGroups")
        static let all = [describeClusters, describeClusterSubnetGroups]
    }

    /// OpenSearch Service (the 2021-01-01 API; it lists Elasticsearch domains too).
    public enum OpenSearch {
        public static let listDomainNames = get(.opensearch, "ListDomainNames", "/2021-01-01/domain")
        /// A read with its names in a JSON body (up to 5 domains a call).
        public static let describeDomains = AWSOperation(
            .opensearch, "DescribeDomains", requestURI: "/2021-01-01/opensearch/domain-info")
        static let all = [listDomainNames, describeDomains]
    }

    /// Kinesis Data Streams.
    public enum Kinesis {
        public static let listStreams = AWSOperation(.kinesis, "ListStreams")
        public static let describeStreamSummary = AWSOperation(.kinesis, "DescribeStreamSummary")
        static let all = [listStreams, describeStreamSummary]
    }

    /// Data Firehose.
    public enum Firehose {
        public static let listDeliveryStreams = AWSOperation(.firehose, "ListDeliveryStreams")
        public static let describeDeliveryStream = AWSOperation(.firehose, "DescribeDeliveryStream")
        static let all = [listDeliveryStreams, describeDeliveryStream]
    }
}

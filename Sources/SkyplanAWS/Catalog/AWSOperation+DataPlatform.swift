/// Catalog entries of issue #14: Redshift, OpenSearch, Kinesis Data Streams, Firehose, Step Functions, EventBridge.
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

    /// Step Functions.
    public enum StepFunctions {
        public static let listStateMachines = AWSOperation(.stepfunctions, "ListStateMachines")
        public static let describeStateMachine = AWSOperation(.stepfunctions, "DescribeStateMachine")
        static let all = [listStateMachines, describeStateMachine]
    }

    /// EventBridge.
    public enum EventBridge {
        public static let listEventBuses = AWSOperation(.events, "ListEventBuses")
        public static let listRules = AWSOperation(.events, "ListRules")
        public static let listTargetsByRule = AWSOperation(.events, "ListTargetsByRule")
        static let all = [listEventBuses, listRules, listTargetsByRule]
    }

    /// MSK.
    public enum MSK {
        public static let listClustersV2 = get(.kafka, "ListClustersV2", "/api/v2/clusters")
        static let all = [listClustersV2]
    }

    /// Amazon MQ.
    public enum MQ {
        public static let listBrokers = get(.mq, "ListBrokers", "/v1/brokers")
        public static let describeBroker = get(.mq, "DescribeBroker", "/v1/brokers/{broker-id}")
        static let all = [listBrokers, describeBroker]
    }
}

/// An S3 bucket, as `ListBuckets` gives it.
public struct S3Bucket: Sendable, Hashable {
    /// Name.
    public var name: String
    /// The region when `ListBuckets` says it (`BucketRegion`); otherwise ask `GetBucketLocation`.
    public var region: String?

    public init(name: String, region: String?) {
        self.name = name
        self.region = region
    }
}

/// Where a bucket sends event notifications.
public struct S3Notification: Sendable, Hashable {
    /// `lambda`, `sqs` or `sns`.
    public var kind: String
    /// Target ARN.
    public var targetARN: String
    /// Events.
    public var events: [String]
}

extension AWSClient {
    /// S3 `ListBuckets`, every page (`max-buckets` 10,000, the most AWS allows, then `continuation-token`):
    /// every bucket of the account, or with `bucketRegion` only those AWS says live in that region.
    /// See https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
    public func listBuckets(region: String? = nil, bucketRegion: String? = nil) async throws -> [S3Bucket] {
        try await Paginated { token in
            var query = [QueryItem("max-buckets", "10000")]
            if let bucketRegion { query.append(QueryItem("bucket-region", bucketRegion)) }
            if let token { query.append(QueryItem("continuation-token", token)) }
            let root = try await self.restXML(AWSOperation.S3.listBuckets, query: query, region: region)
            let buckets = root.list("Buckets").map {
                S3Bucket(name: $0.string("Name") ?? "", region: $0.nonEmpty("BucketRegion"))
            }
            return (buckets, root.nonEmpty("ContinuationToken"))
        }.all()
    }

    /// S3 `GetBucketLocation`: the bucket's region (an empty constraint is us-east-1, `EU` is eu-west-1).
    /// See https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
    public func getBucketLocation(bucket: String, region: String? = nil) async throws -> String {
        let root = try await restXML(AWSOperation.S3.getBucketLocation, path: ["Bucket": bucket], region: region)
        switch root.text {
        case "": return "us-east-1"
        case "EU": return "eu-west-1"
        default: return root.text
        }
    }

    /// S3 `GetBucketNotificationConfiguration`: Lambda, SQS and SNS targets.
    /// See https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketNotificationConfiguration.html
    public func getBucketNotifications(bucket: String, region: String? = nil) async throws -> [S3Notification] {
        let root = try await restXML(
            AWSOperation.S3.getBucketNotificationConfiguration, path: ["Bucket": bucket], region: region)
        let kinds = [
            ("CloudFunctionConfiguration", "CloudFunction", "lambda"),
            ("LambdaFunctionConfiguration", "CloudFunction", "lambda"),
            ("QueueConfiguration", "Queue", "sqs"), ("TopicConfiguration", "Topic", "sns"),
        ]
        var notifications: [S3Notification] = []
        for (element, field, kind) in kinds {
            for item in root.all(element) {
                guard let target = item.nonEmpty(field) ?? item.nonEmpty("LambdaFunctionArn") else { continue }
                notifications.append(
                    S3Notification(kind: kind, targetARN: target, events: item.all("Event").map(\.text)))
            }
        }
        return notifications
    }
}

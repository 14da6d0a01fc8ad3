/// Usage-driven quantities the cost model uses when a component does not state them. Every value is
/// explicit and editable; lines that use one are flagged as assumptions.
public struct UsageAssumptions: Hashable, Sendable, Codable {
    /// Hours a month (AWS and Cloudcraft price a month as 730 hours).
    public var hoursPerMonth: Double = 730
    /// EC2 fraction of the month running when `billingOptions.utilization` is absent.
    public var ec2Utilization: Double = 1
    /// EBS volume size in GB when `volumeSize` is absent (the EC2 console's root-volume default).
    public var ebsVolumeGB: Double = 8
    /// EBS volume type when `volumeType` is absent (the console default).
    public var ebsVolumeType: String = "gp3"
    /// Load balancer capacity units (LCU/NLCU) consumed each hour.
    public var loadBalancerCapacityUnits: Double = 1
    /// GB a classic load balancer processes an hour (Cloudcraft's `dataGb` for classic ELBs is per hour;
    /// 10 is the value of its documented example).
    public var classicLoadBalancerDataGBPerHour: Double = 10
    /// GB a NAT gateway processes a month (10: Cloudcraft's documented example).
    public var natGatewayDataGB: Double = 10
    /// Lambda invocations a month, in millions.
    public var lambdaMillionRequests: Double = 1
    /// Lambda average duration per invocation, in seconds (Cloudcraft's `computeDuration` unit).
    public var lambdaDurationSeconds: Double = 0.1
    /// Lambda memory in MB when `memory` is absent (the Lambda default).
    public var lambdaMemoryMB: Double = 128
    /// S3 stored GB when `dataGb` is absent.
    public var s3DataGB: Double = 100
    /// S3 GET-and-other requests a month, in thousands (Cloudcraft's `getAndOtherRequests` unit).
    public var s3ThousandGetRequests: Double = 1000
    /// S3 PUT/COPY/POST/LIST requests a month, in thousands (Cloudcraft's `putCopyPostRequests` unit).
    public var s3ThousandPutRequests: Double = 100
    /// DynamoDB stored GB when `datasetGb` is absent.
    public var dynamoDBDataGB: Double = 1
    /// DynamoDB provisioned read/write capacity units (the console default is 5 each).
    public var dynamoDBProvisionedUnits: Double = 5
    /// DynamoDB on-demand read and write request units a month, in millions.
    public var dynamoDBMillionRequestUnits: Double = 1
    /// SQS requests a month, in millions.
    public var sqsMillionRequests: Double = 1
    /// SNS publishes a month, in millions.
    public var snsMillionRequests: Double = 1
    /// CloudFront GB delivered to viewers a month.
    public var cloudFrontDataGB: Double = 100
    /// CloudFront HTTPS requests a month, in millions.
    public var cloudFrontMillionRequests: Double = 1
    /// API Gateway calls a month, in millions.
    public var apiGatewayMillionRequests: Double = 1
    /// Route 53 standard queries a month, in millions.
    public var route53MillionQueries: Double = 1
    /// GB through a VPC interface endpoint or transit gateway attachment a month.
    public var endpointDataGB: Double = 10
    /// Availability zones of an interface endpoint when its subnets are unknown.
    public var endpointZones: Double = 2
    /// Aurora cluster storage GB and I/O requests (millions) a month.
    public var auroraDataGB: Double = 10
    public var auroraMillionIORequests: Double = 1
    /// EFS stored GB.
    public var efsDataGB: Double = 10
    /// RDS allocated storage GB when `storage` is absent (the console's minimum for gp2/gp3).
    public var rdsStorageGB: Double = 20
    /// VPN connections on a virtual private gateway.
    public var vpnConnections: Double = 1
    /// GB a Firehose delivery stream ingests a month.
    public var firehoseDataGB: Double = 100
    /// Step Functions standard-workflow state transitions a month, in thousands.
    public var stepFunctionsThousandTransitions: Double = 100
    /// Step Functions express-workflow requests a month, in millions.
    public var stepFunctionsMillionExpressRequests: Double = 1
    /// Custom events put on an EventBridge bus a month, in millions.
    public var eventBridgeMillionEvents: Double = 1
    /// DocumentDB / Neptune cluster storage GB and I/O requests (millions) a month.
    public var documentDBDataGB: Double = 10
    public var documentDBMillionIORequests: Double = 1
    /// GB of images an ECR repository stores.
    public var ecrStorageGB: Double = 10
    /// Monthly active users of a Cognito user pool.
    public var cognitoMonthlyActiveUsers: Double = 1000
    /// Emails an SES identity sends a month, in thousands.
    public var sesThousandEmails: Double = 10

    /// The defaults above.
    public init() {}
}

/// Rules the cost model applies where the price book has no figure. Off by default: without them
/// such lines are unpriced.
public struct PricingRules: Hashable, Sendable, Codable {
    /// Price spot instances at on-demand × (1 − discount) when the book has no spot price. `nil`
    /// (default): spot without a book price is unpriced.
    public var spotDiscountFromOnDemand: Double?

    /// Creates rules; everything off by default.
    public init(spotDiscountFromOnDemand: Double? = nil) {
        self.spotDiscountFromOnDemand = spotDiscountFromOnDemand
    }
}

import Logging
import SkyplanAWS
import SkyplanModel

/// The public entry point: scans an account (through a client already acting as it) into an `Inventory`.
///
/// ```swift
/// let scanner = Scanner(client: roleClient, configuration: ScanConfiguration(concurrency: 96), logger: logger)
/// let inventory = await scanner.scan(ScanRequest(accountID: "111122223333", regions: ["us-east-1"])) { print($0) }
/// ```
public struct Scanner: Sendable {
    /// Client.
    public let client: AWSClient
    /// Configuration.
    public var configuration: ScanConfiguration
    /// Logger.
    public var logger: Logger

    public init(
        client: AWSClient, configuration: ScanConfiguration = ScanConfiguration(),
        logger: Logger = Logger(label: "skyplan.discovery", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.client = client
        self.configuration = configuration
        self.logger = logger
    }

    /// Every service name a `ScanRequest.services` filter may name.
    public static let serviceNames: [String] = [
        "apigateway", "cloudfront", "dynamodb", "ec2", "ecs", "efs", "eks", "elasticache", "elb", "lambda", "rds",
        "route53", "s3", "sns", "sqs", "vpc", "autoscaling", "redshift", "es", "kinesis", "firehose",
        "sfn", "events", "kafka", "mq", "ecr", "cognito-idp", "wafv2", "ses",
    ].sorted()

    /// The collectors for `client`, filtered by service name (nil: all), and the bulk tag reader when a service
    /// it tags is among them.
    public static func collectors(
        client: AWSClient, services: Set<String>?, perItemConcurrency: Int = ScanConfiguration().perItemConcurrency
    )
        -> [any Collector]
    {
        let all: [any Collector] = [
            NetworkCollector(client: client), EC2Collector(client: client),
            LoadBalancerCollector(client: client, concurrency: perItemConcurrency),
            AutoScalingCollector(client: client), RDSCollector(client: client), ElastiCacheCollector(client: client),
            DynamoDBCollector(client: client, concurrency: perItemConcurrency),
            LambdaCollector(client: client, concurrency: perItemConcurrency),
            SQSCollector(client: client, concurrency: perItemConcurrency), SNSCollector(client: client),
            APIGatewayCollector(client: client),
            ECSCollector(client: client), EKSCollector(client: client), EFSCollector(client: client),
            S3Collector(client: client, concurrency: perItemConcurrency), CloudFrontCollector(client: client),
            Route53Collector(client: client), RedshiftCollector(client: client), OpenSearchCollector(client: client),
            KinesisCollector(client: client, concurrency: perItemConcurrency),
            FirehoseCollector(client: client, concurrency: perItemConcurrency),
            StepFunctionsCollector(client: client, concurrency: perItemConcurrency),
            EventBridgeCollector(client: client, concurrency: perItemConcurrency), MSKCollector(client: client),
            MQCollector(client: client, concurrency: perItemConcurrency), ECRCollector(client: client),
            CognitoCollector(client: client), WAFCollector(client: client, concurrency: perItemConcurrency),
            WAFCloudFrontCollector(client: client), SESCollector(client: client, concurrency: perItemConcurrency),
        ]
        let tags = TagCollector(client: client, services: services).map { [$0] } ?? []
        guard let services else { return all + tags }
        return all.filter { services.contains($0.service) } + tags
    }

    /// Scans one account. Never throws: what could not be seen is in `Inventory.diagnostics`.
    public func scan(_ request: ScanRequest, progress: @Sendable (ScanProgress) -> Void = { _ in }) async -> Inventory {
        await scan([(client, request)], progress: progress)
    }

    /// Scans several accounts side by side, each through its own client (assumed role), under one concurrency bound.
    public func scan(
        _ accounts: [(client: AWSClient, request: ScanRequest)], progress: @Sendable (ScanProgress) -> Void = { _ in }
    ) async -> Inventory {
        var jobs: [ScanJob] = []
        var early: [Diagnostic] = []
        for (client, request) in accounts {
            var accountID = request.accountID
            if accountID.isEmpty {
                do {
                    accountID = try await client.getCallerIdentity().account
                } catch {
                    early.append(
                        ErrorClassifier.diagnostic(
                            for: error, context: CollectorContext(accountID: "", region: client.configuration.region),
                            service: "sts", operation: "GetCallerIdentity"))
                    continue
                }
            }
            let (regions, diagnostics) = await resolveRegions(request.regions, client: client, accountID: accountID)
            early += diagnostics
            let pacer = configuration.makePacer()
            let scanning = configuration.scanClient(client, pacer: pacer)
            logger.debug(
                "scan planned",
                metadata: ["aws.account": "\(accountID)", "aws.regions": "\(regions.joined(separator: ","))"])
            jobs.append(
                ScanJob(
                    accountID: accountID, regions: regions,
                    collectors: Self.collectors(
                        client: scanning, services: request.services,
                        perItemConcurrency: configuration.perItemConcurrency),
                    pacer: pacer))
        }
        var inventory = await ScanEngine(configuration: configuration).run(jobs, progress: progress)
        if !early.isEmpty {
            inventory.diagnostics += early
            inventory = inventory.normalized()
        }
        logger.debug(
            "scan finished",
            metadata: [
                "resources": "\(inventory.resources.count)", "diagnostics": "\(inventory.diagnostics.count)",
            ])
        return inventory
    }

    /// The regions asked for, or every region enabled in the account (`DescribeRegions`); on failure the
    /// client's own region, with a diagnostic.
    func resolveRegions(_ asked: [String], client: AWSClient, accountID: String) async -> ([String], [Diagnostic]) {
        let wanted = asked.filter { $0 != "all" }
        if !wanted.isEmpty { return (Array(Set(wanted)).sorted(), []) }
        do {
            let regions = try await client.describeRegions()
            let enabled = regions.filter { $0.optInStatus != "not-opted-in" }.map(\.name)
            return (enabled.isEmpty ? [client.configuration.region] : enabled.sorted(), [])
        } catch {
            let context = CollectorContext(accountID: accountID, region: client.configuration.region)
            return (
                [client.configuration.region],
                [ErrorClassifier.diagnostic(for: error, context: context, service: "ec2", operation: "DescribeRegions")]
            )
        }
    }
}

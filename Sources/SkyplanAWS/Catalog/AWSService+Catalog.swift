/// Every service Skyplan talks to. Endpoint prefixes, signing names and versions come from each
/// service's API reference (and the `endpointPrefix`/`signingName` of its Smithy model).
extension AWSService {
    /// AWS Security Token Service (regional endpoints).
    public static let sts = AWSService(id: "sts", wireProtocol: .query, apiVersion: "2011-06-15")
    /// IAM (global).
    public static let iam = AWSService(id: "iam", wireProtocol: .query, apiVersion: "2010-05-08", isGlobal: true)
    /// AWS Organizations (global).
    public static let organizations = AWSService(
        id: "organizations", wireProtocol: .json11, apiVersion: "2016-11-28",
        targetPrefix: "AWSOrganizationsV20161128", isGlobal: true)
    /// Amazon EC2.
    public static let ec2 = AWSService(id: "ec2", wireProtocol: .ec2, apiVersion: "2016-11-15")
    /// Elastic Load Balancing (classic).
    public static let elb = AWSService(
        id: "elb", iamPrefix: "elasticloadbalancing", endpointPrefix: "elasticloadbalancing", wireProtocol: .query,
        apiVersion: "2012-06-01", endpointEnvironmentKey: "ELASTIC_LOAD_BALANCING")
    /// Elastic Load Balancing v2 (ALB, NLB, GWLB).
    public static let elbv2 = AWSService(
        id: "elbv2", iamPrefix: "elasticloadbalancing", endpointPrefix: "elasticloadbalancing", wireProtocol: .query,
        apiVersion: "2015-12-01", endpointEnvironmentKey: "ELASTIC_LOAD_BALANCING_V2")
    /// EC2 Auto Scaling.
    public static let autoscaling = AWSService(
        id: "autoscaling", wireProtocol: .query, apiVersion: "2011-01-01", endpointEnvironmentKey: "AUTO_SCALING")
    /// Amazon CloudWatch (metrics and alarms).
    public static let cloudwatch = AWSService(
        id: "cloudwatch", endpointPrefix: "monitoring", wireProtocol: .query, apiVersion: "2010-08-01")
    /// AWS Price List (only in us-east-1, eu-central-1, ap-south-1).
    public static let pricing = AWSService(
        id: "pricing", signingName: "pricing", endpointPrefix: "api.pricing", wireProtocol: .json11,
        apiVersion: "2017-10-15", targetPrefix: "AWSPriceListService")
    /// AWS Cost Explorer: one endpoint per partition (`ce.us-east-1.amazonaws.com`), signed in its home region.
    public static let costExplorer = AWSService(
        id: "ce", wireProtocol: .json11, apiVersion: "2017-10-25", targetPrefix: "AWSInsightsIndexService",
        endpointEnvironmentKey: "COST_EXPLORER", isGlobal: true)
    /// Resource Groups Tagging API.
    public static let tagging = AWSService(
        id: "tagging", iamPrefix: "tag", wireProtocol: .json11, apiVersion: "2017-01-26",
        targetPrefix: "ResourceGroupsTaggingAPI_20170126", endpointEnvironmentKey: "RESOURCE_GROUPS_TAGGING_API")
    /// Amazon RDS.
    public static let rds = AWSService(id: "rds", wireProtocol: .query, apiVersion: "2014-10-31")
    /// AWS Lambda.
    public static let lambda = AWSService(id: "lambda", wireProtocol: .restJSON, apiVersion: "2015-03-31")
    /// Amazon S3 (path-style addressing).
    public static let s3 = AWSService(id: "s3", wireProtocol: .restXML, apiVersion: "2006-03-01")
    /// Amazon DynamoDB.
    public static let dynamodb = AWSService(
        id: "dynamodb", wireProtocol: .json10, apiVersion: "2012-08-10", targetPrefix: "DynamoDB_20120810")
    /// Amazon SQS (query protocol).
    public static let sqs = AWSService(id: "sqs", wireProtocol: .query, apiVersion: "2012-11-05")
    /// Amazon SNS.
    public static let sns = AWSService(id: "sns", wireProtocol: .query, apiVersion: "2010-03-31")
    /// Amazon CloudFront (global).
    public static let cloudfront = AWSService(
        id: "cloudfront", wireProtocol: .restXML, apiVersion: "2020-05-31", isGlobal: true)
    /// Amazon Route 53 (global).
    public static let route53 = AWSService(
        id: "route53", wireProtocol: .restXML, apiVersion: "2013-04-01", endpointEnvironmentKey: "ROUTE_53",
        isGlobal: true)
    /// Amazon API Gateway v1 (REST APIs). IAM actions are `apigateway:GET` on resource paths.
    public static let apigateway = AWSService(
        id: "apigateway", wireProtocol: .restJSON, apiVersion: "2015-07-09", endpointEnvironmentKey: "API_GATEWAY")
    /// Amazon API Gateway v2 (HTTP and WebSocket APIs).
    public static let apigatewayv2 = AWSService(
        id: "apigatewayv2", iamPrefix: "apigateway", endpointPrefix: "apigateway", wireProtocol: .restJSON,
        apiVersion: "2018-11-29")
    /// Amazon ECS.
    public static let ecs = AWSService(
        id: "ecs", wireProtocol: .json11, apiVersion: "2014-11-13", targetPrefix: "AmazonEC2ContainerServiceV20141113")
    /// Amazon EKS.
    public static let eks = AWSService(id: "eks", wireProtocol: .restJSON, apiVersion: "2017-11-01")
    /// Amazon ElastiCache.
    public static let elasticache = AWSService(id: "elasticache", wireProtocol: .query, apiVersion: "2015-02-02")
    /// Amazon EFS.
    public static let efs = AWSService(
        id: "efs", iamPrefix: "elasticfilesystem", endpointPrefix: "elasticfilesystem", wireProtocol: .restJSON,
        apiVersion: "2015-02-01")
    /// Amazon Redshift (provisioned clusters).
    public static let redshift = AWSService(id: "redshift", wireProtocol: .query, apiVersion: "2012-12-01")
    /// Amazon OpenSearch Service (OpenSearch and Elasticsearch domains; IAM and signing as `es`).
    public static let opensearch = AWSService(
        id: "opensearch", iamPrefix: "es", endpointPrefix: "es", wireProtocol: .restJSON, apiVersion: "2021-01-01")
    /// Amazon Kinesis Data Streams.
    public static let kinesis = AWSService(
        id: "kinesis", wireProtocol: .json11, apiVersion: "2013-12-02", targetPrefix: "Kinesis_20131202")
    /// Amazon Data Firehose.
    public static let firehose = AWSService(
        id: "firehose", wireProtocol: .json11, apiVersion: "2015-08-04", targetPrefix: "Firehose_20150804")
    /// AWS Step Functions (IAM and signing as `states`).
    public static let stepfunctions = AWSService(
        id: "stepfunctions", iamPrefix: "states", endpointPrefix: "states", wireProtocol: .json10,
        apiVersion: "2016-11-23", targetPrefix: "AWSStepFunctions", endpointEnvironmentKey: "SFN")
    /// Amazon EventBridge (CloudWatch Events).
    public static let events = AWSService(
        id: "events", wireProtocol: .json11, apiVersion: "2015-10-07", targetPrefix: "AWSEvents",
        endpointEnvironmentKey: "EVENTBRIDGE")
    /// Amazon MSK (Managed Streaming for Apache Kafka).
    public static let kafka = AWSService(id: "kafka", wireProtocol: .restJSON, apiVersion: "2018-11-14")
    /// Amazon MQ.
    public static let mq = AWSService(id: "mq", wireProtocol: .restJSON, apiVersion: "2017-11-27")
    /// Amazon ECR (private registries; the API lives at `api.ecr`, signed as `ecr`).
    public static let ecr = AWSService(
        id: "ecr", signingName: "ecr", endpointPrefix: "api.ecr", wireProtocol: .json11, apiVersion: "2015-09-21",
        targetPrefix: "AmazonEC2ContainerRegistry_V20150921")
    /// Amazon Cognito user pools.
    public static let cognitoIdentityProvider = AWSService(
        id: "cognito-idp", wireProtocol: .json11, apiVersion: "2016-04-18",
        targetPrefix: "AWSCognitoIdentityProviderService", endpointEnvironmentKey: "COGNITO_IDENTITY_PROVIDER")
    /// AWS WAF (v2): regional web ACLs in each region, CloudFront ones in us-east-1.
    public static let wafv2 = AWSService(
        id: "wafv2", wireProtocol: .json11, apiVersion: "2019-07-29", targetPrefix: "AWSWAF_20190729")
    /// Amazon SES (the classic API at `email`, signed as `ses`).
    public static let ses = AWSService(
        id: "ses", signingName: "ses", endpointPrefix: "email", wireProtocol: .query, apiVersion: "2010-12-01",
        endpointEnvironmentKey: "SES")

    /// All services, by id.
    public static let all: [AWSService] = [
        .sts, .iam, .organizations, .ec2, .elb, .elbv2, .autoscaling, .cloudwatch, .pricing, .costExplorer,
        .tagging, .rds, .lambda,
        .s3, .dynamodb, .sqs, .sns, .cloudfront, .route53, .apigateway, .apigatewayv2, .ecs, .eks, .elasticache, .efs,
        .redshift, .opensearch, .kinesis, .firehose, .stepfunctions, .events, .kafka, .mq, .ecr,
        .cognitoIdentityProvider, .wafv2, .ses,
    ]
}

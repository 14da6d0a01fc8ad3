/// Catalog entries for the services whose typed calls live in `Services/{RDS,Lambda,S3,...}`
/// (written by the Discovery work). REST URIs are from each service's API reference.
extension AWSOperation {
    /// RDS.
    public enum RDS {
        public static let describeDBInstances = AWSOperation(.rds, "DescribeDBInstances")
        public static let describeDBClusters = AWSOperation(.rds, "DescribeDBClusters")
        public static let describeDBSubnetGroups = AWSOperation(.rds, "DescribeDBSubnetGroups")
        static let all = [describeDBInstances, describeDBClusters, describeDBSubnetGroups]
    }

    /// Lambda.
    public enum Lambda {
        public static let listFunctions = get(.lambda, "ListFunctions", "/2015-03-31/functions/")
        public static let getFunction = get(.lambda, "GetFunction", "/2015-03-31/functions/{FunctionName}")
        public static let listEventSourceMappings = get(
            .lambda, "ListEventSourceMappings", "/2015-03-31/event-source-mappings/")
        static let all = [listFunctions, getFunction, listEventSourceMappings]
    }

    /// S3 (path-style).
    public enum S3 {
        public static let listBuckets = get(.s3, "ListBuckets", "/", iamActions: ["s3:ListAllMyBuckets"])
        public static let getBucketLocation = get(.s3, "GetBucketLocation", "/{Bucket}?location")
        public static let getBucketNotificationConfiguration = get(
            .s3, "GetBucketNotificationConfiguration", "/{Bucket}?notification",
            iamActions: ["s3:GetBucketNotification"])
        public static let getBucketTagging = get(.s3, "GetBucketTagging", "/{Bucket}?tagging")
        static let all = [listBuckets, getBucketLocation, getBucketNotificationConfiguration, getBucketTagging]
    }

    /// DynamoDB.
    public enum DynamoDB {
        public static let listTables = AWSOperation(.dynamodb, "ListTables")
        public static let describeTable = AWSOperation(.dynamodb, "DescribeTable")
        static let all = [listTables, describeTable]
    }

    /// SQS.
    public enum SQS {
        public static let listQueues = AWSOperation(.sqs, "ListQueues")
        public static let getQueueAttributes = AWSOperation(.sqs, "GetQueueAttributes")
        public static let listDeadLetterSourceQueues = AWSOperation(.sqs, "ListDeadLetterSourceQueues")
        static let all = [listQueues, getQueueAttributes, listDeadLetterSourceQueues]
    }

    /// SNS.
    public enum SNS {
        public static let listTopics = AWSOperation(.sns, "ListTopics")
        public static let listSubscriptions = AWSOperation(.sns, "ListSubscriptions")
        public static let getTopicAttributes = AWSOperation(.sns, "GetTopicAttributes")
        static let all = [listTopics, listSubscriptions, getTopicAttributes]
    }

    /// CloudFront.
    public enum CloudFront {
        public static let listDistributions = get(.cloudfront, "ListDistributions", "/2020-05-31/distribution")
        public static let getDistribution = get(.cloudfront, "GetDistribution", "/2020-05-31/distribution/{Id}")
        static let all = [listDistributions, getDistribution]
    }

    /// Route 53.
    public enum Route53 {
        public static let listHostedZones = get(.route53, "ListHostedZones", "/2013-04-01/hostedzone")
        public static let listResourceRecordSets = get(
            .route53, "ListResourceRecordSets", "/2013-04-01/hostedzone/{Id}/rrset")
        static let all = [listHostedZones, listResourceRecordSets]
    }

    /// API Gateway v1. IAM authorizes it as `apigateway:GET` on resource paths.
    public enum APIGateway {
        public static let getRestApis = get(.apigateway, "GetRestApis", "/restapis", iamActions: ["apigateway:GET"])
        public static let getResources = get(
            .apigateway, "GetResources", "/restapis/{restapi_id}/resources", iamActions: ["apigateway:GET"])
        public static let getStages = get(
            .apigateway, "GetStages", "/restapis/{restapi_id}/stages", iamActions: ["apigateway:GET"])
        public static let getIntegration = get(
            .apigateway, "GetIntegration",
            "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration",
            iamActions: ["apigateway:GET"])
        public static let getAuthorizers = get(
            .apigateway, "GetAuthorizers", "/restapis/{restapi_id}/authorizers", iamActions: ["apigateway:GET"])
        public static let getDomainNames = get(
            .apigateway, "GetDomainNames", "/domainnames", iamActions: ["apigateway:GET"])
        public static let getBasePathMappings = get(
            .apigateway, "GetBasePathMappings", "/domainnames/{domain_name}/basepathmappings",
            iamActions: ["apigateway:GET"])
        static let all = [
            getRestApis, getResources, getStages, getIntegration, getAuthorizers, getDomainNames, getBasePathMappings,
        ]
    }

    /// API Gateway v2.
    public enum APIGatewayV2 {
        public static let getApis = get(.apigatewayv2, "GetApis", "/v2/apis", iamActions: ["apigateway:GET"])
        public static let getIntegrations = get(
            .apigatewayv2, "GetIntegrations", "/v2/apis/{apiId}/integrations", iamActions: ["apigateway:GET"])
        public static let getRoutes = get(
            .apigatewayv2, "GetRoutes", "/v2/apis/{apiId}/routes", iamActions: ["apigateway:GET"])
        public static let getDomainNames = get(
            .apigatewayv2, "GetDomainNames", "/v2/domainnames", iamActions: ["apigateway:GET"])
        public static let getApiMappings = get(
            .apigatewayv2, "GetApiMappings", "/v2/domainnames/{domainName}/apimappings", iamActions: ["apigateway:GET"])
        static let all = [getApis, getIntegrations, getRoutes, getDomainNames, getApiMappings]
    }

    /// ECS.
    public enum ECS {
        public static let listClusters = AWSOperation(.ecs, "ListClusters")
        public static let describeClusters = AWSOperation(.ecs, "DescribeClusters")
        public static let listServices = AWSOperation(.ecs, "ListServices")
        public static let describeServices = AWSOperation(.ecs, "DescribeServices")
        public static let listTasks = AWSOperation(.ecs, "ListTasks")
        public static let describeTasks = AWSOperation(.ecs, "DescribeTasks")
        public static let describeTaskDefinition = AWSOperation(.ecs, "DescribeTaskDefinition")
        static let all = [
            listClusters, describeClusters, listServices, describeServices, listTasks, describeTasks,
            describeTaskDefinition,
        ]
    }

    /// EKS.
    public enum EKS {
        public static let listClusters = get(.eks, "ListClusters", "/clusters")
        public static let describeCluster = get(.eks, "DescribeCluster", "/clusters/{name}")
        public static let listNodegroups = get(.eks, "ListNodegroups", "/clusters/{name}/node-groups")
        public static let describeNodegroup = get(
            .eks, "DescribeNodegroup", "/clusters/{name}/node-groups/{nodegroupName}")
        static let all = [listClusters, describeCluster, listNodegroups, describeNodegroup]
    }

    /// ElastiCache.
    public enum ElastiCache {
        public static let describeCacheClusters = AWSOperation(.elasticache, "DescribeCacheClusters")
        public static let describeReplicationGroups = AWSOperation(.elasticache, "DescribeReplicationGroups")
        public static let describeCacheSubnetGroups = AWSOperation(.elasticache, "DescribeCacheSubnetGroups")
        static let all = [describeCacheClusters, describeReplicationGroups, describeCacheSubnetGroups]
    }

    /// EFS.
    public enum EFS {
        public static let describeFileSystems = get(.efs, "DescribeFileSystems", "/2015-02-01/file-systems")
        public static let describeMountTargets = get(.efs, "DescribeMountTargets", "/2015-02-01/mount-targets")
        static let all = [describeFileSystems, describeMountTargets]
    }
}

import SkyplanModel

/// The Cost Explorer `SERVICE` dimension value a component type's charges are billed under. EBS volumes, NAT
/// gateways and Elastic IPs are billed as "EC2 - Other"; load balancers of every kind as one service.
public enum CostExplorerService {
    /// The Cost Explorer service name of `type`, nil for types that are never billed (containers, route tables).
    public static func name(for type: ComponentType) -> String? {
        names[type.rawValue]
    }

    private static let names: [String: String] = [
        "ec2": "Amazon Elastic Compute Cloud - Compute", "eksnodegroup": "Amazon Elastic Compute Cloud - Compute",
        "ebs": "EC2 - Other", "natgateway": "EC2 - Other", "eni": "EC2 - Other",
        "elb": "Amazon Elastic Load Balancing", "alb": "Amazon Elastic Load Balancing",
        "nlb": "Amazon Elastic Load Balancing",
        "rds": "Amazon Relational Database Service", "auroracluster": "Amazon Relational Database Service",
        "lambda": "AWS Lambda", "s3": "Amazon Simple Storage Service", "dynamodb": "Amazon DynamoDB",
        "sqs": "Amazon Simple Queue Service", "sns": "Amazon Simple Notification Service",
        "cloudfront": "Amazon CloudFront", "r53": "Amazon Route 53", "apigateway": "Amazon API Gateway",
        "elasticache": "Amazon ElastiCache", "efs": "Amazon Elastic File System",
        "ecscluster": "Amazon Elastic Container Service", "ecstask": "Amazon Elastic Container Service",
        "ecsservice": "Amazon Elastic Container Service",
        "ekscluster": "Amazon Elastic Container Service for Kubernetes",
        "vpcendpoint": "Amazon Virtual Private Cloud", "transitgateway": "Amazon Virtual Private Cloud",
        "transitgatewayattachment": "Amazon Virtual Private Cloud", "vpnconnection": "Amazon Virtual Private Cloud",
        "vpngateway": "Amazon Virtual Private Cloud", "cloudwatchalarm": "AmazonCloudWatch",
        "opensearch": "Amazon OpenSearch Service", "redshift": "Amazon Redshift",
        "msk": "Amazon Managed Streaming for Apache Kafka",
        "docdb": "Amazon DocumentDB (with MongoDB compatibility)", "mq": "Amazon MQ",
    ]
}

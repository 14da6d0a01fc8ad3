import SkyplanModel

/// How a component type reads on a diagram: its name, its colour and the
/// height of its block (which says something about its size).
public enum ComponentStyle {
    /// A person's name for the type (`EC2`, `Load balancer`).
    public static func displayName(_ type: ComponentType) -> String {
        names[type.rawValue] ?? type.rawValue.uppercased()
    }

    /// The category colour (AWS Architecture Icons palette).
    public static func color(_ type: ComponentType) -> String { type.category.color }

    /// Block height in grid units, from the configuration: bigger instance classes stand taller.
    public static func height(type: ComponentType, config: [String: JSONValue], count: Int? = nil) -> Double {
        var height: Double
        if let size = config["instanceSize"]?.stringValue {
            height = sizeHeight(size)
        } else {
            switch type.category {
            case .database: height = 1.0
            case .storage: height = 0.6
            case .networking: height = 0.5
            case .applicationIntegration: height = 0.45
            default: height = 0.7
            }
        }
        if let count, count > 1 { height += min(0.8, Double(count).squareRoot() / 10) }
        return height
    }

    /// `nano` is flat, `metal` and `24xlarge` stand tall.
    static func sizeHeight(_ size: String) -> Double {
        let order = ["nano": 0.35, "micro": 0.45, "small": 0.55, "medium": 0.65, "large": 0.8, "xlarge": 0.95]
        if let value = order[size] { return value }
        if size == "metal" { return 1.6 }
        if size.hasSuffix("xlarge"), let multiple = Double(size.dropLast(6)) {
            return min(1.6, 0.95 + multiple.squareRoot() * 0.12)
        }
        return 0.7
    }

    private static let names: [String: String] = [
        "ec2": "EC2", "lambda": "Lambda", "ecscluster": "ECS cluster",
        "ecstask": "ECS task", "ekscluster": "EKS cluster", "eksnodegroup": "EKS nodes",
        "ebs": "EBS", "s3": "S3", "efs": "EFS", "rds": "RDS",
        "auroracluster": "Aurora", "dynamodb": "DynamoDB", "elasticache": "ElastiCache",
        "sqs": "SQS", "sns": "SNS", "elb": "Load balancer",
        "targetgroup": "Target group", "cloudfront": "CloudFront", "r53": "Route 53",
        "apigateway": "API Gateway", "natgateway": "NAT gateway",
        "internetgateway": "Internet gateway", "egressonlyinternetgateway": "Egress-only IGW",
        "vpcendpoint": "VPC endpoint", "vpcpeering": "VPC peering",
        "transitgateway": "Transit gateway", "transitgatewayattachment": "TGW attachment",
        "vpngateway": "VPN gateway", "customergateway": "Customer gateway",
        "vpnconnection": "VPN connection",
        "eni": "Network interface", "routetable": "Route table",
        "cloudwatchalarm": "CloudWatch alarm",
        "redshift": "Redshift", "es": "OpenSearch", "kinesisstream": "Kinesis stream",
        "kinesisfirehose": "Firehose", "eip": "Elastic IP", "sfn": "Step Functions", "eventbus": "EventBridge bus",
        "docdb": "DocumentDB", "neptune": "Neptune", "msk": "MSK", "mq": "Amazon MQ", "ecr": "ECR",
        "cognito": "Cognito user pool", "waf": "WAF web ACL", "ses": "SES identity",
    ]
}

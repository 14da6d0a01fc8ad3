import SkyplanModel

/// How a component type reads on a diagram: its name, its short service mark, its colour and the
/// height of its block (which says something about its size).
public enum ComponentStyle {
    /// A person's name for the type (`EC2`, `Load balancer`).
    public static func displayName(_ type: ComponentType) -> String {
        names[type.rawValue]?.0 ?? type.rawValue.uppercased()
    }

    /// A short mark drawn on top of the block (`EC2`, `λ`, `S3`).
    public static func mark(_ type: ComponentType) -> String {
        names[type.rawValue]?.1 ?? String(type.rawValue.prefix(3)).uppercased()
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

    private static let names: [String: (String, String)] = [
        "ec2": ("EC2", "EC2"), "lambda": ("Lambda", "λ"), "ecscluster": ("ECS cluster", "ECS"),
        "ecstask": ("ECS task", "TASK"), "ekscluster": ("EKS cluster", "EKS"), "eksnodegroup": ("EKS nodes", "EKS"),
        "ebs": ("EBS", "EBS"), "s3": ("S3", "S3"), "efs": ("EFS", "EFS"), "rds": ("RDS", "RDS"),
        "auroracluster": ("Aurora", "AUR"), "dynamodb": ("DynamoDB", "DDB"), "elasticache": ("ElastiCache", "EC$"),
        "sqs": ("SQS", "SQS"), "sns": ("SNS", "SNS"), "elb": ("Load balancer", "ELB"),
        "targetgroup": ("Target group", "TG"), "cloudfront": ("CloudFront", "CF"), "r53": ("Route 53", "R53"),
        "apigateway": ("API Gateway", "API"), "natgateway": ("NAT gateway", "NAT"),
        "internetgateway": ("Internet gateway", "IGW"), "egressonlyinternetgateway": ("Egress-only IGW", "EIGW"),
        "vpcendpoint": ("VPC endpoint", "VPCE"), "vpcpeering": ("VPC peering", "PCX"),
        "transitgateway": ("Transit gateway", "TGW"), "transitgatewayattachment": ("TGW attachment", "TGA"),
        "vpngateway": ("VPN gateway", "VGW"), "customergateway": ("Customer gateway", "CGW"),
        "vpnconnection": ("VPN connection", "VPN"),
        "eni": ("Network interface", "ENI"), "routetable": ("Route table", "RT"),
        "cloudwatchalarm": ("CloudWatch alarm", "CW"),
    ]
}

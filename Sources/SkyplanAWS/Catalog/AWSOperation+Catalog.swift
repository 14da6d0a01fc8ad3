/// The catalog: every operation Skyplan calls. Add new operations here (one line) and to the
/// service's `all`; `AWSOperation.all` is what `MinimalPolicy` grants.
extension AWSOperation {
    /// Everything Skyplan can call, sorted by IAM action.
    public static let all: [AWSOperation] = {
        let groups: [[AWSOperation]] = [
            STS.all, IAM.all, Organizations.all, EC2.all, ELB.all, ELBv2.all, AutoScaling.all, CloudWatch.all,
            Pricing.all, CostExplorer.all, Tagging.all, RDS.all, Lambda.all, S3.all, DynamoDB.all, SQS.all, SNS.all,
            CloudFront.all,
            Route53.all, APIGateway.all, APIGatewayV2.all, ECS.all, EKS.all, ElastiCache.all, EFS.all,
            Redshift.all, OpenSearch.all, Kinesis.all, Firehose.all, StepFunctions.all, EventBridge.all,
            MSK.all, MQ.all, ECR.all, Cognito.all, WAF.all, SES.all,
        ]
        return groups.flatMap { $0 }.sorted { $0.description < $1.description }
    }()

    /// The catalog as a set, for membership checks.
    public static let catalog: Set<AWSOperation> = Set(all)

    /// STS.
    public enum STS {
        public static let getCallerIdentity = AWSOperation(.sts, "GetCallerIdentity")
        public static let assumeRole = AWSOperation(.sts, "AssumeRole")
        public static let assumeRoleWithWebIdentity = AWSOperation(.sts, "AssumeRoleWithWebIdentity")
        static let all = [getCallerIdentity, assumeRole, assumeRoleWithWebIdentity]
    }

    /// IAM (read).
    public enum IAM {
        public static let getRole = AWSOperation(.iam, "GetRole")
        static let all = [getRole]
    }

    /// Organizations.
    public enum Organizations {
        public static let listAccounts = AWSOperation(.organizations, "ListAccounts")
        public static let describeOrganization = AWSOperation(.organizations, "DescribeOrganization")
        static let all = [listAccounts, describeOrganization]
    }

    /// EC2.
    public enum EC2 {
        public static let describeRegions = AWSOperation(.ec2, "DescribeRegions")
        public static let describeAvailabilityZones = AWSOperation(.ec2, "DescribeAvailabilityZones")
        public static let describeVpcs = AWSOperation(.ec2, "DescribeVpcs")
        public static let describeSubnets = AWSOperation(.ec2, "DescribeSubnets")
        public static let describeRouteTables = AWSOperation(.ec2, "DescribeRouteTables")
        public static let describeInternetGateways = AWSOperation(.ec2, "DescribeInternetGateways")
        public static let describeEgressOnlyInternetGateways = AWSOperation(.ec2, "DescribeEgressOnlyInternetGateways")
        public static let describeNatGateways = AWSOperation(.ec2, "DescribeNatGateways")
        public static let describeVpcEndpoints = AWSOperation(.ec2, "DescribeVpcEndpoints")
        public static let describeVpcPeeringConnections = AWSOperation(.ec2, "DescribeVpcPeeringConnections")
        public static let describeTransitGateways = AWSOperation(.ec2, "DescribeTransitGateways")
        public static let describeTransitGatewayAttachments = AWSOperation(.ec2, "DescribeTransitGatewayAttachments")
        public static let describeVpnGateways = AWSOperation(.ec2, "DescribeVpnGateways")
        public static let describeCustomerGateways = AWSOperation(.ec2, "DescribeCustomerGateways")
        public static let describeVpnConnections = AWSOperation(.ec2, "DescribeVpnConnections")
        public static let describeTransitGatewayPeeringAttachments = AWSOperation(
            .ec2, "DescribeTransitGatewayPeeringAttachments")
        public static let describeSecurityGroups = AWSOperation(.ec2, "DescribeSecurityGroups")
        public static let describeNetworkInterfaces = AWSOperation(.ec2, "DescribeNetworkInterfaces")
        public static let describeInstances = AWSOperation(.ec2, "DescribeInstances")
        public static let describeInstanceStatus = AWSOperation(.ec2, "DescribeInstanceStatus")
        public static let describeVolumes = AWSOperation(.ec2, "DescribeVolumes")
        public static let describeAddresses = AWSOperation(.ec2, "DescribeAddresses")
        static let all = [
            describeRegions, describeAvailabilityZones, describeVpcs, describeSubnets, describeRouteTables,
            describeInternetGateways, describeEgressOnlyInternetGateways, describeNatGateways, describeVpcEndpoints,
            describeVpcPeeringConnections, describeTransitGateways, describeTransitGatewayAttachments,
            describeVpnGateways, describeCustomerGateways, describeSecurityGroups, describeNetworkInterfaces,
            describeInstances, describeInstanceStatus, describeVolumes, describeAddresses, describeVpnConnections,
            describeTransitGatewayPeeringAttachments,
        ]
    }

    /// Elastic Load Balancing (classic).
    public enum ELB {
        public static let describeLoadBalancers = AWSOperation(.elb, "DescribeLoadBalancers")
        public static let describeInstanceHealth = AWSOperation(.elb, "DescribeInstanceHealth")
        static let all = [describeLoadBalancers, describeInstanceHealth]
    }

    /// Elastic Load Balancing v2.
    public enum ELBv2 {
        public static let describeLoadBalancers = AWSOperation(.elbv2, "DescribeLoadBalancers")
        public static let describeTargetGroups = AWSOperation(.elbv2, "DescribeTargetGroups")
        public static let describeTargetHealth = AWSOperation(.elbv2, "DescribeTargetHealth")
        static let all = [describeLoadBalancers, describeTargetGroups, describeTargetHealth]
    }

    /// Auto Scaling.
    public enum AutoScaling {
        public static let describeAutoScalingGroups = AWSOperation(.autoscaling, "DescribeAutoScalingGroups")
        static let all = [describeAutoScalingGroups]
    }

    /// CloudWatch.
    public enum CloudWatch {
        public static let getMetricData = AWSOperation(.cloudwatch, "GetMetricData")
        public static let describeAlarms = AWSOperation(.cloudwatch, "DescribeAlarms")
        static let all = [getMetricData, describeAlarms]
    }

    /// Price List.
    public enum Pricing {
        public static let getProducts = AWSOperation(.pricing, "GetProducts")
        static let all = [getProducts]
    }

    /// Cost Explorer (read): the account's actual cost, for the budget's estimate-vs-actual comparison.
    public enum CostExplorer {
        public static let getCostAndUsage = AWSOperation(.costExplorer, "GetCostAndUsage")
        static let all = [getCostAndUsage]
    }

    /// Resource Groups Tagging API.
    public enum Tagging {
        public static let getResources = AWSOperation(.tagging, "GetResources")
        static let all = [getResources]
    }
}

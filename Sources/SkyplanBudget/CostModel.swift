import SkyplanModel

/// Prices components from a `PriceBook`: each component becomes cost lines (unit, quantity, unit
/// price, quantity source), and a set of components becomes a `Budget`.
///
/// Pure and deterministic. A line whose price the book lacks is unpriced (never $0); component types
/// AWS does not charge for (VPC, subnet, security group, ...) have no lines; types the model does not
/// know get one unpriced line.
public struct CostModel: Sendable {
    public var book: PriceBook
    public var assumptions: UsageAssumptions
    public var rules: PricingRules

    /// A cost model over `book`.
    public init(
        book: PriceBook, assumptions: UsageAssumptions = UsageAssumptions(), rules: PricingRules = PricingRules()
    ) {
        self.book = book
        self.assumptions = assumptions
        self.rules = rules
    }

    /// Component types AWS does not charge for by themselves.
    public static let freeTypes: Set<ComponentType> = [
        .region, .vpc, .zone, .subnet, .securityGroup, .autoScalingGroup, .routeTable, .internetGateway,
        .egressOnlyInternetGateway, .vpcPeering, .transitGateway, .customerGateway, .networkInterface,
        .targetGroup, .ecsCluster, .eksNodeGroup,
    ]

    /// The budget of `components`, lines in component order then line order.
    public func budget(for components: [PricedComponent]) -> Budget {
        var costs: [ComponentCost] = []
        costs.reserveCapacity(components.count)
        for component in components {
            costs.append(ComponentCost(component: component, lines: lines(for: component)))
        }
        return Budget(components: costs, bookVersion: book.version)
    }

    /// The monthly cost lines of one component.
    public func lines(for component: PricedComponent) -> [CostLine] {
        var builder = LineBuilder(model: self, component: component)
        switch component.type {
        case .ec2: builder.ec2()
        case .ebs: builder.ebs()
        case .elb: builder.elb()
        case .natGateway: builder.natGateway()
        case .rds: builder.rds()
        case .auroraCluster: builder.auroraCluster()
        case .elastiCache: builder.elastiCache()
        case .lambda: builder.lambda()
        case .s3: builder.s3()
        case .dynamoDB: builder.dynamoDB()
        case .sqs: builder.sqs()
        case .sns: builder.sns()
        case .cloudFront: builder.cloudFront()
        case .apiGateway: builder.apiGateway()
        case .eksCluster: builder.eksCluster()
        case .ecsService, .ecsTask: builder.fargate()
        case .vpcEndpoint: builder.vpcEndpoint()
        case .transitGatewayAttachment: builder.transitGatewayAttachment()
        case .vpnGateway: builder.vpnGateway()
        case .vpnConnection: builder.vpnConnection()
        case .efs: builder.efs()
        case .route53: builder.route53()
        case .cloudWatchAlarm: builder.cloudWatchAlarm()
        case .elasticIP, "elasticip": builder.elasticIP()
        case .redshift: builder.redshift()
        case .openSearch: builder.openSearch()
        case .kinesisStream: builder.kinesisStream()
        case .kinesisFirehose: builder.kinesisFirehose()
        case .stepFunctions: builder.stepFunctions()
        case .eventBus: builder.eventBus()
        case .docDB, .neptune: builder.documentOrGraph()
        case .msk: builder.msk()
        case .mq: builder.mq()
        case .ecr: builder.ecr()
        case .cognito: builder.cognito()
        case .waf: builder.waf()
        case .ses: builder.ses()
        default:
            if !Self.freeTypes.contains(component.type) { builder.unknownType() }
        }
        return builder.lines
    }
}

import SkyplanAWS
import SkyplanModel

/// Cognito user pools → their Lambda triggers (one list call a region: `ListUserPools` carries each pool's
/// `LambdaConfig`). The API Gateway authorizers that use a pool are related by the API Gateway collector.
public struct CognitoCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "cognito-idp" }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let pools = try await recorder.attempt("ListUserPools") { try await client.listUserPools(region: region) } ?? []
        for pool in pools where !pool.id.isEmpty {
            let arn = context.arn("cognito-idp", "userpool", pool.id)
            recorder.output.resources.append(
                Resource(
                    arn: arn, type: .cognito, resourceID: pool.id, accountID: context.accountID, region: region,
                    name: pool.name, config: ["triggers": .number(Double(pool.triggers.count))]))
            for (trigger, function) in pool.triggers.sorted(by: { $0.key < $1.key }) {
                recorder.output.relate(
                    arn, ARNs.lambdaFunction(function), .integration,
                    "cognito-idp:ListUserPools LambdaConfig \(trigger)")
            }
        }
        return recorder.output
    }
}

/// WAFv2 regional web ACLs → the load balancers and API Gateway stages (drawn on their API) they protect: one
/// `ListWebACLs` a region, and per ACL one `ListResourcesForWebACL` per resource type (none without ACLs).
public struct WAFCollector: Collector {
    /// The resource types asked for, and the evidence they give.
    static let resourceTypes = ["APPLICATION_LOAD_BALANCER", "API_GATEWAY"]
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "wafv2" }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let acls =
            try await recorder.attempt("ListWebACLs") {
                try await client.listWebACLs(scope: "REGIONAL", region: region)
            }
            ?? []
        let pairs = acls.filter { !$0.arn.isEmpty }.flatMap { acl in
            Self.resourceTypes.map { (acl: acl.arn, resourceType: $0) }
        }
        let protected = try await recorder.each("ListResourcesForWebACL", pairs, limit: concurrency) { pair in
            try await client.listResourcesForWebACL(arn: pair.acl, resourceType: pair.resourceType, region: region)
        }
        for acl in acls where !acl.arn.isEmpty {
            recorder.output.resources.append(Self.resource(acl, scope: "regional", region: region, context: context))
        }
        for (pair, arns) in protected {
            for target in Set(arns.map(ARNs.apiGatewayAPI)).sorted() {
                recorder.output.relate(pair.acl, target, .uses, "wafv2:ListResourcesForWebACL \(pair.resourceType)")
            }
        }
        return recorder.output
    }

    static func resource(_ acl: WAFWebACL, scope: String, region: String, context: CollectorContext) -> Resource {
        Resource(
            arn: acl.arn, type: .waf, resourceID: acl.id, accountID: context.accountID, region: region, name: acl.name,
            config: ["scope": .string(scope)])
    }
}

/// WAFv2 CloudFront web ACLs: one `ListWebACLs` (scope `CLOUDFRONT`) per account, in us-east-1 where they live.
/// The distributions they protect name them (`WebACLId`), so the CloudFront collector relates them.
public struct WAFCloudFrontCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Service.
    public var service: String { "wafv2" }
    /// Once per account.
    public var scope: CollectorScope { .global }
    public init(client: AWSClient) { self.client = client }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let acls =
            try await recorder.attempt("ListWebACLs") {
                try await client.listWebACLs(scope: "CLOUDFRONT", region: region)
            } ?? []
        for acl in acls where !acl.arn.isEmpty {
            recorder.output.resources.append(
                WAFCollector.resource(acl, scope: "cloudfront", region: Resource.globalRegion, context: context))
        }
        return recorder.output
    }
}

/// SES identities (domains, email addresses) → the SNS topics they notify of bounces, complaints and deliveries:
/// one `ListIdentities` a region, then one `GetIdentityNotificationAttributes` per 100 identities (none without).
public struct SESCollector: Collector {
    /// Client.
    public let client: AWSClient
    /// Concurrency.
    public var concurrency: Int
    /// Service.
    public var service: String { "ses" }
    public init(client: AWSClient, concurrency: Int = 8) {
        self.client = client
        self.concurrency = concurrency
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var recorder = CollectorRecorder(context: context, service: service)
        let client = self.client
        let region = context.region
        let identities =
            try await recorder.attempt("ListIdentities") { try await client.listIdentities(region: region) } ?? []
        let batches = stride(from: 0, to: identities.count, by: 100).map {
            Array(identities[$0..<min($0 + 100, identities.count)])
        }
        let answers = try await recorder.each("GetIdentityNotificationAttributes", batches, limit: concurrency) {
            try await client.identityNotificationTopics($0, region: region)
        }
        for identity in identities {
            recorder.output.resources.append(
                Resource(
                    arn: context.arn("ses", "identity", identity), type: .ses, resourceID: identity,
                    accountID: context.accountID, region: region, name: identity,
                    config: ["identityType": .string(identity.contains("@") ? "email" : "domain")]))
        }
        for notified in answers.flatMap(\.1) {
            let arn = context.arn("ses", "identity", notified.identity)
            for (type, topic) in notified.topics.sorted(by: { $0.key < $1.key }) {
                recorder.output.relate(
                    arn, topic, .notification, "ses:GetIdentityNotificationAttributes \(type)Topic")
            }
        }
        return recorder.output
    }
}

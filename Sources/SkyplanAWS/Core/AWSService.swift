import Foundation

/// The wire protocol a service speaks.
public enum AWSProtocol: String, Sendable, Hashable {
    /// `Action=...&Version=...` form POST, XML answers (IAM, STS, ELB, AutoScaling, CloudWatch, RDS, ...).
    case query
    /// EC2's variant of query: list members flattened as `Name.N`, errors in `<Response><Errors>`.
    case ec2
    /// JSON 1.0 with `X-Amz-Target` (DynamoDB).
    case json10
    /// JSON 1.1 with `X-Amz-Target` (Organizations, ECS, Pricing, ...).
    case json11
    /// REST with JSON bodies (Lambda, EKS, API Gateway, EFS).
    case restJSON
    /// REST with XML bodies (S3, CloudFront, Route 53).
    case restXML
}

/// One AWS service as the client needs to know it: how to reach it, sign for it and speak to it.
public struct AWSService: Sendable, Hashable, CustomStringConvertible {
    /// A short stable id (`ec2`, `elbv2`, `cloudwatch`).
    public var id: String
    /// The name in IAM actions (`ec2`, `elasticloadbalancing`, `cloudwatch`, `tag`).
    public var iamPrefix: String
    /// The name in the SigV4 credential scope (`monitoring` for CloudWatch).
    public var signingName: String
    /// The first DNS label of the endpoint (`monitoring`, `elasticloadbalancing`, `api.pricing`).
    public var endpointPrefix: String
    /// The wire protocol.
    public var wireProtocol: AWSProtocol
    /// The API version (query protocols send it as `Version`).
    public var apiVersion: String
    /// The `X-Amz-Target` prefix of JSON protocols (`DynamoDB_20120810`).
    public var targetPrefix: String
    /// The key of `AWS_ENDPOINT_URL_<KEY>` (`EC2`, `ELASTIC_LOAD_BALANCING_V2`).
    public var endpointEnvironmentKey: String
    /// Global services have one endpoint per partition and sign in the partition's home region.
    public var isGlobal: Bool

    /// Declares a service.
    public init(
        id: String, iamPrefix: String? = nil, signingName: String? = nil, endpointPrefix: String? = nil,
        wireProtocol: AWSProtocol, apiVersion: String, targetPrefix: String = "", endpointEnvironmentKey: String? = nil,
        isGlobal: Bool = false
    ) {
        self.id = id
        self.iamPrefix = iamPrefix ?? id
        self.signingName = signingName ?? endpointPrefix ?? id
        self.endpointPrefix = endpointPrefix ?? id
        self.wireProtocol = wireProtocol
        self.apiVersion = apiVersion
        self.targetPrefix = targetPrefix
        self.endpointEnvironmentKey = endpointEnvironmentKey ?? id.uppercased()
        self.isGlobal = isGlobal
    }

    /// The id.
    public var description: String { id }
}

import Foundation
import SkyplanModel

/// Where a call goes and which region signs it.
public struct AWSEndpoint: Sendable, Hashable {
    /// Scheme, host and optional port and base path (no trailing slash).
    public var url: URL
    /// The region in the SigV4 credential scope.
    public var signingRegion: String

    /// Resolves the endpoint of `service` in `region`: an `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`
    /// override first, then the partition's rules (global services have one endpoint per partition).
    ///
    /// A region that is not a syntactically valid region name (`us-east-1`) is refused before any host name
    /// is built from it: the last line of defence against a region such as `evil.example/#` steering a
    /// call, with its signed credentials, to a host of someone else's choosing.
    ///
    /// See https://docs.aws.amazon.com/general/latest/gr/rande.html
    public static func resolve(service: AWSService, region: String, configuration: AWSConfiguration)
        throws(AWSError) -> AWSEndpoint
    {
        guard Region.isWellFormed(region) else {
            throw AWSError(
                kind: .refused, code: "InvalidRegion",
                message: "\"\(region.prefix(40))\" is not an AWS region name such as us-east-1; no call was made",
                service: service.id, region: String(region.prefix(40)))
        }
        let partition = Partition.of(region: region)
        let signingRegion = service.isGlobal ? globalSigningRegion(service, partition) : pricingRegion(service, region)
        if let override = configuration.serviceEndpoints[service.endpointEnvironmentKey] ?? configuration.endpointURL {
            return AWSEndpoint(url: override, signingRegion: signingRegion)
        }
        let host = hostName(service: service, region: region, partition: partition, configuration: configuration)
        return AWSEndpoint(
            url: URL(string: "https://\(host)") ?? URL(fileURLWithPath: "/"), signingRegion: signingRegion)
    }

    static func hostName(service: AWSService, region: String, partition: Partition, configuration: AWSConfiguration)
        -> String
    {
        let suffix = partition.dnsSuffix
        switch (service.id, partition) {
        case ("iam", .aws): return "iam.amazonaws.com"
        case ("iam", .awsCN): return "iam.cn-north-1.amazonaws.com.cn"
        case ("iam", .awsUSGov): return "iam.us-gov.amazonaws.com"
        case ("route53", .aws): return "route53.amazonaws.com"
        case ("route53", .awsCN): return "route53.amazonaws.com.cn"
        case ("route53", .awsUSGov): return "route53.us-gov.amazonaws.com"
        case ("cloudfront", .aws): return "cloudfront.amazonaws.com"
        case ("cloudfront", _): return "cloudfront.\(globalSigningRegion(service, partition)).\(suffix)"
        case ("ce", _): return "ce.\(globalSigningRegion(service, partition)).\(suffix)"
        case ("organizations", _): return "organizations.\(globalSigningRegion(service, partition)).\(suffix)"
        case ("pricing", _): return "api.pricing.\(pricingRegion(service, region)).\(suffix)"
        default: break
        }
        let prefix = service.endpointPrefix + (configuration.useFIPS ? "-fips" : "")
        if configuration.useDualStack {
            if service.id == "s3" { return "s3.dualstack.\(region).\(suffix)" }
            let dualSuffix = partition == .awsCN ? "api.amazonwebservices.com.cn" : "api.aws"
            return "\(prefix).\(region).\(dualSuffix)"
        }
        return "\(prefix).\(region).\(suffix)"
    }

    /// The home region of a global service in a partition.
    static func globalSigningRegion(_ service: AWSService, _ partition: Partition) -> String {
        switch (service.id, partition) {
        case ("organizations", .awsCN), ("cloudfront", .awsCN), ("route53", .awsCN), ("ce", .awsCN):
            "cn-northwest-1"
        default: partition.defaultRegion
        }
    }

    /// The Price List API answers only in a few regions; others use us-east-1.
    static func pricingRegion(_ service: AWSService, _ region: String) -> String {
        guard service.id == "pricing" else { return region }
        return ["us-east-1", "eu-central-1", "ap-south-1"].contains(region) ? region : "us-east-1"
    }
}

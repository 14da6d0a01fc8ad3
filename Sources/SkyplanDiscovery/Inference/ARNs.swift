import SkyplanModel

/// Pure ARN rewrites that let one service's reference meet another service's resource.
public enum ARNs {
    /// `arn:aws:lambda:r:a:function:name:alias` → `arn:aws:lambda:r:a:function:name` (references may carry a
    /// version or alias; the resource is the function).
    public static func lambdaFunction(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 7, parts[2] == "lambda", parts[5] == "function" else { return arn }
        return parts.prefix(7).joined(separator: ":")
    }

    /// A DynamoDB stream ARN (`.../table/T/stream/2024-...`) → the table's ARN; other ARNs unchanged.
    public static func streamOwner(_ arn: String) -> String {
        guard arn.contains(":dynamodb:"), let range = arn.range(of: "/stream/") else { return arn }
        return String(arn[..<range.lowerBound])
    }

    /// `https://sqs.us-east-1.amazonaws.com/123456789012/orders` → `arn:aws:sqs:us-east-1:123456789012:orders`.
    public static func sqsQueue(url: String, region: String, partition: String = "aws") -> String? {
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count >= 2, let name = parts.last else { return nil }
        let account = parts[parts.count - 2]
        guard account.count == 12, account.allSatisfy(\.isNumber) else { return nil }
        return "arn:\(partition):sqs:\(region):\(account):\(name)"
    }

    /// The function ARN inside an API Gateway Lambda integration URI
    /// (`arn:aws:apigateway:r:lambda:path/2015-03-31/functions/<function arn>/invocations`), or the URI itself
    /// when it already is a function ARN.
    public static func lambdaFromIntegration(_ uri: String) -> String? {
        if uri.hasPrefix("arn:") && uri.contains(":lambda:") && uri.contains(":function:")
            && !uri.contains("/functions/")
        {
            return lambdaFunction(uri)
        }
        guard let start = uri.range(of: "/functions/") else { return nil }
        var tail = uri[start.upperBound...]
        if let end = tail.range(of: "/invocations") { tail = tail[..<end.lowerBound] }
        guard tail.hasPrefix("arn:") else { return nil }
        return lambdaFunction(String(tail))
    }

    /// An ELBv2 listener ARN → its load balancer's ARN.
    public static func loadBalancer(fromListener arn: String) -> String? {
        guard arn.contains(":listener/") else { return nil }
        var text = arn.replacingOccurrences(of: ":listener/", with: ":loadbalancer/")
        guard let slash = text.lastIndex(of: "/") else { return nil }
        text = String(text[..<slash])
        return text
    }

    /// The host of a URL or a bare domain, lowercased without a trailing dot.
    public static func host(_ text: String) -> String {
        var value = text.lowercased()
        if let scheme = value.range(of: "://") { value = String(value[scheme.upperBound...]) }
        if let slash = value.firstIndex(where: { $0 == "/" || $0 == ":" }) { value = String(value[..<slash]) }
        if value.hasSuffix(".") { value.removeLast() }
        return value
    }
}

extension ARNs {
    /// A Redshift cluster's ARN (`arn:aws:redshift:r:a:cluster:id`; `DescribeClusters` gives none).
    public static func redshiftCluster(_ identifier: String, region: String, context: CollectorContext) -> String {
        "arn:\(context.partition.rawValue):redshift:\(region):\(context.accountID):cluster:\(identifier)"
    }

    /// The cluster a Redshift JDBC URL reaches (`jdbc:redshift://<id>.<hash>.<region>.redshift.amazonaws.com:5439/db`),
    /// in the caller's account; nil for any other host (a serverless workgroup, a proxy).
    public static func redshiftCluster(jdbcURL: String, context: CollectorContext) -> String? {
        let labels = host(jdbcURL.replacingOccurrences(of: "jdbc:", with: "")).split(separator: ".").map(String.init)
        guard labels.count >= 6, labels[3] == "redshift", Region.exists(labels[2]) else { return nil }
        return redshiftCluster(labels[0], region: labels[2], context: context)
    }
}

extension ARNs {
    /// The private ECR repository an image URI names (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/team/app:tag` or
    /// `...@sha256:...` → `arn:aws:ecr:REGION:ACCOUNT:repository/team/app`); nil for any other registry (Docker
    /// Hub's `nginx`, `public.ecr.aws/...`). Pure.
    public static func ecrRepository(image: String) -> String? {
        guard let slash = image.firstIndex(of: "/") else { return nil }
        let labels = image[..<slash].lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 6, labels[0].count == 12, labels[0].allSatisfy(\.isNumber), labels[1] == "dkr",
            labels[2].hasPrefix("ecr"), Region.exists(labels[3]), labels[4] == "amazonaws"
        else { return nil }
        var name = Substring(image[image.index(after: slash)...])
        if let at = name.firstIndex(of: "@") { name = name[..<at] }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = name[..<colon] }
        guard !name.isEmpty else { return nil }
        return "arn:\(Partition.of(region: labels[3]).rawValue):ecr:\(labels[3]):\(labels[0]):repository/\(name)"
    }
}

extension ARNs {
    /// An API Gateway stage's ARN → its API's (`arn:aws:apigateway:r::/restapis/ID/stages/prod` →
    /// `arn:aws:apigateway:r::/restapis/ID`, `/apis/ID/stages/...` alike); other ARNs unchanged. Pure.
    public static func apiGatewayAPI(_ arn: String) -> String {
        guard arn.contains(":apigateway:"), let stages = arn.range(of: "/stages/") else { return arn }
        return String(arn[..<stages.lowerBound])
    }
}

import SkyplanAWS
import SkyplanModel

/// A collector whose resources are not components of their own but facts about resources other collectors
/// find (same ARN). The engine merges them into those resources after the scan instead of adding them.
public protocol AnnotatingCollector: Collector {}

/// The tags of the resources whose list calls do not return them (Lambda, SQS, SNS, DynamoDB, S3, instance
/// ENIs), read in bulk: one paginated `tag:GetResources` walk per region instead of one `ListTags` call each.
///
/// Its output resources are annotations (ARN and tags only); `TagMerger` folds them into the scan.
public struct TagCollector: AnnotatingCollector {
    /// The `ScanRequest.services` names whose resources this collector tags, with their `ResourceTypeFilters`
    /// and the family a failed read leaves untagged (in the order diagnostics name them).
    /// Service-level `sqs`, `sns` and `s3` match every shape AWS (and moto) accepts for those services.
    public static let resourceTypesByService: [(service: String, resourceType: String, family: String)] = [
        ("lambda", "lambda:function", "Lambda"), ("sqs", "sqs", "SQS"), ("sns", "sns", "SNS"),
        ("dynamodb", "dynamodb:table", "DynamoDB"), ("s3", "s3", "S3"),
        // Instance ENIs come from DescribeInstances, which does not carry the interfaces' own tags.
        ("ec2", "ec2:network-interface", "instance ENIs"),
    ]

    /// The type given to annotation resources.
    public static let annotationType = ComponentType("tags")

    /// Client.
    public let client: AWSClient
    /// The `ResourceTypeFilters` sent, sorted.
    public let resourceTypes: [String]
    /// Service.
    public var service: String { "tagging" }
    /// Its pages follow one another: started first, so that the chain overlaps the other collectors.
    public var fansOut: Bool { true }

    /// A collector for the affected services among `services` (nil: all); nil when none of them is scanned.
    public init?(client: AWSClient, services: Set<String>?) {
        let types = Self.resourceTypesByService.filter { services?.contains($0.service) ?? true }.map(\.resourceType)
        guard !types.isEmpty else { return nil }
        self.client = client
        self.resourceTypes = types.sorted()
    }

    public func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        var output = CollectorOutput()
        do {
            let tagged = try await client.getResources(resourceTypes: resourceTypes, region: context.region)
            output.resources = tagged.filter { !$0.tags.isEmpty }.map { item in
                Resource(
                    arn: item.arn, type: Self.annotationType, resourceID: item.arn, accountID: context.accountID,
                    region: context.region, name: item.arn, tags: item.tags)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            var diagnostic = ErrorClassifier.diagnostic(
                for: error, context: context, service: service, operation: "GetResources")
            diagnostic.message = "tags of \(missingFamilies) are missing: \(diagnostic.message)"
            output.diagnostics.append(diagnostic)
        }
        return output
    }

    /// The families whose tags a failure hides, e.g. `Lambda/SQS/SNS/DynamoDB/S3`.
    var missingFamilies: String {
        Self.resourceTypesByService.filter { resourceTypes.contains($0.resourceType) }.map(\.family)
            .joined(separator: "/")
    }
}

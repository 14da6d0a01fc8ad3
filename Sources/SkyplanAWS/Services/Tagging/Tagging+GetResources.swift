import SkyplanModel

/// A resource and its tags, as the Resource Groups Tagging API's `GetResources` gives it.
public struct TaggedResource: Sendable, Hashable {
    /// The resource's ARN, as the owning service writes it (`arn:aws:s3:::bucket`, `arn:aws:sqs:r:a:queue`).
    public var arn: String
    /// Its tags, key to value.
    public var tags: [String: String]

    public init(arn: String, tags: [String: String]) {
        self.arn = arn
        self.tags = tags
    }
}

extension AWSClient {
    /// Tagging `GetResources`, one page at a time: the tagged resources of the region, limited to
    /// `resourceTypes` (`service` or `service:type`, e.g. `lambda:function`, `sqs`, `s3`). Resources without
    /// tags are not listed by AWS. An empty `resourceTypes` asks for every type.
    /// See https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html
    public func getResourcesPages(resourceTypes: [String], region: String? = nil) -> Paginated<[TaggedResource]> {
        Paginated { token in
            var body: [String: JSONValue] = ["ResourcesPerPage": 100]
            if !resourceTypes.isEmpty { body["ResourceTypeFilters"] = .array(resourceTypes.map(JSONValue.string)) }
            if let token { body["PaginationToken"] = .string(token) }
            let result = try await self.json(AWSOperation.Tagging.getResources, .object(body), region: region)
            let page = result.items("ResourceTagMappingList").compactMap { item -> TaggedResource? in
                guard let arn = item.str("ResourceARN") else { return nil }
                return TaggedResource(arn: arn, tags: item.tagMap("Tags"))
            }
            return (page, result.str("PaginationToken"))
        }
    }

    /// Tagging `GetResources`, every page (see `getResourcesPages`).
    public func getResources(resourceTypes: [String], region: String? = nil) async throws -> [TaggedResource] {
        try await getResourcesPages(resourceTypes: resourceTypes, region: region).all()
    }
}

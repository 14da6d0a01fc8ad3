import SkyplanModel

/// A WAFv2 web ACL, as `ListWebACLs` gives it.
public struct WAFWebACL: Sendable, Hashable {
    /// Name, id and ARN (`arn:aws:wafv2:r:a:regional/webacl/NAME/ID`, `.../global/webacl/...` for CloudFront).
    public var name: String
    public var id: String
    public var arn: String
}

extension AWSClient {
    /// WAFv2 `ListWebACLs` of one scope (`REGIONAL`, or `CLOUDFRONT` in us-east-1), every page (100 a page).
    /// See https://docs.aws.amazon.com/waf/latest/APIReference/API_ListWebACLs.html
    public func listWebACLs(scope: String, region: String? = nil) async throws -> [WAFWebACL] {
        try await Paginated { marker in
            var body: [String: JSONValue] = ["Scope": .string(scope), "Limit": 100]
            if let marker { body["NextMarker"] = .string(marker) }
            let result = try await self.json(AWSOperation.WAF.listWebACLs, .object(body), region: region)
            let acls = result.items("WebACLs").map {
                WAFWebACL(name: $0.str("Name") ?? "", id: $0.str("Id") ?? "", arn: $0.str("ARN") ?? "")
            }
            // An empty page ends the listing even if a marker came with it (no loop on a repeated marker).
            return (acls, acls.isEmpty ? nil : result.str("NextMarker"))
        }.all()
    }

    /// WAFv2 `ListResourcesForWebACL`: the ARNs of one type (`APPLICATION_LOAD_BALANCER`, `API_GATEWAY`, ...) a
    /// regional ACL protects.
    /// See https://docs.aws.amazon.com/waf/latest/APIReference/API_ListResourcesForWebACL.html
    public func listResourcesForWebACL(arn: String, resourceType: String, region: String? = nil) async throws
        -> [String]
    {
        let result = try await json(
            AWSOperation.WAF.listResourcesForWebACL,
            .object(["WebACLArn": .string(arn), "ResourceType": .string(resourceType)]), region: region)
        return result.strings("ResourceArns")
    }
}

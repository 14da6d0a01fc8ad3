import SkyplanModel

/// A private ECR repository, as `DescribeRepositories` gives it.
public struct ECRRepository: Sendable, Hashable {
    /// Name (may hold slashes: `team/app`).
    public var name: String
    /// ARN (`arn:aws:ecr:r:a:repository/team/app`).
    public var arn: String
    /// `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME`.
    public var uri: String
    /// `MUTABLE` or `IMMUTABLE`.
    public var tagMutability: String?
    /// Scan on push.
    public var scanOnPush: Bool
}

extension AWSClient {
    /// ECR `DescribeRepositories`, every page (up to 1,000 a page).
    /// See https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeRepositories.html
    public func describeRepositories(region: String? = nil) async throws -> [ECRRepository] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["maxResults": 1000]
            if let token { body["nextToken"] = .string(token) }
            let result = try await self.json(AWSOperation.ECR.describeRepositories, .object(body), region: region)
            let repositories = result.items("repositories").map { item in
                ECRRepository(
                    name: item.str("repositoryName") ?? "", arn: item.str("repositoryArn") ?? "",
                    uri: item.str("repositoryUri") ?? "", tagMutability: item.str("imageTagMutability"),
                    scanOnPush: item["imageScanningConfiguration"]?["scanOnPush"]?.boolValue ?? false)
            }
            return (repositories, result.str("nextToken"))
        }.all()
    }
}

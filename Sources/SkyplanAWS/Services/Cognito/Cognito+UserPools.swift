import SkyplanModel

/// A Cognito user pool, as `ListUserPools` gives it (its Lambda triggers included).
public struct CognitoUserPool: Sendable, Hashable {
    /// Id (`us-east-1_AbCdEf123`) and name.
    public var id: String
    public var name: String
    /// The Lambda function of each trigger (`PreSignUp`, `PostConfirmation`, `CustomEmailSender`, ...), by trigger.
    public var triggers: [String: String]
}

extension AWSClient {
    /// Cognito `ListUserPools`, every page (60 a page, the API's most).
    /// See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPools.html
    public func listUserPools(region: String? = nil) async throws -> [CognitoUserPool] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["MaxResults": 60]
            if let token { body["NextToken"] = .string(token) }
            let result = try await self.json(AWSOperation.Cognito.listUserPools, .object(body), region: region)
            let pools = result.items("UserPools").map { item in
                CognitoUserPool(
                    id: item.str("Id") ?? "", name: item.str("Name") ?? "",
                    triggers: CognitoUserPool.triggers(in: item["LambdaConfig"]))
            }
            return (pools, result.str("NextToken"))
        }.all()
    }
}

extension CognitoUserPool {
    /// The Lambda ARNs of a `LambdaConfig`: plain ARNs (`PreSignUp`), `{LambdaArn, LambdaVersion}` objects
    /// (`CustomEmailSender`, `PreTokenGenerationConfig`); the KMS key and anything else that is no function skipped.
    /// Pure.
    static func triggers(in config: JSONValue?) -> [String: String] {
        var triggers: [String: String] = [:]
        for (trigger, value) in config?.objectValue ?? [:] {
            guard let arn = value.stringValue ?? value.str("LambdaArn"), arn.hasPrefix("arn:"),
                arn.contains(":lambda:")
            else { continue }
            triggers[trigger] = arn
        }
        return triggers
    }
}

/// Catalog entries of issue #14's last families: ECR, Cognito user pools, WAF web ACLs, SES identities.
extension AWSOperation {
    /// Amazon ECR (private repositories).
    public enum ECR {
        public static let describeRepositories = AWSOperation(.ecr, "DescribeRepositories")
        static let all = [describeRepositories]
    }

    /// Amazon Cognito user pools.
    public enum Cognito {
        public static let listUserPools = AWSOperation(.cognitoIdentityProvider, "ListUserPools")
        static let all = [listUserPools]
    }

    /// AWS WAF (v2).
    public enum WAF {
        public static let listWebACLs = AWSOperation(.wafv2, "ListWebACLs")
        public static let listResourcesForWebACL = AWSOperation(.wafv2, "ListResourcesForWebACL")
        static let all = [listWebACLs, listResourcesForWebACL]
    }

    /// Amazon SES (classic API).
    public enum SES {
        public static let listIdentities = AWSOperation(.ses, "ListIdentities")
        public static let getIdentityNotificationAttributes = AWSOperation(.ses, "GetIdentityNotificationAttributes")
        static let all = [listIdentities, getIdentityNotificationAttributes]
    }
}

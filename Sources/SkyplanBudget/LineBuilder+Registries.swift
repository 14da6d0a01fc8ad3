/// Cost lines of issue #14's last families: ECR repositories, Cognito user pools, WAF web ACLs, SES identities.
extension LineBuilder {
    /// ECR repository: image storage (GB-month), from `storage` when the blueprint says, else an assumption.
    mutating func ecr() {
        let (gb, source) = quantity("storage", assumption: "ecrStorageGB", assumptions.ecrStorageGB)
        add("Image storage", key("ecr.storage"), unit: "GB-Mo", quantity: gb, source: source)
    }

    /// Cognito user pool: monthly active users, `mau` else an assumption (unpriced: the book has no Cognito price).
    mutating func cognito() {
        let (users, source) = quantity(
            "mau", assumption: "cognitoMonthlyActiveUsers", assumptions.cognitoMonthlyActiveUsers)
        add("Monthly active users", key("cognito.mau"), unit: "MAU", quantity: users, source: source)
    }

    /// WAF web ACL: the ACL a month (unpriced: the book has no WAF price; rules and requests are not counted).
    mutating func waf() {
        add("Web ACL", key("waf.webacl"), unit: "ACL-Mo", quantity: 1, source: .rule("1 web ACL"))
    }

    /// SES identity: emails sent, `kEmails` else an assumption (unpriced: the book has no SES price).
    mutating func ses() {
        let (thousands, source) = quantity("kEmails", assumption: "sesThousandEmails", assumptions.sesThousandEmails)
        add("Emails sent", key("ses.email"), unit: "Emails", quantity: thousands * 1000, source: source)
    }
}

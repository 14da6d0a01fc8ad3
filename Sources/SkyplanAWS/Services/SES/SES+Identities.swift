/// The SNS topics an SES identity notifies, by notification type (`Bounce`, `Complaint`, `Delivery`).
public struct SESNotificationTopics: Sendable, Hashable {
    /// The identity (`example.com`, `noreply@example.com`).
    public var identity: String
    /// Topic ARN by notification type.
    public var topics: [String: String]
}

extension AWSClient {
    /// SES `ListIdentities`, every page (1,000 a page): domains and email addresses.
    /// See https://docs.aws.amazon.com/ses/latest/APIReference/API_ListIdentities.html
    public func listIdentities(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var parameters = ["MaxItems": "1000"]
            if let token { parameters["NextToken"] = token }
            let result = try await self.query(AWSOperation.SES.listIdentities, parameters, region: region)
            return (result.list("Identities").map(\.text).filter { !$0.isEmpty }, result.nonEmpty("NextToken"))
        }.all()
    }

    /// SES `GetIdentityNotificationAttributes` of up to 100 identities (the API's most a call).
    /// See https://docs.aws.amazon.com/ses/latest/APIReference/API_GetIdentityNotificationAttributes.html
    public func identityNotificationTopics(_ identities: [String], region: String? = nil) async throws
        -> [SESNotificationTopics]
    {
        var parameters: [String: String] = [:]
        for (index, identity) in identities.prefix(100).enumerated() {
            parameters["Identities.member.\(index + 1)"] = identity
        }
        let result = try await query(AWSOperation.SES.getIdentityNotificationAttributes, parameters, region: region)
        return Self.notificationTopics(result)
    }

    /// The `NotificationAttributes` map (`entry` → `key`, `value`) of an answer. Pure.
    static func notificationTopics(_ result: XMLTree) -> [SESNotificationTopics] {
        let map = result.first(named: "NotificationAttributes")
        return (map?.all("entry") ?? []).compactMap { entry in
            guard let identity = entry.nonEmpty("key"), let value = entry["value"] else { return nil }
            var topics: [String: String] = [:]
            for type in ["Bounce", "Complaint", "Delivery"] {
                if let topic = value.nonEmpty("\(type)Topic") { topics[type] = topic }
            }
            return SESNotificationTopics(identity: identity, topics: topics)
        }
    }
}

import SkyplanModel

/// An EventBridge event bus.
public struct EventBus: Sendable, Hashable {
    /// Name (`default` for the account's default bus).
    public var name: String
    /// ARN.
    public var arn: String
}

/// An EventBridge rule of a bus.
public struct EventRule: Sendable, Hashable {
    /// Name.
    public var name: String
    /// ARN.
    public var arn: String
    /// `ENABLED`, `DISABLED`, ...
    public var state: String
    /// A scheduled rule's expression (`rate(5 minutes)`), else nil (an event pattern rule).
    public var schedule: String?
}

extension AWSClient {
    /// EventBridge `ListEventBuses`, every page.
    /// See https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListEventBuses.html
    public func listEventBuses(region: String? = nil) async throws -> [EventBus] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["Limit": 100]
            if let token { body["NextToken"] = .string(token) }
            let answer = try await self.json(AWSOperation.EventBridge.listEventBuses, .object(body), region: region)
            let buses = answer.items("EventBuses").compactMap { item -> EventBus? in
                guard let name = item.str("Name"), let arn = item.str("Arn") else { return nil }
                return EventBus(name: name, arn: arn)
            }
            return (buses, answer.str("NextToken"))
        }.all()
    }

    /// EventBridge `ListRules` of one bus, every page.
    /// See https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListRules.html
    public func listRules(bus: String, region: String? = nil) async throws -> [EventRule] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["EventBusName": .string(bus), "Limit": 100]
            if let token { body["NextToken"] = .string(token) }
            let answer = try await self.json(AWSOperation.EventBridge.listRules, .object(body), region: region)
            let rules = answer.items("Rules").map { item in
                EventRule(
                    name: item.str("Name") ?? "", arn: item.str("Arn") ?? "", state: item.str("State") ?? "ENABLED",
                    schedule: item.str("ScheduleExpression"))
            }
            return (rules, answer.str("NextToken"))
        }.all()
    }

    /// EventBridge `ListTargetsByRule` (target ARNs) of one rule of `bus`, every page.
    /// See https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListTargetsByRule.html
    public func listTargetsByRule(_ rule: String, bus: String, region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["Rule": .string(rule), "EventBusName": .string(bus), "Limit": 100]
            if let token { body["NextToken"] = .string(token) }
            let answer = try await self.json(
                AWSOperation.EventBridge.listTargetsByRule, .object(body), region: region)
            return (answer.items("Targets").compactMap { $0.str("Arn") }, answer.str("NextToken"))
        }.all()
    }
}

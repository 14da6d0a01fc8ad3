import SkyplanModel

/// A state machine, as `DescribeStateMachine` gives it.
public struct StateMachine: Sendable, Hashable {
    /// Name.
    public var name: String
    /// ARN.
    public var arn: String
    /// `STANDARD` or `EXPRESS`.
    public var type: String
    /// `ACTIVE` or `DELETING`.
    public var status: String
    /// The Amazon States Language definition (JSON text).
    public var definition: String
}

extension AWSClient {
    /// Step Functions `ListStateMachines` (ARNs), every page.
    /// See https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachines.html
    public func listStateMachines(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["maxResults": 1000]
            if let token { body["nextToken"] = .string(token) }
            let answer = try await self.json(
                AWSOperation.StepFunctions.listStateMachines, .object(body), region: region)
            return (answer.items("stateMachines").compactMap { $0.str("stateMachineArn") }, answer.str("nextToken"))
        }.all()
    }

    /// Step Functions `DescribeStateMachine` of one machine (with its definition).
    /// See https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html
    public func describeStateMachine(arn: String, region: String? = nil) async throws -> StateMachine {
        let answer = try await json(
            AWSOperation.StepFunctions.describeStateMachine, .object(["stateMachineArn": .string(arn)]),
            region: region)
        return StateMachine(
            name: answer.str("name") ?? "", arn: answer.str("stateMachineArn") ?? arn,
            type: answer.str("type") ?? "STANDARD", status: answer.str("status") ?? "ACTIVE",
            definition: answer.str("definition") ?? "")
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel

/// The resources a state machine's Task states call, read from its Amazon States Language definition: Lambda
/// functions (direct ARNs or `lambda:invoke`), SQS queues, SNS topics, DynamoDB tables and other state machines,
/// inside Parallel branches and Map iterators too. Dynamic references (`"FunctionName.$"`) are not resolvable and
/// are skipped. Pure.
public enum StateMachineTasks {
    /// One Task state and the resource it calls.
    public struct Task: Sendable, Hashable {
        /// The state's name.
        public var state: String
        /// The ARN it calls.
        public var target: String
    }

    /// The tasks of `definition` (JSON text) for a machine in `context`'s account and region, in definition order.
    public static func tasks(in definition: String, context: CollectorContext) -> [Task] {
        guard let root = try? JSONCoding.decode(Data(definition.utf8)) else { return [] }
        var tasks: [Task] = []
        walk(root, context: context, into: &tasks)
        var seen = Set<Task>()
        return tasks.filter { seen.insert($0).inserted }
    }

    static func walk(_ machine: JSONValue, context: CollectorContext, into tasks: inout [Task]) {
        guard let states = machine["States"]?.objectValue else { return }
        for name in states.keys.sorted() {
            guard let state = states[name] else { continue }
            if state["Type"]?.stringValue == "Task", let resource = state["Resource"]?.stringValue,
                let target = target(resource: resource, state: state, context: context)
            {
                tasks.append(Task(state: name, target: target))
            }
            for branch in state["Branches"]?.arrayValue ?? [] { walk(branch, context: context, into: &tasks) }
            for key in ["Iterator", "ItemProcessor"] {
                if let inner = state[key] { walk(inner, context: context, into: &tasks) }
            }
        }
    }

    /// The ARN a Task's `Resource` and `Parameters` (or JSONata `Arguments`) name, when it is static.
    static func target(resource: String, state: JSONValue, context: CollectorContext) -> String? {
        let partition = context.partition.rawValue
        if resource.contains(":lambda:"), resource.contains(":function:") { return ARNs.lambdaFunction(resource) }
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 7, parts[2] == "states", parts[3].isEmpty else { return nil }
        let parameters = state["Parameters"] ?? state["Arguments"] ?? .object([:])
        func value(_ key: String) -> String? {
            guard let text = parameters[key]?.stringValue, !text.isEmpty, !text.hasPrefix("{%") else { return nil }
            return text
        }
        switch parts[5] {
        case "lambda":
            guard let function = value("FunctionName") else { return nil }
            if function.hasPrefix("arn:") { return ARNs.lambdaFunction(function) }
            let name = function.split(separator: ":").first.map(String.init) ?? function
            return "arn:\(partition):lambda:\(context.region):\(context.accountID):function:\(name)"
        case "sqs":
            guard let url = value("QueueUrl") else { return nil }
            let labels = ARNs.host(url).split(separator: ".").map(String.init)
            let region = labels.count > 2 && labels[0] == "sqs" ? labels[1] : context.region
            return ARNs.sqsQueue(url: url, region: region, partition: partition)
        case "sns": return value("TopicArn")
        case "dynamodb":
            guard let table = value("TableName") else { return nil }
            return table.hasPrefix("arn:")
                ? table : "arn:\(partition):dynamodb:\(context.region):\(context.accountID):table/\(table)"
        case "states": return value("StateMachineArn")
        default: return nil
        }
    }
}

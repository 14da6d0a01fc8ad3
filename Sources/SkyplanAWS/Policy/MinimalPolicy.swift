import Foundation
import SkyplanModel

/// IAM policies generated from the operation catalog, so they never drift from what Skyplan calls.
public enum MinimalPolicy {
    /// The IAM actions Skyplan calls, sorted and unique; only those of `services` (service ids) when given.
    /// `sts:AssumeRole` is left out: it is granted to Skyplan's own identity, not the scanned role.
    public static func actions(services: Set<String>? = nil) -> [String] {
        let operations = AWSOperation.all.filter { operation in
            operation.service.id != "sts" && (services.map { $0.contains(operation.service.id) } ?? true)
        }
        return Array(Set(operations.flatMap(\.iamActions))).sorted()
    }

    /// The minimal policy document (API.md `policy/minimal`): exactly the catalog's actions.
    public static func document(services: Set<String>? = nil) -> String {
        render(actions(services: services), sid: "SkyplanMinimalReadOnly")
    }

    /// Service-level read-only wildcards (API.md `policy/custom`): `ec2:Describe*`, `ec2:Get*`, `ec2:List*`...
    /// for every service in the catalog, plus `apigateway:GET`.
    public static func wildcardDocument(services: Set<String>? = nil) -> String {
        var prefixes = Set<String>()
        for operation in AWSOperation.all where operation.service.id != "sts" {
            if services.map({ $0.contains(operation.service.id) }) ?? true {
                prefixes.insert(operation.service.iamPrefix)
            }
        }
        var actions = Set<String>()
        for prefix in prefixes {
            if prefix == "apigateway" {
                actions.insert("apigateway:GET")
                continue
            }
            for verb in ["Describe", "Get", "List"] { actions.insert("\(prefix):\(verb)*") }
        }
        return render(actions.sorted(), sid: "SkyplanReadOnlyWildcards")
    }

    private static func render(_ actions: [String], sid: String) -> String {
        let statement: JSONValue = .object([
            "Sid": .string(sid), "Effect": "Allow", "Action": .array(actions.map { .string($0) }), "Resource": "*",
        ])
        let policy: JSONValue = .object(["Version": "2012-10-17", "Statement": .array([statement])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(policy)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

import SkyplanModel

/// The last pass of a scan: a relationship stated by one of the checked APIs whose end is an ARN of an account and
/// region the scan covered, but that the scan did not find, is taken out and reported as a diagnostic (what the
/// resource names and where it was stated), so that no edge points at nothing and nothing is silently dropped.
///
/// Checked: the APIs whose references are names or URLs that may outlive their target (Firehose destinations,
/// Elastic IP associations, state machine tasks, EventBridge targets, the ECR repositories of images, user pools
/// and their triggers). Pure.
public enum DanglingReferences {
    /// Evidence prefixes (`service:Operation`) whose relationships are checked.
    public static let checkedEvidence = [
        "firehose:", "ec2:DescribeAddresses", "states:DescribeStateMachine", "events:ListTargetsByRule",
        "ecs:DescribeTasks image", "ecs:DescribeTaskDefinition", "lambda:GetFunction ImageUri",
        "apigateway:GetAuthorizers", "cognito-idp:",
        "wafv2:", "cloudfront:ListDistributions WebACLId", "ses:",
    ]

    /// The inventory without its dangling checked relationships, with one diagnostic for each.
    public static func check(_ inventory: Inventory) -> Inventory {
        let found = Set(inventory.resources.map(\.arn))
        let scanned = Set(inventory.accountIDs.flatMap { account in inventory.regions.map { "\(account):\($0)" } })
        var result = inventory
        var kept: [Relationship] = []
        var diagnostics: [Diagnostic] = []
        for relationship in inventory.relationships {
            guard checkedEvidence.contains(where: { relationship.evidence.hasPrefix($0) }) else {
                kept.append(relationship)
                continue
            }
            let missing = [relationship.from, relationship.to].first { end in
                guard let scope = scope(of: end) else { return false }
                return scanned.contains("\(scope.account):\(scope.region)") && !found.contains(end)
            }
            guard let missing, let scope = scope(of: missing) else {
                kept.append(relationship)
                continue
            }
            let service = String(relationship.evidence.prefix { $0 != ":" })
            let operation = String(relationship.evidence.dropFirst(service.count + 1).prefix { $0 != " " })
            let other = missing == relationship.from ? relationship.to : relationship.from
            diagnostics.append(
                Diagnostic(
                    severity: .warning, cause: .danglingReference, accountID: scope.account, region: scope.region,
                    service: service, operation: operation,
                    message:
                        "\(other) names \(missing) (\(relationship.evidence)), which this scan did not find: "
                        + "deleted, mistyped, or of a service the scan left out; the \(relationship.kind.rawValue) "
                        + "edge is not drawn"))
        }
        guard !diagnostics.isEmpty else { return inventory }
        result.relationships = kept
        result.diagnostics += diagnostics
        return result.normalized()
    }

    /// The account and region of an ARN that has both (`arn:aws:redshift:us-east-1:1111:cluster:x`). Pure.
    static func scope(of arn: String) -> (account: String, region: String)? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[3].isEmpty, !parts[4].isEmpty else { return nil }
        return (String(parts[4]), String(parts[3]))
    }
}

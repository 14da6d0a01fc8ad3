import SkyplanModel

/// The CLI's live table: one row per ARN (sorted), health, alarm count, stale mark and the main values.
public enum LiveTable {
    /// Values shown first, in this order; the others follow alphabetically.
    static let leading = [
        "state", "cpu", "healthyTargets", "unhealthyTargets", "desired", "inService", "running", "pending",
        "visible", "inFlight", "connections", "itemCount", "invocationsLastHour", "errorsLastHour",
    ]

    /// Renders `statuses` as an aligned text table (no colours; deterministic).
    public static func render(_ statuses: [String: LiveStatus], maxValues: Int = 4) -> String {
        var rows = [["HEALTH", "ALARMS", "RESOURCE", "VALUES"]]
        for arn in statuses.keys.sorted() {
            guard let status = statuses[arn] else { continue }
            let health = status.health.rawValue + (status.stale ? " (stale)" : "")
            rows.append([health, String(status.alarms), shortName(arn), summary(status.values, maxValues: maxValues)])
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[3]
        }.joined(separator: "\n") + "\n"
    }

    /// `service:resource` of an ARN (`ec2:instance/i-0abc`), or the text itself.
    public static func shortName(_ arn: String) -> String {
        guard let parsed = try? ARN(parsing: arn) else { return arn }
        if let target = LiveTarget(arn: arn), target.family == .autoScaling { return "autoscaling:group/\(target.id)" }
        return "\(parsed.service):\(parsed.resource)"
    }

    /// `state=running cpu=12.5 ...`: the leading values first, then the others, at most `maxValues`.
    public static func summary(_ values: [String: String], maxValues: Int) -> String {
        let ordered = leading.filter { values[$0] != nil } + values.keys.filter { !leading.contains($0) }.sorted()
        return ordered.prefix(maxValues).compactMap { key in values[key].map { "\(key)=\($0)" } }
            .joined(separator: " ")
    }
}

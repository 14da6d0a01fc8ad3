import Foundation

/// A plain-text budget table for the CLI (`skyplan budget ...`): one line per component, then the
/// roll-up per service and the total, which states how many lines are unpriced.
public enum BudgetTextTable {
    /// The table of `report` (already in its currency and period).
    public static func render(_ report: BudgetReport) -> String {
        let unit = "\(report.currency)/\(report.period.rawValue)"
        var rows: [[String]] = [["TYPE", "NAME", "REGION", "COUNT", "COST \(unit)", "NOTE"]]
        for component in report.components {
            let unpriced = component.lines.filter { $0.cost == nil }.count
            let assumed = component.lines.filter(\.assumption).count
            var notes: [String] = []
            if unpriced > 0 { notes.append("\(unpriced) unpriced") }
            if assumed > 0 { notes.append("\(assumed) assumed") }
            rows.append([
                component.type, component.name, component.region, String(component.count),
                component.cost.map { BudgetFormat.money($0) } ?? "unpriced", notes.joined(separator: ", "),
            ])
        }
        var out = format(rows)
        out += "\nBY SERVICE\n"
        out += format(
            [["SERVICE", "COMPONENTS", "COST \(unit)", "UNPRICED LINES"]]
                + (report.rollups["service"] ?? []).map {
                    [
                        $0.key, String($0.componentCount), BudgetFormat.money($0.monthlyCost),
                        String($0.unpricedLineCount),
                    ]
                })
        out += "\nTOTAL \(BudgetFormat.money(report.total)) \(unit)"
        if report.unpricedLineCount > 0 {
            out += " + \(report.unpricedLineCount) unpriced line(s) in \(report.unpricedComponentCount) component(s)"
        }
        out += "; \(report.assumptionLineCount) line(s) use assumed usage; price book \(report.bookVersion)\n"
        return out
    }

    /// Left-aligned columns separated by two spaces.
    static func format(_ rows: [[String]]) -> String {
        guard let width = rows.first?.count else { return "" }
        let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == width - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingSuffixSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingSuffixSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}

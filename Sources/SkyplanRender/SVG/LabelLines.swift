/// A component name as label lines: at most two of `perLine` characters, broken after a separator
/// (`-`, `_`, `.`, `/`, space) near the middle where there is one, and cut with an ellipsis only past
/// `limit` characters (the full name goes in the component's `<title>`).
enum LabelLines {
    static let separators: Set<Character> = ["-", "_", ".", "/", " ", ":"]

    static func lines(_ name: String, perLine: Int = 15, limit: Int = 28) -> [String] {
        var text = Array(name)
        if text.count > limit { text = Array(text.prefix(limit - 1)) + ["…"] }
        if text.count <= perLine { return [String(text)] }
        // The break nearest the middle leaving both lines within `perLine`; else a hard break.
        var best: Int?
        for index in 1..<text.count where separators.contains(text[index - 1]) {
            guard index <= perLine, text.count - index <= perLine else { continue }
            if best == nil || abs(index * 2 - text.count) < abs((best ?? 0) * 2 - text.count) { best = index }
        }
        let cut = best ?? min(perLine, text.count - min(perLine, text.count / 2))
        var first = String(text[..<cut]), second = String(text[cut...])
        if second.count > perLine { second = String(second.prefix(perLine - 1)) + "…" }
        if first.hasSuffix(" ") { first.removeLast() }
        return [first, second]
    }

    /// The short names of the zones a component spans: `us-east-1a`, `us-east-1b` → `1a · 1b`.
    static func zones(_ zones: [String]) -> String {
        "AZ "
            + zones.map { zone in String(zone.split(separator: "-").last ?? Substring(zone)) }.joined(separator: " · ")
    }
}

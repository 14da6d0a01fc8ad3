import Foundation

/// The price-book file format (`skyplan-pricebook/1`): CSV with `#` metadata lines.
///
/// ```
/// #format,skyplan-pricebook/1
/// #version,2026-11-29.1
/// #currency,USD
/// #source,<name>,<description>,<as-of>
/// id,region,attributes,unit,usd,begin,end,source,asOf,note
/// ec2.instance,us-east-1,instanceType=m5.large;os=linux;tenancy=shared,Hrs,0.096,0,Inf,karpenter,2026-07-20,
/// ```
/// `end` is `Inf` for an open tier. Entries are written in canonical order, so the same book is the
/// same file byte for byte.
extension PriceBook {
    /// The format tag written on the first line.
    public static let formatTag = "skyplan-pricebook/1"
    /// The column header, in order.
    public static let header = "id,region,attributes,unit,usd,begin,end,source,asOf,note"

    /// The price book bundled with Skyplan (built by scripts/pricebook-generate.py from `shared/pricing/`),
    /// parsed once per process.
    public static func bundled() throws -> PriceBook { try bundledOnce.get() }

    private static let bundledOnce = Result { try loadBundled() }

    /// Parses the bundled book afresh (what `bundled()` does the first time; the benchmark times it).
    public static func loadBundled() throws -> PriceBook {
        guard let url = Bundle.module.url(forResource: "pricebook", withExtension: "csv", subdirectory: "Resources")
        else { throw PriceBookError.missingResource("pricebook.csv") }
        return try load(from: url)
    }

    /// Reads a book file.
    public static func load(from url: URL) throws -> PriceBook {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(text, origin: url.lastPathComponent)
    }

    /// Parses book text; `origin` names it in error messages. Works on the UTF-8 bytes (the bundled
    /// book has ~40k rows; a `String` per line would double the load time).
    public static func parse(_ text: String, origin: String = "price book") throws -> PriceBook {
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { bytes in
            try parse(bytes, origin: origin)
        } ?? parse(UnsafeBufferPointer(start: nil, count: 0), origin: origin)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, origin: String) throws -> PriceBook {
        var book = PriceBook()
        var state = ParseState()
        var lineNumber = 0, start = 0
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if line.isEmpty || (line.count == 1 && line[0] == UInt8(ascii: "\r")) { continue }
            try parseLine(line, number: lineNumber, origin: origin, into: &book, state: &state)
        }
        guard state.sawHeader else { throw PriceBookError.badLine(origin, lineNumber, "no header line") }
        return book
    }

    private struct ParseState {
        var sawFormat = false, sawHeader = false
    }

    private static func parseLine(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, origin: String, into book: inout PriceBook,
        state: inout ParseState
    ) throws {
        let fields = CSVFields.split(line)
        if line[0] == UInt8(ascii: "#") {
            switch fields[0] {
            case "#format":
                guard fields.count > 1, fields[1] == formatTag else {
                    throw PriceBookError.badLine(origin, number, "unsupported format, expected \(formatTag)")
                }
                state.sawFormat = true
            case "#version": book.version = fields.count > 1 ? fields[1] : ""
            case "#currency": book.currency = fields.count > 1 ? fields[1] : "USD"
            case "#source" where fields.count >= 3:
                book.sources[fields[1]] = PriceSourceInfo(
                    description: fields[2], asOf: fields.count > 3 ? fields[3] : "")
            case "#unpriced" where fields.count >= 5:
                book.unpricedReasons[PriceKey(id: fields[1], region: fields[2], attributes: fields[3])] = fields[4]
            default: break  // comments and future metadata
            }
            return
        }
        if !state.sawHeader {
            guard state.sawFormat, fields.joined(separator: ",") == header else {
                throw PriceBookError.badLine(origin, number, "expected the header `\(header)`")
            }
            state.sawHeader = true
            return
        }
        guard fields.count >= 9, let usd = Double(fields[4]), let begin = Double(fields[5]) else {
            throw PriceBookError.badLine(origin, number, "expected 10 fields with numeric usd and begin")
        }
        let end: Double? = fields[6] == "Inf" || fields[6].isEmpty ? nil : Double(fields[6])
        book.insert(
            PriceEntry(
                id: fields[0], region: fields[1], attributes: fields[2], unit: fields[3], usd: usd,
                begin: begin, end: end, source: fields[7], asOf: fields[8],
                note: fields.count > 9 ? fields[9] : ""))
    }

    /// The book in file form.
    public func serialized() -> String {
        var out = "#format,\(Self.formatTag)\n#version,\(CSVFields.escape(version))\n#currency,\(currency)\n"
        for name in sources.keys.sorted() {
            guard let info = sources[name] else { continue }
            out += "#source,\(CSVFields.escape(name)),\(CSVFields.escape(info.description)),\(info.asOf)\n"
        }
        for key in unpricedReasons.keys.sorted() {
            let fields = ["#unpriced", key.id, key.region, key.attributes, unpricedReasons[key] ?? ""]
            out += fields.map(CSVFields.escape).joined(separator: ",") + "\n"
        }
        out += Self.header + "\n"
        for entry in entries {
            out += Self.line(for: entry)
        }
        return out
    }

    /// One entry as a book line (with its newline).
    static func line(for entry: PriceEntry) -> String {
        let fields = [
            entry.id, entry.region, entry.attributes, entry.unit, Self.number(entry.usd), Self.number(entry.begin),
            entry.end.map(Self.number) ?? "Inf", entry.source, entry.asOf, entry.note,
        ]
        return fields.map(CSVFields.escape).joined(separator: ",") + "\n"
    }

    /// Shortest round-tripping text of a number, without exponent for ordinary prices.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(value)
        guard text.contains("e") else { return text }
        var formatted = String(format: "%.12f", value)
        while formatted.hasSuffix("0") { formatted.removeLast() }
        return formatted
    }
}

/// Why a price book could not be read.
public struct PriceBookError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case missingResource(String)
        case badLine(String, Int, String)
    }
    private let kind: Kind

    static func missingResource(_ name: String) -> Self { Self(kind: .missingResource(name)) }
    static func badLine(_ origin: String, _ line: Int, _ why: String) -> Self {
        Self(kind: .badLine(origin, line, why))
    }

    public var description: String {
        switch kind {
        case .missingResource(let name): "the bundled resource \(name) is missing from the SkyplanBudget bundle"
        case .badLine(let origin, let line, let why): "\(origin) line \(line): \(why)"
        }
    }
}

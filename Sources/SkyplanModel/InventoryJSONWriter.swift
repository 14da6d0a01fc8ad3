import Foundation

/// Writes an `Inventory` as JSON to a sink one resource (relationship, diagnostic) at a time, so a large
/// inventory is never held whole as a document.
///
/// The output is byte for byte what `JSONEncoder` with `.sortedKeys` (plus the given formatting and date
/// strategy) writes for the whole inventory: each element is encoded by one shared `JSONEncoder`, the
/// top-level keys and brackets around them are written by hand, and with `.prettyPrinted` every element's
/// lines are indented to the depth the one-shot encoding would give them.
public struct InventoryJSONWriter {
    private let encoder: JSONEncoder
    private let pretty: Bool

    /// A writer producing what `JSONEncoder` produces with `outputFormatting` (`.sortedKeys` is always added,
    /// the top-level key order depends on it) and `dateEncodingStrategy`.
    public init(
        outputFormatting: JSONEncoder.OutputFormatting = [],
        dateEncodingStrategy: JSONEncoder.DateEncodingStrategy = .deferredToDate
    ) {
        encoder = JSONEncoder()
        encoder.outputFormatting = outputFormatting.union(.sortedKeys)
        encoder.dateEncodingStrategy = dateEncodingStrategy
        pretty = outputFormatting.contains(.prettyPrinted)
    }

    /// Writes `inventory` to `sink`, then flushes it.
    public func write(_ inventory: Inventory, to sink: inout some JSONSink) throws {
        // The keys of Inventory's synthesized Codable conformance, in sorted order; nil dates are left out.
        try sink.write("{")
        try key("accountIDs", first: true, to: &sink)
        try value(inventory.accountIDs, to: &sink)
        try key("diagnostics", to: &sink)
        try elements(inventory.diagnostics, to: &sink)
        if let finishedAt = inventory.finishedAt {
            try key("finishedAt", to: &sink)
            try value(finishedAt, to: &sink)
        }
        try key("regions", to: &sink)
        try value(inventory.regions, to: &sink)
        try key("relationships", to: &sink)
        try elements(inventory.relationships, to: &sink)
        try key("resources", to: &sink)
        try elements(inventory.resources, to: &sink)
        if let startedAt = inventory.startedAt {
            try key("startedAt", to: &sink)
            try value(startedAt, to: &sink)
        }
        try sink.write(pretty ? "\n}" : "}")
        try sink.flush()
    }

    /// The whole document in memory: for small inventories and tests.
    public func encode(_ inventory: Inventory) throws -> Data {
        var data = Data()
        try write(inventory, to: &data)
        return data
    }

    private func key(_ name: StaticString, first: Bool = false, to sink: inout some JSONSink) throws {
        if !first { try sink.write(",") }
        try sink.write(pretty ? "\n  \"" : "\"")
        try sink.write(name)
        try sink.write(pretty ? "\" : " : "\":")
    }

    /// A top-level value written whole (it is small).
    private func value(_ value: some Encodable, to sink: inout some JSONSink) throws {
        try indented(encoder.encode(value), to: &sink)
    }

    /// A top-level array written element by element.
    private func elements<Element: Encodable>(_ elements: [Element], to sink: inout some JSONSink) throws {
        // JSONEncoder's empty array has its own shape when pretty printed ("[\n\n  ]"): let it write it.
        guard !elements.isEmpty else { return try value(elements, to: &sink) }
        try sink.write("[")
        for (index, element) in elements.enumerated() {
            if index > 0 { try sink.write(",") }
            if pretty { try sink.write("\n    ") }
            try indented(encoder.encode(element), nested: true, to: &sink)
        }
        try sink.write(pretty ? "\n  ]" : "]")
    }

    /// Writes `data`, encoded at depth 0, as if it sat at depth 1 (a top-level value) or 2 (an element of a
    /// top-level array). Pretty printed output only breaks lines between tokens (strings escape their line
    /// breaks), and leaves the blank line inside an empty array or object unindented.
    private func indented(_ data: Data, nested: Bool = false, to sink: inout some JSONSink) throws {
        guard pretty else { return try sink.write(data) }
        let indent: StaticString = nested ? "    " : "  "
        try data.withUnsafeBytes { bytes in
            var start = bytes.startIndex
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try sink.write(UnsafeRawBufferPointer(rebasing: bytes[start...newline]))
                start = newline + 1
                if start < bytes.endIndex, bytes[start] != UInt8(ascii: "\n") { try sink.write(indent) }
            }
            try sink.write(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        }
    }
}

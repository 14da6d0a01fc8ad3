/// Splits one CSV record (RFC 4180 quoting, no embedded newlines) into fields.
///
/// Works on UTF-8 bytes so the importer can stream half-gigabyte offer files without building a
/// `String` per line first. Doubled quotes inside a quoted field are unescaped.
enum CSVFields {
    /// All fields of `line` (without its line terminator).
    static func split(_ line: String) -> [String] {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { split(UnsafeBufferPointer($0)) }
    }

    /// All fields of the record in `bytes`.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(32)
        forEachField(bytes) { _, field in
            fields.append(field)
            return true
        }
        return fields
    }

    /// Calls `body(index, value)` for each field in order; stop early by returning `false`.
    /// A trailing carriage return is ignored.
    static func forEachField(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, String) -> Bool) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r")
        var end = bytes.count
        if end > 0, bytes[end - 1] == cr { end -= 1 }
        var index = 0, position = 0
        while position <= end {
            var value: String
            if position < end, bytes[position] == quote {
                var scratch: [UInt8] = []
                var cursor = position + 1
                while cursor < end {
                    if bytes[cursor] == quote {
                        if cursor + 1 < end, bytes[cursor + 1] == quote {
                            scratch.append(quote)
                            cursor += 2
                            continue
                        }
                        break
                    }
                    scratch.append(bytes[cursor])
                    cursor += 1
                }
                value = String(decoding: scratch, as: UTF8.self)
                // Skip the closing quote and anything up to the next separator.
                while cursor < end, bytes[cursor] != comma { cursor += 1 }
                position = cursor
            } else {
                var cursor = position
                while cursor < end, bytes[cursor] != comma { cursor += 1 }
                value = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<cursor]), as: UTF8.self)
                position = cursor
            }
            if !body(index, value) { return }
            index += 1
            position += 1  // past the comma
        }
    }

    /// Calls `body(index, value)` only for fields whose `slots[index]` is not negative, without
    /// building strings for the others (the importer reads ~25 of ~90 offer columns).
    static func forEachField(_ bytes: UnsafeBufferPointer<UInt8>, wanted slots: [Int], _ body: (Int, String) -> Void) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r")
        var end = bytes.count
        if end > 0, bytes[end - 1] == cr { end -= 1 }
        var index = 0, position = 0
        while position <= end, index < slots.count {
            let wanted = slots[index] >= 0
            var cursor = position
            if position < end, bytes[position] == quote {
                cursor += 1
                var start = cursor
                var scratch: [UInt8]? = nil
                while cursor < end {
                    if bytes[cursor] == quote {
                        if cursor + 1 < end, bytes[cursor + 1] == quote {
                            if wanted {
                                scratch = (scratch ?? []) + Array(UnsafeBufferPointer(rebasing: bytes[start...cursor]))
                            }
                            cursor += 2
                            start = cursor
                            continue
                        }
                        break
                    }
                    cursor += 1
                }
                if wanted {
                    let tail = UnsafeBufferPointer(rebasing: bytes[start..<min(cursor, end)])
                    if var collected = scratch {
                        collected.append(contentsOf: tail)
                        body(index, String(decoding: collected, as: UTF8.self))
                    } else {
                        body(index, String(decoding: tail, as: UTF8.self))
                    }
                }
                while cursor < end, bytes[cursor] != comma { cursor += 1 }
            } else {
                while cursor < end, bytes[cursor] != comma { cursor += 1 }
                if wanted {
                    body(
                        index, String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<cursor]), as: UTF8.self))
                }
            }
            index += 1
            position = cursor + 1
        }
    }

    /// `value` quoted for CSV output when it needs to be.
    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

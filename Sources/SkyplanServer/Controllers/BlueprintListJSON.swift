import Foundation
import SkyplanStore

/// `GET /blueprint`'s body, `{"blueprints": [...]}`, written directly: byte for byte what `JSONResponse`'s
/// encoder writes for `BlueprintJSON` without data (sorted keys, unescaped slashes). Through `JSONEncoder` the
/// list of 600 blueprints spent most of its time in generic Codable machinery.
enum BlueprintListJSON {
    static func bytes(_ records: [BlueprintRecord]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 400 + 20)
        out += Array(#"{"blueprints":["#.utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            object(&out, record)
        }
        out += Array("]}".utf8)
        return out
    }

    /// One blueprint's object in the list.
    static func object(_ out: inout [UInt8], _ record: BlueprintRecord) {
        field(&out, "CreatorId", first: true)
        string(&out, record.creatorID.apiString)
        field(&out, "CurrentVersionId")
        string(&out, record.currentVersionID.apiString)
        field(&out, "LastUserId")
        string(&out, record.lastUserID.apiString)
        field(&out, "createdAt")
        timestamp(&out, record.createdAt)
        field(&out, "id")
        string(&out, record.id.apiString)
        field(&out, "name")
        string(&out, record.name)
        field(&out, "readAccess")
        list(&out, record.readAccess)
        field(&out, "tags")
        list(&out, record.tags)
        field(&out, "updatedAt")
        timestamp(&out, record.updatedAt)
        field(&out, "writeAccess")
        list(&out, record.writeAccess)
        out.append(UInt8(ascii: "}"))
    }

    private static func timestamp(_ out: inout [UInt8], _ date: Date) {
        out.append(UInt8(ascii: "\""))
        JSONResponse.timestamp(date, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    private static func field(_ out: inout [UInt8], _ name: String, first: Bool = false) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        string(&out, name)
        out.append(UInt8(ascii: ":"))
    }

    private static func list(_ out: inout [UInt8], _ values: [String]?) {
        guard let values else {
            out += Array("null".utf8)
            return
        }
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(&out, value)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON string as JSONEncoder writes it: `"` and `\` escaped, control characters as `\n`-style or
    /// `\u00xx` escapes, everything else (slashes, non-ASCII) as is.
    static func string(_ out: inout [UInt8], _ text: String) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied at once; most names have no escape at all.
            var start = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(&out, byte)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ out: inout [UInt8], _ byte: UInt8) {
        let hex = Array("0123456789abcdef".utf8)
        switch byte {
        case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
        case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
        default: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
}

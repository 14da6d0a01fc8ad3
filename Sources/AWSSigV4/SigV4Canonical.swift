import Crypto
import Foundation

/// The pure pieces of a SigV4 canonical request: encoding, dates, hashes.
///
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
public enum SigV4Canonical {
    /// Percent-encodes per RFC 3986 as SigV4 requires: only `A-Z a-z 0-9 - _ . ~` stay as they are
    /// (and `/` when `keepSlash`), everything else becomes `%XX` of its UTF-8 bytes, upper-case hex.
    public static func uriEncode(_ text: String, keepSlash: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexUpper[Int(byte >> 4)])
                out.append(hexUpper[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The canonical query: each name and value encoded, sorted by name then value, joined by `&`.
    public static func canonicalQuery(_ items: [QueryItem]) -> String {
        let encoded: [(name: String, value: String)] = items.map { (uriEncode($0.name), uriEncode($0.value)) }
        let sorted = encoded.sorted { lhs, rhs in lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name }
        var out = ""
        for (index, item) in sorted.enumerated() {
            if index > 0 { out += "&" }
            out += item.name + "=" + item.value
        }
        return out
    }

    /// The canonical URI. S3 signs the wire path as it is; every other service normalizes it
    /// (removes `.` and `..` segments and duplicate slashes) and encodes it a second time.
    public static func canonicalURI(_ wirePath: String, service: String) -> String {
        let path = wirePath.isEmpty ? "/" : wirePath
        if service == "s3" { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
                continue
            }
            segments.append(segment)
        }
        var normalized = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/"), normalized != "/" { normalized += "/" }
        return uriEncode(normalized, keepSlash: true)
    }

    /// Header value as signed: leading/trailing spaces trimmed, runs of spaces collapsed to one.
    public static func trimmedHeaderValue(_ value: String) -> String {
        // Fast path (almost every value): no tab/newline, no leading, trailing or double space.
        var previous: UInt8 = 0x20
        var clean = true
        for byte in value.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20) {
                clean = false
                break
            }
            previous = byte
        }
        if clean, previous != 0x20 || value.isEmpty { return value }
        var out = ""
        out.reserveCapacity(value.count)
        var pendingSpace = false
        for char in value {
            if char == " " || char == "\t" || char == "\n" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(char)
            }
        }
        return out
    }

    /// Lower-case hex SHA-256 of `data`.
    public static func sha256Hex(_ data: some DataProtocol) -> String { hex(SHA256.hash(data: data)) }

    /// The SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Lower-case hex of some bytes.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(hexLower[Int(byte >> 4)])
            out.append(hexLower[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `yyyyMMdd'T'HHmmss'Z'` and `yyyyMMdd` of a date, in UTC, computed without a formatter.
    public static func amzDate(_ date: Date) -> (dateTime: String, day: String) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let dayString = pad(Int(year), 4) + pad(month, 2) + pad(day, 2)
        let time = pad(secondOfDay / 3600, 2) + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2)
        return (dayString + "T" + time + "Z", dayString)
    }

    /// Converts days since 1970-01-01 to a proleptic Gregorian (year, month, day).
    public static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static let hexUpper = Array("0123456789ABCDEF".utf8)
    private static let hexLower = Array("0123456789abcdef".utf8)
}

import AWSSigV4
import Foundation
import Hummingbird

/// JSON bodies, written the same way everywhere: ISO 8601 dates with milliseconds (as Cloudcraft),
/// sorted keys so answers are deterministic.
enum JSONResponse {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp(date))
        }
        return encoder
    }

    /// `2026-12-02T23:20:37.123Z`: what `Date.ISO8601FormatStyle(includingFractionalSeconds: true)` writes,
    /// computed directly rather than through a format style for each date (a list writes two per blueprint).
    static func timestamp(_ date: Date) -> String {
        var bytes: [UInt8] = []
        timestamp(date, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``timestamp(_:)``'s 24 bytes appended to `out`, with no string in between.
    static func timestamp(_ date: Date, into out: inout [UInt8]) {
        // Whole seconds, then the fraction truncated to milliseconds: the same digits as the format style.
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let millis = Int64(seconds) * 1000 + min(999, Int64(((interval - seconds) * 1000).rounded(.towardZero)))
        let days = Int64((Double(millis) / 86_400_000).rounded(.down))
        let msOfDay = millis - days * 86_400_000
        let (year, month, day) = SigV4Canonical.civilDate(daysSinceEpoch: days)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            if rest < 0 || rest >= divisor * 10 {  // a year before 1 or past 9999: as `String` writes it
                out += Array(String(value).utf8)
                return
            }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int64(year), 4)
        out.append(UInt8(ascii: "-"))
        digits(Int64(month), 2)
        out.append(UInt8(ascii: "-"))
        digits(Int64(day), 2)
        out.append(UInt8(ascii: "T"))
        digits(msOfDay / 3_600_000, 2)
        out.append(UInt8(ascii: ":"))
        digits(msOfDay / 60000 % 60, 2)
        out.append(UInt8(ascii: ":"))
        digits(msOfDay / 1000 % 60, 2)
        out.append(UInt8(ascii: "."))
        digits(msOfDay % 1000, 3)
        out.append(UInt8(ascii: "Z"))
    }

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        let data = try encoder().encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noContent() -> Response { Response(status: .noContent) }

    /// Decodes a JSON request body, turning every problem into a 400 that names the property.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: SkyplanRequestContext)
        async throws -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError.invalidProperty("request body is empty; JSON expected") }
        if containsEscapedNUL(buffer.readableBytesView) {
            // SQLite and C strings end at NUL: a name "a\u0000b" would be stored as "a". Refused, never cut.
            throw APIError.invalidProperty("a string in the request body contains a NUL character (\\u0000)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw APIError.invalidProperty(ErrorMiddleware<SkyplanRequestContext>.describe(error))
        }
    }
}

/// True when a JSON string in `bytes` holds `\u0000`, or the body a raw NUL byte.
/// Tracks string and escape state, so `"\\u0000"` (a backslash, then `u0000`) is not mistaken for one.
func containsEscapedNUL(_ bytes: some Collection<UInt8>) -> Bool {
    var inString = false
    var iterator = bytes.makeIterator()
    while let byte = iterator.next() {
        if byte == 0 { return true }
        if !inString {
            if byte == UInt8(ascii: "\"") { inString = true }
            continue
        }
        switch byte {
        case UInt8(ascii: "\""): inString = false
        case UInt8(ascii: "\\"):
            guard let escaped = iterator.next() else { return false }
            if escaped == UInt8(ascii: "u") {
                var digits: [UInt8] = []
                while digits.count < 4, let digit = iterator.next() { digits.append(digit) }
                if digits == Array("0000".utf8) { return true }
            }
        default: continue
        }
    }
    return false
}

extension Parameters {
    /// A path id that must be a lowercase or uppercase UUID: a malformed one is a 400 `invalid_property`.
    func requireUUID(_ name: String) throws -> UUID {
        guard let text = get(name), let id = UUID(uuidString: text) else {
            throw APIError.invalidProperty("\(name) must be a UUID such as 8bfc6773-7fa2-49b3-8016-5e0e9a2e2aff")
        }
        return id
    }
}

extension UUID {
    /// The lowercase, hyphenated form Cloudcraft's API uses.
    var apiString: String { lowercasedText }
}

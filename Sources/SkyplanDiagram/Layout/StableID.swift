/// Deterministic UUID-shaped ids derived from stable keys (ARNs), so the same inventory always gets
/// the same node ids, and a blueprint re-scanned later keeps them.
public enum StableID {
    /// A lowercase, hyphenated, 36-character UUID (version 5 layout bits) for `key`.
    public static func uuid(_ key: String) -> String {
        var high: UInt64 = 0xcbf2_9ce4_8422_2325
        var low: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in key.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = low ^ (low >> 29)
        }
        high = mix(high ^ UInt64(key.utf8.count))
        low = mix(low ^ high)
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_5000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        var bytes = [UInt8](repeating: 45, count: 36)
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var position = 0
        for (word, count) in [(high, 16), (low, 16)] {
            for nibble in 0..<count {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                bytes[position] = digits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)]
                position += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

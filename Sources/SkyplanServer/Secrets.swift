import Crypto
import Foundation

/// Random tokens and their hashes. Only hashes are stored; the tokens are shown once.
enum Secrets {
    /// An API key: base64 of 32 random bytes, 44 characters (Cloudcraft's Go SDK checks the length).
    static func newAPIKey() -> String {
        Data(randomBytes(32)).base64EncodedString()
    }

    /// A session or CSRF token, URL- and cookie-safe.
    static func newToken() -> String {
        Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A password for `skyplan user create` when none is given.
    static func newPassword() -> String {
        String(newToken().prefix(20))
    }

    /// SHA-256 hex: keys and tokens are 256-bit random, so a fast hash is the right one here
    /// (passwords use bcrypt). Also the key of snapshot jobs.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without leaking where the first difference is.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

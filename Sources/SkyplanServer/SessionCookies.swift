import Foundation

/// The two browser cookies, written one way everywhere: the session token (HttpOnly) and the CSRF token the
/// page reads; both `Secure` when the server runs with `--secure-cookies`.
struct SessionCookies: Sendable {
    static let session = "skyplan_session"
    static let csrf = "skyplan_csrf"

    let secure: Bool

    func session(_ token: String, maxAge: Int) -> String {
        "\(Self.session)=\(token); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(maxAge)" + (secure ? "; Secure" : "")
    }

    func csrf(_ token: String, maxAge: Int) -> String {
        "\(Self.csrf)=\(token); Path=/; SameSite=Strict; Max-Age=\(maxAge)" + (secure ? "; Secure" : "")
    }

    /// Both cookies expired: what sign-out and a stale session answer.
    var cleared: [String] { [session("", maxAge: 0), csrf("", maxAge: 0)] }
}

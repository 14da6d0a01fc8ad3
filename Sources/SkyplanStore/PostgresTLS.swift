import NIOSSL
import PostgresKit

/// How the store talks TLS to PostgreSQL: libpq's `sslmode` and `sslrootcert`, with libpq's meanings.
///
/// - `disable`: plain text.
/// - `prefer` (the default, as in libpq): TLS when the server offers it, without checking its certificate.
/// - `require`: TLS or no connection; the certificate is not checked unless `sslrootcert` is given
///   (then it behaves as `verify-ca`, as libpq does).
/// - `verify-ca`: TLS with a certificate signed by `sslrootcert` (or the system's trusted roots).
/// - `verify-full`: `verify-ca`, and the certificate names the host in the URL.
public struct PostgresTLS: Sendable, Equatable, CustomStringConvertible {
    /// `sslmode`.
    public enum Mode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The mode.
    public var mode: Mode
    /// A PEM file of the certificate authorities to trust (`sslrootcert`); nil: the system's.
    public var rootCertificatePath: String?

    public init(mode: Mode = .prefer, rootCertificatePath: String? = nil) {
        self.mode = mode
        self.rootCertificatePath = rootCertificatePath
    }

    /// libpq's default.
    public static let prefer = PostgresTLS()

    /// `require` with a root certificate checks the chain, as in libpq.
    var effectiveMode: Mode {
        mode == .require && rootCertificatePath != nil ? .verifyCA : mode
    }

    public var description: String {
        "sslmode=\(mode.rawValue)" + (rootCertificatePath.map { "&sslrootcert=\($0)" } ?? "")
    }

    /// PostgresNIO's setting; a missing or unreadable root certificate fails here with a ``StoreError``.
    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch effectiveMode {
        case .disable:
            return .disable
        case .prefer, .require:
            configuration.certificateVerification = .none
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        if let path = rootCertificatePath {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw StoreError.badURL(description, "cannot read the root certificate \(path): \(error)")
            }
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw StoreError.badURL(description, "cannot set up TLS: \(error)")
        }
        return effectiveMode == .prefer ? .prefer(context) : .require(context)
    }
}

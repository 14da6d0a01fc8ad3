import Foundation
import SkyplanStore
import Testing

/// The store's TLS to PostgreSQL against the real test server, which `scripts/postgres-test.sh` starts
/// with TLS on and a certificate from a throwaway CA (`SKYPLAN_POSTGRES_CA`).
private let testCAPath = ProcessInfo.processInfo.environment["SKYPLAN_POSTGRES_CA"]

@Suite("Store: PostgreSQL over TLS", .enabled(if: testCAPath != nil && Engine.postgresURL != nil))
struct PostgresTLSTests {
    /// The test server's URL with `query` appended, and `host` in place of 127.0.0.1 when given.
    func url(_ query: String, host: String? = nil) throws -> DatabaseURL {
        var text = Engine.postgresURL ?? ""
        if let host { text = text.replacingOccurrences(of: "127.0.0.1", with: host) }
        return try DatabaseURL(parsing: text + (text.contains("?") ? "&" : "?") + query)
    }

    func encryption(_ url: DatabaseURL) async throws -> String? {
        let store = try await Store.open(url, logger: Support.logger)
        let version = try await store.encryption()
        try await store.close()
        return version
    }

    @Test func encryptsByDefaultWhenTheServerOffersTLSAndNotWhenDisabled() async throws {
        #expect(try await encryption(url("sslmode=prefer"))?.hasPrefix("TLS") == true)
        #expect(try await encryption(url("sslmode=require"))?.hasPrefix("TLS") == true)
        #expect(try await encryption(url("sslmode=disable")) == nil)
    }

    @Test func verifiesTheCertificateAndTheHostAgainstTheGivenCA() async throws {
        let ca = try #require(testCAPath)
        #expect(try await encryption(url("sslmode=verify-full&sslrootcert=\(ca)"))?.hasPrefix("TLS") == true)
        #expect(try await encryption(url("sslmode=verify-ca&sslrootcert=\(ca)", host: "localhost")) != nil)
    }

    @Test func refusesACertificateFromAnUntrustedAuthorityWithAnActionableMessage() async throws {
        // The system's roots do not include the test CA.
        await #expect {
            _ = try await Store.open(try url("sslmode=verify-full"), logger: Support.logger)
        } throws: { error in
            let text = String(describing: error)
            return (error as? StoreError)?.code == .unreachable && text.contains("certificate was not accepted")
                && text.contains("sslrootcert")
        }
    }

    @Test func explainsAMissingRootCertificateFile() async throws {
        await #expect {
            _ = try await Store.open(
                try url("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"), logger: Support.logger)
        } throws: { error in
            String(describing: error).contains("cannot read the root certificate /nonexistent/ca.pem")
        }
    }
}

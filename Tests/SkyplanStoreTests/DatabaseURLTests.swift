import Foundation
import SkyplanStore
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test func parsesSQLiteFileAndMemory() throws {
        #expect(try DatabaseURL(parsing: "sqlite:skyplan.sqlite") == .sqlite(path: "skyplan.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///var/lib/skyplan.db") == .sqlite(path: "/var/lib/skyplan.db"))
        #expect(try DatabaseURL(parsing: "sqlite::memory:") == .sqliteMemory)
        #expect(try DatabaseURL(parsing: "sqlite::memory:").engine == "sqlite")
    }

    @Test func sqliteDurabilityIsNormalUnlessAskedForFull() throws {
        #expect(try DatabaseURL(parsing: "sqlite:a.db") == .sqlite(path: "a.db", synchronous: .normal))
        let full = try DatabaseURL(parsing: "sqlite:/var/lib/a.db?synchronous=FULL")
        #expect(full == .sqlite(path: "/var/lib/a.db", synchronous: .full))
        #expect(full.description == "sqlite:/var/lib/a.db?synchronous=full")
        #expect(try DatabaseURL(parsing: "sqlite:a.db?synchronous=normal").description == "sqlite:a.db")
        for bad in ["sqlite:a.db?synchronous=off", "sqlite:a.db?journal=wal", "sqlite:?synchronous=full"] {
            #expect(throws: StoreError.self, "\(bad)") { try DatabaseURL(parsing: bad) }
        }
    }

    @Test func parsesPostgresURLs() throws {
        #expect(
            try DatabaseURL(parsing: "postgres://u:p@h:5432/db")
                == .postgres(host: "h", port: 5432, user: "u", password: "p", database: "db"))
        #expect(
            try DatabaseURL(parsing: "postgresql://skyplan@127.0.0.1:5433/skyplan_test")
                == .postgres(host: "127.0.0.1", port: 5433, user: "skyplan", password: nil, database: "skyplan_test"))
        #expect(
            try DatabaseURL(parsing: "postgres://app:s%40cret@db.internal/skyplan?sslmode=disable")
                == .postgres(
                    host: "db.internal", port: 5432, user: "app", password: "s@cret", database: "skyplan",
                    tls: PostgresTLS(mode: .disable)))
        #expect(try DatabaseURL(parsing: "postgres://app@db").engine == "postgres")
        #expect(
            try DatabaseURL(parsing: "postgres://app@db/s?sslmode=verify-full&sslrootcert=/etc/ca.pem")
                == .postgres(
                    host: "db", port: 5432, user: "app", password: nil, database: "s",
                    tls: PostgresTLS(mode: .verifyFull, rootCertificatePath: "/etc/ca.pem")))
        #expect(
            try DatabaseURL(parsing: "postgres://app@db/s?sslmode=require").description
                == "postgres://app@db:5432/s?sslmode=require")
    }

    @Test(arguments: [
        ("", "expected sqlite:PATH"),
        ("mysql://u@h/db", "expected sqlite:PATH"),
        ("sqlite:", "path is empty"),
        ("postgres://h/db", "user name is missing"),
        ("postgres://u@/db", "host is missing"),
        ("postgres://u@h:70000/db", "out of range"),
        ("postgres://u@h/db?sslmode=required", "sslmode must be one of disable, prefer, require, verify-ca"),
        ("postgres://u@h/db?sslrootcert=", "sslrootcert needs a path"),
        ("postgres://u@h/db?connect_timeout=3", "only sslmode and sslrootcert"),
    ])
    func rejectsBadURLsWithAReason(url: String, reason: String) {
        #expect {
            try DatabaseURL(parsing: url)
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .badURL && error?.description.contains(reason) == true
                && error?.description.hasPrefix("bad database URL") == true
        }
    }

    @Test func neverShowsThePassword() throws {
        let url = try DatabaseURL(parsing: "postgres://u:hunter2@h:5432/db")
        #expect(url.description == "postgres://u:***@h:5432/db")
        do {
            _ = try DatabaseURL(parsing: "postgres://u:hunter2@h:99999/db")
            Issue.record("expected an error")
        } catch {
            #expect(!String(describing: error).contains("hunter2"))
        }
    }
}

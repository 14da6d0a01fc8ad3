import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SkyplanStore
import Testing

@Suite("Store: bad input and migrations")
struct BadInputTests {
    @Test func refusesAFileThatIsNotADatabaseAndLeavesItUntouched() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: URL(fileURLWithPath: path))
        await #expect {
            _ = try await Store.open(.sqlite(path: path), logger: Support.logger)
        } throws: { error in
            String(describing: error) == "cannot open sqlite:\(path): file is not a database"
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesACorruptDatabaseAndLeavesItUntouched() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let store = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await store.migrate()
        try await store.close()
        Support.removeSQLite(path + "-wal")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Keep the header, wreck the pages behind it.
        for index in 100..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        try bytes.write(to: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.self) {
            _ = try await Store.open(.sqlite(path: path), logger: Support.logger)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func explainsAMissingDirectoryOrADirectoryPath() async throws {
        let missing = "/nonexistent-\(UUID())/skyplan.sqlite"
        await #expect {
            _ = try await Store.open(.sqlite(path: missing), logger: Support.logger)
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen && String(describing: error).contains("does not exist")
        }
        let directory = FileManager.default.temporaryDirectory.path
        await #expect {
            _ = try await Store.open(.sqlite(path: directory), logger: Support.logger)
        } throws: { error in
            String(describing: error) == "cannot open sqlite:\(directory): it is a directory, not a file"
        }
    }

    @Test func explainsAnUnreachablePostgresServer() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let url = DatabaseURL.postgres(host: "127.0.0.1", port: 1, user: "skyplan", password: nil, database: "x")
        await #expect {
            _ = try await Store.open(url, logger: Support.logger)
        } throws: { error in
            String(describing: error) == "cannot reach PostgreSQL at 127.0.0.1:1: connection refused"
        }
    }

    @Test(.enabled(if: Engine.postgresURL != nil))
    func explainsAMissingPostgresDatabase() async throws {
        guard
            case .postgres(let host, let port, let user, let password, _, _) = try DatabaseURL(
                parsing: Engine.postgresURL ?? "")
        else { return }
        let url = DatabaseURL.postgres(host: host, port: port, user: user, password: password, database: "nope_db")
        await #expect {
            _ = try await Store.open(url, logger: Support.logger)
        } throws: { error in
            String(describing: error) == "cannot reach PostgreSQL at \(host):\(port): database nope_db does not exist"
        }
    }

    @Test(arguments: Engine.available)
    func migratesOnceAndThenDoesNothing(engine: Engine) async throws {
        try await Support.withStore(engine) { store in
            let before = try await store.appliedMigrations()
            #expect(before.first == "0001_initial")
            try await store.migrate()
            try await store.migrate()
            #expect(try await store.appliedMigrations() == before)
            try await store.ping()
            #expect(store.engine == engine.rawValue)
        }
    }

    @Test func migratesConcurrentlyFromTwoStoresOnOneFile() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let first = try await Store.open(.sqlite(path: path), logger: Support.logger)
        let second = try await Store.open(.sqlite(path: path), logger: Support.logger)
        async let a: Void = first.migrate()
        async let b: Void = second.migrate()
        _ = try await (a, b)
        #expect(try await first.appliedMigrations() == second.appliedMigrations())
        try await first.close()
        try await second.close()
    }

    @Test func reopensAFileWithItsData() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let user = Support.user()
        let store = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await store.migrate()
        try await store.createUser(user)
        try await store.close()
        await #expect(throws: StoreError.self) { try await store.ping() }
        let reopened = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await reopened.migrate()
        #expect(try await reopened.user(id: user.id) == user)
        try await reopened.close()
    }

    @Test func closesAStoreDroppedWithoutClosingAndLeavesItsFileUsable() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let user = Support.user()
        do {
            let dropped = try await Store.open(.sqlite(path: path), logger: Support.logger)
            try await dropped.migrate()
            try await dropped.createUser(user)
        }
        // Without the backend's own close the process would stop here (SQLiteNIO asserts on a leaked handle).
        let reopened = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await reopened.migrate()
        #expect(try await reopened.user(id: user.id) == user)
        try await reopened.close()
    }

    @Test func keepsWorkingWhileTheProcesssSharedThreadPoolIsBlocked() async throws {
        // Every thread of NIO's shared pool waits until the store has done its work (or 240 s have passed): a
        // store on that pool would get no thread until then (two busy-waiting SQLite calls on it were enough
        // to deadlock the test process). 240 s, not 20 or 60: on two busy cores beside the CPU-heavy suites
        // the store's few statements have waited over 60 s for the cooperative pool (flakes, not the deadlock);
        // the bound only decides how long a real deadlock takes to fail.
        let release = DispatchSemaphore(value: 0)
        let threads = System.coreCount
        let timedOut = NIOLockedValueBox(false)
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        for _ in 0..<threads { _ = NIOThreadPool.singleton.runIfActive(eventLoop: loop) { release.wait() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 240) {
            timedOut.withLockedValue { $0 = true }
            for _ in 0..<threads { release.signal() }
        }
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        let store = try await Store.open(.sqlite(path: path), logger: Support.logger)
        try await store.migrate()
        try await store.createUser(Support.user())
        #expect(try await store.userCount() == 1)
        try await store.close()
        #expect(!timedOut.withLockedValue { $0 }, "the store waited for the shared thread pool")
        if !timedOut.withLockedValue({ $0 }) { for _ in 0..<threads { release.signal() } }
    }

    @Test func keepsAnInMemoryDatabasePerStore() async throws {
        let store = try await Store.open(.sqliteMemory, logger: Support.logger)
        try await store.migrate()
        try await store.createUser(Support.user())
        #expect(try await store.userCount() == 1)
        try await store.close()
    }

    @Test func refusesAnotherProgramsSQLiteDatabaseAndLeavesItUntouched() async throws {
        let path = Support.temporarySQLitePath()
        defer { Support.removeSQLite(path) }
        // An SQLite database of some other program, made with the sqlite3 shell if there is one.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = [
            "python3", "-c",
            "import sqlite3; c = sqlite3.connect('\(path)'); "
                + "c.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)'); c.commit(); c.close()",
        ]
        try shell.run()
        shell.waitUntilExit()
        try #require(shell.terminationStatus == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        await #expect {
            _ = try await Store.open(.sqlite(path: path), logger: Support.logger)
        } throws: { error in
            String(describing: error)
                == "cannot open sqlite:\(path): it is another program's SQLite database (no skyplan_migrations table)"
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

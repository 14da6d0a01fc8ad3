import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit
import SQLiteKit

/// Read-only connections to an SQLite file in WAL mode, handed out one task at a time.
///
/// In WAL mode readers never wait for the writer nor for each other, so plain reads (who is this API key,
/// the blueprint list) run side by side on these instead of queueing behind every other statement on the
/// one write connection. `query_only` makes a write through them an error.
final class SQLiteReaders: Sendable {
    private let connections: [SQLiteConnection]
    private let thread: NIOThreadPool
    private let state: NIOLockedValueBox<State>
    private let logger: Logger

    private struct State {
        var free: [Int]
        var waiters: [CheckedContinuation<Int, Never>] = []
        var closed = false
    }

    private init(connections: [SQLiteConnection], thread: NIOThreadPool, logger: Logger) {
        self.connections = connections
        self.thread = thread
        self.state = NIOLockedValueBox(State(free: Array(connections.indices)))
        self.logger = logger
    }

    /// Opens `count` read-only connections to the file at `path` (which the writer has already opened).
    static func open(path: String, count: Int, logger: Logger) async throws -> SQLiteReaders {
        let thread = NIOThreadPool(numberOfThreads: count)
        thread.start()
        var connections: [SQLiteConnection] = []
        do {
            for _ in 0..<count {
                let connection = try await SQLiteConnection.open(
                    storage: .file(path: path), threadPool: thread, logger: logger,
                    on: MultiThreadedEventLoopGroup.singleton.any())
                connections.append(connection)
                try await connection.sql().raw("PRAGMA query_only = ON").run()
                try await connection.sql().raw("PRAGMA busy_timeout = 15000").run()
            }
        } catch {
            for connection in connections { try? await connection.close() }
            try? await thread.shutdownGracefully()
            throw error
        }
        return SQLiteReaders(connections: connections, thread: thread, logger: logger)
    }

    /// Runs `body` on a free connection, waiting for one (in arrival order) when all are busy.
    func withDatabase<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = await acquire()
        defer { release(index) }
        if state.withLockedValue({ $0.closed }) { throw StoreError.database("the store is closed") }
        return try await body(connections[index].sql(queryLogLevel: nil).logging(to: logger))
    }

    private func acquire() async -> Int {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let index = state.withLockedValue { state -> Int? in
                if let index = state.free.popLast() { return index }
                state.waiters.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    private func release(_ index: Int) {
        let waiter = state.withLockedValue { state -> CheckedContinuation<Int, Never>? in
            if state.waiters.isEmpty {
                state.free.append(index)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: index)
    }

    /// Closes every connection once none is in use, then the thread pool.
    func close() async {
        state.withLockedValue { $0.closed = true }
        for _ in connections { _ = await acquire() }
        for connection in connections { try? await connection.close() }
        try? await thread.shutdownGracefully()
    }

    /// A store released without ``close()``: close the connections in the background (SQLiteNIO asserts on
    /// a leaked handle).
    func closeInBackground() {
        let thread = self.thread
        let closes = connections.map { $0.close() }
        EventLoopFuture.andAllComplete(closes, on: MultiThreadedEventLoopGroup.singleton.any()).whenComplete { _ in
            thread.shutdownGracefully { _ in }
        }
    }
}

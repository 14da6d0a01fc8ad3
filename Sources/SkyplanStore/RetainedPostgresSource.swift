import Logging
import NIOCore
import PostgresKit

/// PostgresKit's connection source, with every connection kept alive until its channel has closed.
///
/// The pool opens a connection for a waiting request; when another connection serves that request first and
/// the pool shuts down before the new one is up, the pool calls `close()` on the new connection and drops it
/// at once. `PostgresConnection` asserts in `deinit` that its channel is closed, and a close takes a moment:
/// a debug build (every test run) crashed after a store with concurrent writes was closed. Holding the
/// connection in its own close future's callback lets it go only once the channel is closed.
struct RetainedPostgresSource: ConnectionPoolSource {
    let base: PostgresConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<PostgresConnection> {
        base.makeConnection(logger: logger, on: eventLoop).map { connection in
            connection.closeFuture.whenComplete { _ in withExtendedLifetime(connection) {} }
            return connection
        }
    }
}

/// Runs one throwing call and keeps its outcome as a value, so that several calls can run side by side
/// (`async let`, task groups) and be looked at afterwards.
///
/// Also the safe way to hand a child task's outcome back with something else: await the outcome into a
/// local first, then build the pair. Swift 6.3.1's optimiser miscompiles a closure returned through a
/// generic result (a task group's child, `Task { }`) whose body is `do { return (key, try await f()) } catch
/// { ... }`: the elements stored before the `try await` come back zeroed — the release build's live-feed
/// crash of issue 17 (`tests/python/test_live_feed.py`, run against the release build by `make test`,
/// guards it).
public func capture<T: Sendable>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

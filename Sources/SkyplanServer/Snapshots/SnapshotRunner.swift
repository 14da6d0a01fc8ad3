import Foundation
import Logging
import ServiceLifecycle
import SkyplanStore

/// Runs snapshot jobs in the background and lets requests wait for them (the 120 s long poll).
///
/// Jobs are claimed in the store by key, so a retry that reaches another replica finds the same job:
/// it waits on the store, or takes the job over when the replica running it has gone quiet.
/// Results are kept briefly and then deleted.
public final class SnapshotRunner: Service, Sendable {
    /// A job's work: produces the body and its content type, or throws an `APIError` to answer.
    typealias Work = @Sendable () async throws -> DiagramExporter.Output

    enum Outcome: Sendable {
        case ready(DiagramExporter.Output)
        case processing
    }

    private struct Job: Sendable {
        let key: String
        let work: Work
    }

    let store: Store
    let logger: Logger
    let now: @Sendable () -> Date
    /// A running job not updated for this long is taken over by the next request.
    let abandonedAfter: TimeInterval
    /// Finished results are deleted after this long.
    let retention: TimeInterval
    let pollInterval: Duration
    private let queue: AsyncStream<Job>
    private let enqueue: AsyncStream<Job>.Continuation

    init(
        store: Store, logger: Logger, now: @escaping @Sendable () -> Date, abandonedAfter: TimeInterval = 600,
        retention: TimeInterval = 600, pollInterval: Duration = .milliseconds(250)
    ) {
        self.store = store
        self.logger = logger
        self.now = now
        self.abandonedAfter = abandonedAfter
        self.retention = retention
        self.pollInterval = pollInterval
        (queue, enqueue) = AsyncStream.makeStream(of: Job.self)
    }

    /// Runs queued jobs (a few at a time) and deletes old results, until graceful shutdown.
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in await cleanUpPeriodically() }
            // Graceful shutdown cancels the running jobs: each is handed back (see `execute`) for the next
            // request, on any replica, to run again, rather than holding the shutdown for a whole scan.
            let queue = self.queue
            _ = await cancelWhenGracefulShutdown { [self] in
                await withTaskGroup(of: Void.self) { jobs in
                    var running = 0
                    for await job in queue {
                        if running >= 4 {
                            await jobs.next()
                            running -= 1
                        }
                        running += 1
                        jobs.addTask { [self] in await execute(job) }
                    }
                }
            }
            group.cancelAll()
        }
    }

    /// Starts (or joins) the job `key` and waits up to `wait` for its result.
    func result(key: String, accountID: UUID, wait: Duration, work: @escaping Work) async throws -> Outcome {
        let moment = now()
        let (job, created) = try await store.claimSnapshotJob(
            key: key,
            newJob: SnapshotJobRecord(
                key: key, accountID: accountID, status: .pending, createdAt: moment, updatedAt: moment))
        if created {
            enqueue.yield(Job(key: key, work: work))
        } else if job.status == .done, let body = job.result {
            return .ready(.init(body: body, contentType: job.contentType ?? "application/octet-stream"))
        } else if job.status == .failed, moment.timeIntervalSince(job.updatedAt) < 2, let error = job.error {
            throw Self.decodeError(error)
        } else if job.status == .failed || moment.timeIntervalSince(job.updatedAt) > abandonedAfter {
            // A failure already answered, or a replica that stopped: run it again here.
            try await store.finishSnapshotJob(
                key: key, status: .pending, result: nil, contentType: nil, error: nil, at: moment)
            enqueue.yield(Job(key: key, work: work))
        }
        let deadline = ContinuousClock.now + wait
        // On graceful shutdown the wait ends at once with "still processing": the client retries, on another
        // replica if need be, instead of holding this one's shutdown for up to the whole long poll.
        while ContinuousClock.now < deadline, !Task.isShuttingDownGracefully {
            try await Task.sleep(for: pollInterval)
            guard let current = try await store.snapshotJob(key: key) else { continue }
            switch current.status {
            case .done:
                if let body = current.result {
                    return .ready(.init(body: body, contentType: current.contentType ?? "application/octet-stream"))
                }
            case .failed:
                throw Self.decodeError(current.error ?? "500|internal_server_error|the snapshot failed")
            case .pending, .running:
                continue
            }
        }
        return .processing
    }

    private func execute(_ job: Job) async {
        do {
            try await store.finishSnapshotJob(
                key: job.key, status: .running, result: nil, contentType: nil, error: nil, at: now())
            let output = try await job.work()
            try Task.checkCancellation()  // a cancelled scan may have returned early with part of the region
            try await store.finishSnapshotJob(
                key: job.key, status: .done, result: output.body, contentType: output.contentType, error: nil, at: now()
            )
        } catch is CancellationError {
            // Shutting down: hand the job back as abandoned, so that the next request runs it again at once.
            try? await Task {
                try await store.finishSnapshotJob(
                    key: job.key, status: .pending, result: nil, contentType: nil, error: nil, at: .distantPast)
            }.value
        } catch {
            let apiError = error as? APIError ?? .internalError
            if !(error is APIError) {
                logger.error("snapshot failed", metadata: ["error": "\(error)"])
            }
            try? await store.finishSnapshotJob(
                key: job.key, status: .failed, result: nil, contentType: nil, error: Self.encodeError(apiError),
                at: now())
        }
    }

    private func cleanUpPeriodically() async {
        while !Task.isCancelled {
            try? await store.deleteSnapshotJobs(finishedBefore: now().addingTimeInterval(-retention))
            try? await Task.sleep(for: .seconds(60))
        }
    }

    static func encodeError(_ error: APIError) -> String { "\(error.status.code)|\(error.reason)|\(error.message)" }

    static func decodeError(_ text: String) -> APIError {
        let parts = text.split(separator: "|", maxSplits: 2).map(String.init)
        guard parts.count == 3, let code = Int(parts[0]) else { return .internalError }
        return APIError(status: .init(code: code), reason: parts[1], message: parts[2])
    }
}

import SkyplanModel

/// Runs `body` over `items` with at most `limit` calls in flight, keeping the input order.
///
/// Used for the per-item calls a collector must make (one `DescribeTable` per table); a failing item
/// becomes a `.failure` so the collector can record it and keep the others.
func concurrentMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async throws -> Output
) async -> [Result<Output, any Error>] {
    guard !items.isEmpty else { return [] }
    var results = [Result<Output, any Error>?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Int, Result<Output, any Error>).self) { group in
        var next = 0
        func start() {
            guard next < items.count else { return }
            let index = next
            let item = items[index]
            next += 1
            group.addTask {
                let result = await capture { try await body(item) }  // never a tuple across `try await`: see `capture`
                return (index, result)
            }
        }
        for _ in 0..<max(1, limit) { start() }
        while let (index, result) = await group.next() {
            results[index] = result
            start()
        }
    }
    return results.map { $0 ?? .failure(CancellationError()) }
}

extension CollectorRecorder {
    /// Runs a per-item operation over `items` concurrently; failures become diagnostics, successes are returned
    /// paired with their item. The scan's client paces each call (its `RequestGate`); `limit` only bounds how
    /// many are in flight.
    public mutating func each<Item: Sendable, Output: Sendable>(
        _ operation: String, _ items: [Item], limit: Int = 8,
        _ body: @escaping @Sendable (Item) async throws -> Output
    ) async throws -> [(Item, Output)] {
        let results = await concurrentMap(items, limit: limit, body)
        try Task.checkCancellation()
        var outputs: [(Item, Output)] = []
        var failures: [Diagnostic] = []
        for (item, result) in zip(items, results) {
            switch result {
            case .success(let output): outputs.append((item, output))
            case .failure(let error):
                failures.append(
                    ErrorClassifier.diagnostic(for: error, context: context, service: service, operation: operation))
            }
        }
        // One diagnostic per distinct failure, not one per item: 300 denied DescribeTable calls say it once.
        var seen = Set<String>()
        for diagnostic in failures where seen.insert("\(diagnostic.cause)|\(diagnostic.code ?? "")").inserted {
            output.diagnostics.append(diagnostic)
        }
        return outputs
    }
}

extension CollectorRecorder {
    /// The value of a captured call, or nil with a diagnostic for `operation`.
    public mutating func take<T>(_ operation: String, _ result: Result<T, any Error>) throws -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let error):
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            output.diagnostics.append(
                ErrorClassifier.diagnostic(for: error, context: context, service: service, operation: operation))
            return nil
        }
    }
}

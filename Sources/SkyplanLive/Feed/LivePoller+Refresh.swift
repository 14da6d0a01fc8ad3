import Foundation

extension LivePoller {
    /// One refresh of `arns`: fetch, diff against memory, send changes, full states and stale notices.
    /// Returns true when AWS throttled it.
    func refresh(_ arns: Set<String>, backoff: Int) async -> Bool {
        guard !arns.isEmpty else { return false }
        let snapshot: LiveSnapshot
        do {
            let current: any LiveFetching
            if let fetcher {
                current = fetcher
            } else {
                current = try await makeFetcher()
                fetcher = current
            }
            snapshot = await current.fetch(arns.sorted())
        } catch {
            snapshot = LiveSnapshot(
                failures: [
                    LiveFailure(family: "credentials", code: "Credentials", message: "\(error)", throttled: false)
                ], staleARNs: arns)
        }
        refreshes += 1
        calls += snapshot.calls
        guard !stopped else { return false }
        pending.subtract(arns)
        var changed: [String: LiveStatus] = [:]
        for arn in arns {
            var next: LiveStatus
            if let status = snapshot.statuses[arn] {
                next = status
            } else if snapshot.staleARNs.contains(arn) {
                next = statuses[arn] ?? .unknown("not read yet")
                next.stale = true
            } else {
                next = .unknown("no answer")
            }
            if statuses[arn] != next {
                statuses[arn] = next
                changed[arn] = next
            }
        }
        if !changed.isEmpty {
            let id = ids.next()
            if firstID == nil { firstID = id }
            lastID = id
            history.append((id, changed))
            if history.count > configuration.history { history.removeFirst(history.count - configuration.history) }
            for (viewerID, viewer) in viewers where !viewer.needsState {
                let mine = changed.filter { viewer.arns.contains($0.key) }
                if !mine.isEmpty { send(LiveEvent(id: id, kind: .change, statuses: mine), to: viewerID) }
            }
        }
        for (viewerID, viewer) in viewers where viewer.needsState && viewer.arns.allSatisfy({ statuses[$0] != nil }) {
            viewers[viewerID]?.needsState = false
            let mine = statuses.filter { viewer.arns.contains($0.key) }
            send(LiveEvent(id: lastID, kind: .state, statuses: mine), to: viewerID)
        }
        if !snapshot.failures.isEmpty {
            let retry = snapshot.throttled ? delay(backoff + 1) : configuration.interval
            for (viewerID, viewer) in viewers {
                let stale = snapshot.staleARNs.filter { viewer.arns.contains($0) }.sorted()
                let event = LiveEvent(
                    id: nil, kind: .stale, failures: snapshot.failures, staleARNs: stale,
                    retryInSeconds: Int(retry.components.seconds))
                send(event, to: viewerID)
            }
        }
        return snapshot.throttled
    }

    /// Sends to one viewer; a viewer whose buffer overflowed gets a full state on the next refresh.
    private func send(_ event: LiveEvent, to id: UUID) {
        guard let viewer = viewers[id] else { return }
        if case .dropped = viewer.continuation.yield(event) {
            viewers[id]?.needsState = true
        }
    }
}

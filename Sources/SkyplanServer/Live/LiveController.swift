import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle
import SkyplanDiagram
import SkyplanLive
import SkyplanModel
import SkyplanStore

/// `GET /live/{accountId}/{region}?blueprint=<id>` or `?arn=a,b,c` (optional `focus=<arn>`), or
/// `POST /live/{accountId}/{region}` with `{"arns": [...], "focus"?, "blueprint"?}` for lists too long for a
/// URL: server-sent events with the live state of those ARNs — a full `state`, then `change`s, `stale` when
/// AWS throttles or denies. `Last-Event-ID` resumes. Every check is made before the first AWS call.
///
/// The `POST` only reads, so `AuthMiddleware` lets read-only API keys make it (``isReadOnlyPost(_:)``);
/// a browser session still needs its CSRF token, as for every `POST`.
struct LiveController {
    let services: AppServices
    let live: LiveService

    /// The most ARNs one viewer may watch.
    static let maxARNs = 10_000

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("live/:accountId/:region", use: stream)
        group.post("live/:accountId/:region", use: stream)
    }

    /// True for `POST /live/{accountId}/{region}` and `POST /live/accounts` (also under `/api/`): reads that carry
    /// their ARNs in the body.
    static func isReadOnlyPost(_ request: Request) -> Bool {
        guard request.method == .post else { return false }
        var parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.first == "api" { parts.removeFirst() }
        return parts.first == "live" && (parts.count == 3 || (parts.count == 2 && parts[1] == "accounts"))
    }

    @Sendable func stream(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let plan = try await LiveRequest.parse(request, context: context, services: services)
        let hub = live.hub
        let fetcherFor = live.fetcherFor
        let account = plan.account
        let region = plan.region
        let key = LiveFeedKey(account: account.id.apiString, region: region)
        let maxEvents = plan.maxEvents
        // Subscribing inside the body: a response that is never streamed never starts a poll.
        let body = ResponseBody { [plan] writer in
            let subscription = await hub.subscribe(
                key, arns: plan.arns, focus: plan.focus, lastEventID: plan.lastEventID
            ) { try await fetcherFor(account, region) }
            do {
                try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
                var sent = 0
                // Graceful shutdown ends the stream (the browser reconnects, to another replica if need be):
                // the HTTP server waits for open requests before the hub and the store stop.
                for await event in subscription.events.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                    if event.kind != .heartbeat, event.kind != .keepAlive { sent += 1 }
                    if let maxEvents, sent >= maxEvents { break }
                }
                await hub.unsubscribe(subscription)
                try await writer.finish(nil)
            } catch {
                await hub.unsubscribe(subscription)  // the browser went away
                throw error
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let name = HTTPField.Name("X-Accel-Buffering") { headers[name] = "no" }
        return Response(status: .ok, headers: headers, body: body)
    }
}

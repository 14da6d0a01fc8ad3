import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle
import SkyplanDiagram
import SkyplanLive
import SkyplanModel
import SkyplanStore

/// `POST /live/accounts` `{"accounts": [id, ...], "regions": [...], "arns": [...]}` (or `"blueprint": id` instead of
/// `arns`): the live feed of a diagram of several accounts — one server-sent event stream merging the feeds of
/// every account-region it touches. Each feed is the hub's one poller for that account and region, shared with
/// every other viewer of it (a single-account viewer too) and stopped with its last viewer.
///
/// `GET /live/feeds` (owners and admins): the running feeds with their viewers, refreshes and AWS calls.
struct MultiAccountLiveController {
    let services: AppServices
    let live: LiveService

    struct Body: Decodable {
        var accounts: [String]
        var regions: [String]
        var arns: [String]?
        var blueprint: String?
    }

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.post("live/accounts", use: stream)
        group.get("live/feeds", use: feeds)
    }

    @Sendable func stream(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let body = try await JSONResponse.decode(Body.self, from: request, context: context)
        let scope = try await MultiAccountScope.resolve(
            accounts: body.accounts.joined(separator: ","), regions: body.regions.joined(separator: ","),
            store: services.store, identity: identity)
        let plan: MultiAccountLivePlan
        if let blueprint = body.blueprint {
            let arns = try await LiveRequest.blueprintARNs(blueprint, identity: identity, services: services)
            plan = try MultiAccountLivePlan.make(
                arns: arns, accounts: scope.accounts, regions: scope.regions, strict: false)
        } else {
            let arns = (body.arns ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !arns.isEmpty else {
                throw APIError.invalidProperty(
                    "give the ARNs to watch: {\"accounts\", \"regions\", \"arns\": [\"<arn>\", ...]} or \"blueprint\"")
            }
            guard Set(arns).count <= LiveController.maxARNs else {
                throw APIError.invalidParameter("at most \(LiveController.maxARNs) ARNs per live feed")
            }
            plan = try MultiAccountLivePlan.make(
                arns: arns, accounts: scope.accounts, regions: scope.regions, strict: true)
        }
        let query = request.uri.queryParameters
        let maxEvents = try query.get("maxEvents").map { text in
            guard let count = Int(text), count > 0 else {
                throw APIError.invalidParameter("maxEvents must be a positive integer")
            }
            return count
        }
        let lastEventID = HTTPField.Name("Last-Event-ID").flatMap { request.headers[$0] }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let hub = live.hub
        let fetcherFor = live.fetcherFor
        let responseBody = ResponseBody { writer in
            var subscriptions: [LiveHub.Subscription] = []
            for feed in plan.feeds {
                let account = feed.account
                let region = feed.region
                subscriptions.append(
                    await hub.subscribe(
                        LiveFeedKey(account: account.id.apiString, region: region), arns: feed.arns,
                        lastEventID: lastEventID
                    ) { try await fetcherFor(account, region) })
            }
            let subscribed = subscriptions
            let (merged, input) = AsyncStream.makeStream(of: LiveEvent.self)
            do {
                try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        await withTaskGroup(of: Void.self) { forwards in
                            for subscription in subscribed {
                                forwards.addTask { for await event in subscription.events { input.yield(event) } }
                            }
                        }
                        input.finish()  // every feed ended (shutdown): so does the merged stream
                    }
                    var sent = 0
                    for await event in merged.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: event.serverSentEvent))
                        if event.kind != .heartbeat, event.kind != .keepAlive { sent += 1 }
                        if let maxEvents, sent >= maxEvents { break }
                    }
                    group.cancelAll()
                }
                for subscription in subscriptions { await hub.unsubscribe(subscription) }
                try await writer.finish(nil)
            } catch {
                for subscription in subscriptions { await hub.unsubscribe(subscription) }  // the browser went away
                throw error
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let name = HTTPField.Name("X-Accel-Buffering") { headers[name] = "no" }
        if !plan.unplaced.isEmpty, let name = HTTPField.Name("X-Skyplan-Unwatched") {
            headers[name] = String(plan.unplaced.count)
        }
        return Response(status: .ok, headers: headers, body: responseBody)
    }

    struct FeedJSON: Encodable {
        var account: String
        var region: String
        var viewers: Int
        var refreshes: Int
        var calls: Int
    }

    /// The hub's running feeds (one poller each), for operators and tests.
    @Sendable func feeds(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        try context.requireIdentity().requireAdmin()
        var list: [FeedJSON] = []
        for key in await live.hub.activeFeeds {
            guard let figures = await live.hub.figures(key) else { continue }
            list.append(
                FeedJSON(
                    account: key.account, region: key.region, viewers: figures.viewers, refreshes: figures.refreshes,
                    calls: figures.calls))
        }
        return try JSONResponse.make(["feeds": list])
    }
}

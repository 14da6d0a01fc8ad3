import Foundation
import Hummingbird
import ServiceLifecycle
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore

/// `GET /aws/account/{id}/{region}/{format}`: scan one region of an account and render it, with the
/// long poll of API.md; and `.../events`, the scan's progress as server-sent events.
struct SnapshotController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("aws/account/:id/:region/events", use: events)
        group.get("aws/account/:id/:region/:format", use: snapshot)
    }

    @Sendable func snapshot(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let account = try await AccessPolicy.visibleAccount(
            try context.parameters.requireUUID("id"), store: services.store, identity: identity)
        let region = try Self.region(context)
        _ = try account.checkedRegion()
        let parameters = try ExportParameters(
            format: context.parameters.get("format") ?? "", query: request.uri.queryParameters)
        let key = Self.jobKey(account: account, region: region, query: parameters.canonicalQuery)
        let services = self.services
        let outcome = try await services.snapshots.result(
            key: key, accountID: account.id, wait: services.configuration.snapshotWait
        ) {
            let inventory = try await services.scan(account, regions: [region])
            let data = DiagramExporter.blueprint(
                inventory, name: "\(account.name) \(region)", accountID: account.id, parameters)
            return try DiagramExporter.export(data, parameters)
        }
        return try Self.response(outcome)
    }

    /// The body of a finished job, or 202 `STILL_PROCESSING`.
    static func response(_ outcome: SnapshotRunner.Outcome) throws -> Response {
        switch outcome {
        case .ready(let output):
            return Response(
                status: .ok, headers: [.contentType: output.contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: output.body)))
        case .processing:
            return try JSONResponse.make(StillProcessing(), status: .accepted)
        }
    }

    struct StillProcessing: Encodable {
        let code = "STILL_PROCESSING"
        let message = "Result wait time exceeded. Processing continues in the background, retry to receive result."
        let retry = true
    }

    /// Server-sent events of the scan running for this account and region on this replica.
    @Sendable func events(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let account = try await AccessPolicy.visibleAccount(
            try context.parameters.requireUUID("id"), store: services.store, identity: identity)
        let region = try Self.region(context)
        let stream = services.progress.watch(key: ScanProgressHub.key(account: account.id, region: region))
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            for await progress in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: "data: \(Self.progressJSON(progress, region: region))\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    static func progressJSON(_ progress: ScanProgress, region: String) -> String {
        var object: [String: Any] = [
            "done": progress.completed, "total": progress.total, "resources": progress.resourcesFound,
            "region": region,
        ]
        switch progress.event {
        case .started: object["phase"] = "started"
        case .finished: object["phase"] = "finished"
        case .collected(_, let region, let service, let resources, let diagnostics):
            object["phase"] = "collected"
            object["region"] = region
            object["service"] = service
            object["found"] = resources
            object["diagnostics"] = diagnostics
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func region(_ context: SkyplanRequestContext) throws -> String {
        try Region.requireKnown(context.parameters.get("region") ?? "", field: "region")
    }

    static func jobKey(account: AccountRecord, region: String, query: String) -> String {
        let text = "snapshot|\(account.id.apiString)|\(account.roleARN)|\(region)|\(query)"
        return Secrets.hash(text)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import SkyplanDiagram
import SkyplanModel
import SkyplanStore

/// A checked live-feed request: who may see which account, in which region, and which ARNs (from the query
/// of a `GET` or the JSON body of a `POST`, see `LiveSelection`).
///
/// Everything is decided here from the store and the request alone, before any AWS call: an account one
/// may not see is a 404; an ARN of another AWS account is a 403; an ARN of another region, or a region
/// outside the account's partition, is a 404; a malformed ARN or region is a 400.
struct LiveRequest {
    var account: AccountRecord
    var region: String
    var arns: [String]
    var focus: String?
    var lastEventID: Int?
    var maxEvents: Int?

    static func parse(_ request: Request, context: SkyplanRequestContext, services: AppServices) async throws
        -> LiveRequest
    {
        let identity = try context.requireIdentity()
        let accountID = try context.parameters.requireUUID("accountId")
        let account = try await AccessPolicy.visibleAccount(accountID, store: services.store, identity: identity)
        let region = context.parameters.get("region") ?? ""
        guard Region.isWellFormed(region) else {
            throw APIError.invalidParameter(
                "region \"\(Region.printable(region))\" is not an AWS region name such as eu-west-1")
        }
        _ = try account.checkedRegion()
        let role = try RoleARN(parsing: account.roleARN)
        guard Region.exists(region), Partition.of(region: region).rawValue == role.partition.rawValue else {
            throw APIError.notFound("the account does not use region \(region)")
        }
        let query = request.uri.queryParameters
        let selection = try await LiveSelection.of(request)
        var arns: [String]
        if let blueprint = selection.blueprint {
            arns = try await blueprintARNs(blueprint, identity: identity, services: services)
                .filter { belongs($0, account: role.accountID, region: region) }
        } else {
            arns = selection.arns
            guard !arns.isEmpty else {
                throw APIError.invalidParameter(
                    request.method == .post
                        ? "give the ARNs to watch: {\"arns\": [\"<arn>\", ...]} or {\"blueprint\": \"<id>\"}"
                        : "give the ARNs to watch: ?blueprint=<id> or ?arn=<arn>,<arn>")
            }
        }
        let focus = selection.focus
        if let focus, !arns.contains(focus) { arns.append(focus) }
        guard Set(arns).count <= maxARNs else {
            throw APIError.invalidParameter("at most \(maxARNs) ARNs per live feed")
        }
        for text in arns { try check(text, account: role.accountID, region: region) }
        var plan = LiveRequest(account: account, region: region, arns: Array(Set(arns)).sorted(), focus: focus)
        let lastEventName = HTTPField.Name("Last-Event-ID")
        if let header = lastEventName.flatMap({ request.headers[$0] }) ?? query.get("lastEventId") {
            plan.lastEventID = Int(header.trimmingCharacters(in: .whitespaces))
        }
        if let text = query.get("maxEvents") {
            guard let count = Int(text), count > 0 else {
                throw APIError.invalidParameter("maxEvents must be a positive integer")
            }
            plan.maxEvents = count
        }
        return plan
    }

    static var maxARNs: Int { LiveController.maxARNs }

    /// 400 malformed, 403 another AWS account, 404 another region.
    static func check(_ text: String, account: String, region: String) throws {
        let arn: ARN
        do {
            arn = try ARN(parsing: text)
        } catch {
            throw APIError.invalidParameter("\(error)")
        }
        guard arn.accountID.isEmpty || arn.accountID == account else {
            throw APIError.forbidden(
                "\(text) belongs to AWS account \(arn.accountID), not to this account (\(account))")
        }
        guard arn.isGlobal || arn.region == region else {
            throw APIError.notFound("\(text) is in region \(arn.region), not in \(region)")
        }
    }

    static func belongs(_ text: String, account: String, region: String) -> Bool {
        (try? check(text, account: account, region: region)) != nil
    }

    /// The ARNs of a blueprint's nodes and groups (404 when the caller may not see it).
    static func blueprintARNs(_ text: String, identity: Identity, services: AppServices) async throws -> [String] {
        guard let id = UUID(uuidString: text) else {
            throw APIError.invalidParameter("blueprint must be a UUID such as 8bfc6773-7fa2-49b3-8016-5e0e9a2e2aff")
        }
        guard let record = try await services.store.blueprint(id: id), AccessPolicy.canSee(identity, blueprint: record)
        else { throw APIError.notFound("Blueprint not found") }
        let data = try BlueprintData.decode(record.data, checking: false)
        return data.nodes.compactMap(\.arn) + data.groups.compactMap(\.arn)
    }
}

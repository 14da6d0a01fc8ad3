import Foundation
import Hummingbird
import SkyplanBudget
import SkyplanDiagram
import SkyplanModel
import SkyplanStore

/// `GET /blueprint/{id}/{format}` (diagram exports) and `GET /blueprint/{id}/budget/{format}` (the budget
/// as csv, xlsx, or json for the UI).
struct BlueprintExportController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("blueprint/:id/budget/:format", use: budget)
        group.get("blueprint/:id/:format", use: export)
    }

    @Sendable func export(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let record = try await AccessPolicy.visibleBlueprint(
            try context.parameters.requireUUID("id"), store: services.store, identity: try context.requireIdentity())
        let parameters = try ExportParameters(
            format: context.parameters.get("format") ?? "", query: request.uri.queryParameters)
        let data = try BlueprintData.decode(record.data, checking: false)
        let output = try DiagramExporter.export(data, parameters)
        return Response(
            status: .ok, headers: [.contentType: output.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: output.body)))
    }

    @Sendable func budget(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let record = try await AccessPolicy.visibleBlueprint(
            try context.parameters.requireUUID("id"), store: services.store, identity: try context.requireIdentity())
        let format = context.parameters.get("format") ?? ""
        guard ["csv", "xlsx", "json"].contains(format) else {
            throw APIError.invalidParameter("format \"\(format.prefix(20))\" is not supported; use csv, xlsx or json")
        }
        let pricing = try services.pricing()
        let query = request.uri.queryParameters
        let options: BudgetExportOptions
        do {
            options = try pricing.exporter.options(
                currency: query.get("currency"), period: query.get("period"), rate: query.get("rate"))
        } catch {
            throw APIError.invalidParameter("\(error)")
        }
        let data = try BlueprintData.decode(record.data, checking: false)
        let budget = await services.budget(of: PricedComponent.components(of: data), pricing: pricing)
        let body: Data
        let contentType: String
        switch format {
        case "csv":
            body = Data(try pricing.exporter.csv(budget, options: options).utf8)
            contentType = "text/csv; charset=utf-8"
        case "xlsx":
            body = try pricing.exporter.xlsx(budget, options: options)
            contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default:
            var report = try pricing.exporter.report(budget, options: options)
            if let choice = query.get("account"), !choice.isEmpty {
                let identity = try context.requireIdentity()
                let month = try CostController.month(query.get("month"), now: services.now())
                if let account = try await Self.account(choice, of: data, services: services, identity: identity) {
                    do {
                        let actual = try await services.actualCosts(account, month: month)
                        report = try pricing.exporter.report(budget, options: options, actual: actual)
                    } catch let error as APIError where error.reason != "invalid_parameter" {
                        report.actualUnavailable = error.message
                    }
                } else {
                    report.actualUnavailable =
                        "no connected account you may use holds this diagram's resources, so there is no actual cost"
                }
            }
            body = try report.json()
            contentType = "application/json; charset=utf-8"
        }
        var headers: HTTPFields = [.contentType: contentType]
        if format != "json" {
            headers[.contentDisposition] = "attachment; filename=\"budget-\(record.id.apiString).\(format)\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension BlueprintExportController {
    /// The account whose actual cost sits beside the budget: `choice` is an account id (404 unless the caller
    /// may see it) or `auto`, the one connected account visible to the caller that holds the diagram's ARNs
    /// (nil when none or several do).
    static func account(_ choice: String, of data: BlueprintData, services: AppServices, identity: Identity)
        async throws -> AccountRecord?
    {
        guard choice == "auto" else {
            guard let id = UUID(uuidString: choice) else {
                throw APIError.invalidParameter("account must be an account id or auto")
            }
            return try await AccessPolicy.visibleAccount(id, store: services.store, identity: identity)
        }
        var owners: [String: Int] = [:]
        for arn in data.nodes.compactMap(\.arn) + data.groups.compactMap(\.arn) {
            if let parsed = try? ARN(parsing: arn), !parsed.accountID.isEmpty {
                owners[parsed.accountID, default: 0] += 1
            }
        }
        let candidates = try await services.store.accounts().filter { account in
            AccessPolicy.canSee(identity, account: account)
                && (try? RoleARN(parsing: account.roleARN)).map { owners[$0.accountID] != nil } == true
        }
        guard let first = candidates.first else { return nil }
        // Several connections of one AWS account (different roles) hold the same figures: the oldest answers.
        let ids = Set(candidates.compactMap { try? RoleARN(parsing: $0.roleARN).accountID })
        guard ids.count == 1 else { return nil }
        return candidates.min { $0.createdAt < $1.createdAt } ?? first
    }
}

/// The price book, cost model and exchange rates, loaded once.
struct Pricing: Sendable {
    let model: CostModel
    let exporter: BudgetExporter

    /// The bundled price book and exchange rates, or the files at `path` and `ratesPath`.
    static func load(path: String?, ratesPath: String? = nil) throws -> Pricing {
        let book = try path.map { try PriceBook.load(from: URL(fileURLWithPath: $0)) } ?? PriceBook.bundled()
        let rates =
            try ratesPath.map { try ExchangeRates.load(from: URL(fileURLWithPath: $0)) } ?? ExchangeRates.bundled()
        return Pricing(model: CostModel(book: book), exporter: BudgetExporter(rates: rates))
    }
}

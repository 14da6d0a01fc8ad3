import Foundation
import Hummingbird
import SkyplanBudget
import SkyplanDiagram

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
        let budget = pricing.model.budget(for: PricedComponent.components(of: data))
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
            body = try pricing.exporter.report(budget, options: options).json()
            contentType = "application/json; charset=utf-8"
        }
        var headers: HTTPFields = [.contentType: contentType]
        if format != "json" {
            headers[.contentDisposition] = "attachment; filename=\"budget-\(record.id.apiString).\(format)\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
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

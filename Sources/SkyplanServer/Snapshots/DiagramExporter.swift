import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender

/// Blueprint data → the bytes of one export format. Pure apart from librsvg/cairo for PNG and PDF.
enum DiagramExporter {
    struct Output: Sendable {
        let body: Data
        let contentType: String
    }

    static func export(_ data: BlueprintData, _ parameters: ExportParameters) throws -> Output {
        var data = data
        if let projection = parameters.render.projection { data.projection = projection.rawValue }
        if let theme = parameters.render.theme { data.theme = theme.rawValue }
        switch parameters.format {
        case .json:
            let body = try JSONSerialization.data(
                withJSONObject: ["data": try JSONSerialization.jsonObject(with: data.encoded())],
                options: [.sortedKeys, .withoutEscapingSlashes])
            return Output(body: body, contentType: parameters.format.contentType)
        case .svg:
            return Output(
                body: Data(SVGRenderer.render(data, options: parameters.render).utf8),
                contentType: parameters.format.contentType)
        case .mxGraph:
            return Output(body: Data(MXGraphRenderer.render(data).utf8), contentType: parameters.format.contentType)
        case .png, .pdf:
            // The raster size is decided by RasterOptions; the SVG is drawn at its natural size.
            var svgOptions = parameters.render
            svgOptions.width = nil
            svgOptions.height = nil
            svgOptions.scale = 1
            let svg = SVGRenderer.render(data, options: svgOptions)
            do {
                let body =
                    parameters.format == .png
                    ? try RasterRenderer.png(svg: svg, options: parameters.raster)
                    : try RasterRenderer.pdf(svg: svg, options: parameters.raster)
                return Output(body: body, contentType: parameters.format.contentType)
            } catch {
                throw APIError.invalidParameter(error.description)
            }
        }
    }

    /// The layout of an inventory with the export's filter, exclusions and switches.
    static func blueprint(
        _ inventory: Inventory, name: String, accountID: UUID?, _ parameters: ExportParameters,
        accountNames: [String: String] = [:]
    ) -> BlueprintData {
        var options = LayoutOptions(
            name: name, filter: parameters.filter, excludedTypes: parameters.excludedTypes,
            label: parameters.label, autoconnect: parameters.autoconnect,
            projection: parameters.render.projection?.rawValue ?? "isometric",
            theme: parameters.render.theme?.rawValue ?? "light", liveAccountID: accountID?.apiString,
            detail: parameters.detail, showEmpty: parameters.showEmpty)
        options.accountNames = accountNames
        return Layout.blueprint(for: inventory, options: options)
    }
}

/// Rendering for the CLI: the same parameters and formats as the snapshot route.
public enum DiagramExport {
    /// Lays out `inventory` and renders it as `format` (json, svg, png, pdf, mxGraph) with options named as
    /// the API's query parameters (`projection`, `theme`, `filter`, `exclude`, `width`, ...).
    public static func render(
        _ inventory: Inventory, name: String, format: String, options: [String: String]
    ) throws -> (body: Data, contentType: String) {
        let parameters = try ExportParameters(format: format, value: { options[$0] })
        let data = DiagramExporter.blueprint(inventory, name: name, accountID: nil, parameters)
        let output = try DiagramExporter.export(data, parameters)
        return (output.body, output.contentType)
    }
}

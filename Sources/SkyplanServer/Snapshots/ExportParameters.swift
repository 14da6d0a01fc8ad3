import Foundation
import Hummingbird
import SkyplanDiagram
import SkyplanModel
import SkyplanRender

/// The query parameters of a snapshot or blueprint export (API.md), checked: every bad value is a
/// 400 `invalid_parameter` that names the parameter.
struct ExportParameters: Sendable, Hashable {
    enum Format: String, Sendable, CaseIterable {
        case json, svg, png, pdf, mxGraph

        var contentType: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .svg: "image/svg+xml"
            case .png: "image/png"
            case .pdf: "application/pdf"
            case .mxGraph: "application/xml"
            }
        }
    }

    var format: Format
    var filterText: String?
    var filter: FilterExpression?
    var excludedTypes: Set<ComponentType> = []
    var label = true
    var autoconnect = true
    /// `detail=full` draws attachments (ENIs, volumes, target groups, route tables) as components.
    var detail = LayoutDetail.summary
    /// `empty=show` draws empty subnets and empty default VPCs.
    var showEmpty = false
    var render = RenderOptions()
    var raster = RasterOptions()

    /// A stable text of everything that changes the answer, for the snapshot job key.
    var canonicalQuery: String {
        [
            "format=\(format.rawValue)", "filter=\(filterText ?? "")",
            "exclude=\(excludedTypes.map(\.rawValue).sorted().joined(separator: ","))", "label=\(label)",
            "autoconnect=\(autoconnect)", "detail=\(detail.rawValue)", "empty=\(showEmpty ? "show" : "hide")",
            "projection=\(render.projection?.rawValue ?? "")",
            "theme=\(render.theme?.rawValue ?? "")", "grid=\(render.grid)", "transparent=\(render.transparent)",
            "scale=\(render.scale)", "width=\(render.width.map(String.init) ?? "")",
            "height=\(render.height.map(String.init) ?? "")", "paper=\(raster.paperSize?.rawValue ?? "")",
            "landscape=\(raster.landscape)",
        ].joined(separator: "&")
    }

    init(format text: String, query: Parameters) throws {
        try self.init(format: text, value: { query.get($0) })
    }

    /// Parses from any source of named values (query string, CLI options).
    init(format text: String, value: @escaping (String) -> String?) throws {
        let query = Lookup(value: value)
        guard let format = Format.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            throw APIError.invalidParameter(
                "format \"\(text.prefix(20))\" is not supported; use one of json, svg, png, pdf, mxGraph")
        }
        self.format = format
        if let text = query.get("filter"), !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                filter = try Filter.parse(text)
                filterText = text
            } catch {
                throw APIError.invalidParameter("filter: \(error.description)")
            }
        }
        if let text = query.get("exclude") {
            excludedTypes = Set(
                text.split(separator: ",").map { ComponentType($0.trimmingCharacters(in: .whitespaces).lowercased()) })
            let unknown = excludedTypes.filter { !$0.isKnown }.map(\.rawValue).sorted()
            guard unknown.isEmpty else {
                throw APIError.invalidParameter("exclude: unknown component type \(unknown.joined(separator: ", "))")
            }
        }
        label = try Self.bool(query, "label") ?? true
        autoconnect = try Self.bool(query, "autoconnect") ?? true
        if let text = query.get("detail") {
            guard let value = LayoutDetail(rawValue: text.lowercased()) else {
                throw APIError.invalidParameter("detail must be summary or full (it is \"\(text.prefix(20))\")")
            }
            detail = value
        }
        if let text = query.get("empty") {
            guard ["show", "hide"].contains(text.lowercased()) else {
                throw APIError.invalidParameter("empty must be show or hide (it is \"\(text.prefix(20))\")")
            }
            showEmpty = text.lowercased() == "show"
        }
        let grid = try Self.bool(query, "grid") ?? false
        let transparent = try Self.bool(query, "transparent") ?? false
        let scale = try Self.number(query, "scale")
        let width = try Self.pixels(query, "width")
        let height = try Self.pixels(query, "height")
        var projection: RenderOptions.Projection?
        if let text = query.get("projection") {
            guard let value = RenderOptions.Projection(rawValue: text.lowercased()) else {
                throw APIError.invalidParameter("projection must be isometric or 2d")
            }
            projection = value
        }
        var theme: RenderOptions.Theme?
        if let text = query.get("theme") {
            guard let value = RenderOptions.Theme(rawValue: text.lowercased()) else {
                throw APIError.invalidParameter("theme must be light or dark")
            }
            theme = value
        }
        render = RenderOptions(
            projection: projection, theme: theme, grid: grid, transparent: transparent, scale: scale ?? 1,
            width: width, height: height)
        var paper: PaperSize?
        if let text = query.get("paperSize") {
            do {
                paper = try PaperSize(parsing: text)
            } catch {
                throw APIError.invalidParameter(error.description)
            }
        }
        raster = RasterOptions(
            width: width, height: height, scale: scale, paperSize: paper,
            landscape: try Self.bool(query, "landscape") ?? false)
        if format == .png || format == .pdf {
            // Refused before any work is done (the size after fitting is checked again when drawing).
            do {
                try raster.validate()
            } catch {
                throw APIError.invalidParameter(error.description)
            }
        }
    }

    /// `True`, `true`, `1`, `yes` and their opposites, case-insensitively.
    /// Named values, whatever they come from.
    struct Lookup {
        let value: (String) -> String?
        func get(_ name: String) -> String? { value(name) }
    }

    static func bool(_ query: Lookup, _ name: String) throws -> Bool? {
        guard let text = query.get(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw APIError.invalidParameter("\(name) must be true or false (it is \"\(text.prefix(20))\")")
        }
    }

    static func number(_ query: Lookup, _ name: String) throws -> Double? {
        guard let text = query.get(name) else { return nil }
        guard let value = Double(text), value > 0, value <= 20 else {
            throw APIError.invalidParameter("\(name) must be a number greater than 0 and at most 20")
        }
        return value
    }

    static func pixels(_ query: Lookup, _ name: String) throws -> Int? {
        guard let text = query.get(name) else { return nil }
        guard let value = Int(text), value > 0, value <= 20_000 else {
            throw APIError.invalidParameter(
                "\(name) must be a whole number of pixels from 1 to 20000 (it is \"\(text.prefix(20))\")")
        }
        return value
    }
}

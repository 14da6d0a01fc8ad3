import CRsvg
import Foundation
import SkyplanModel

/// PNG and PDF from an SVG document, through librsvg and cairo (system libraries).
public enum RasterRenderer {
    /// A PNG of `svg`, the drawing fitted and centred in the requested size (default 1920×1080).
    public static func png(svg: String, options: RasterOptions = RasterOptions()) throws(RenderError) -> Data {
        try options.validate()
        let document = try SVGDocument(svg)
        let (width, height) = pixelSize(options, natural: document.size)
        try RasterOptions.checkArea(width: Double(width), height: Double(height), unit: "pixels")
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw RenderError(parameter: "width", reason: "cannot allocate a \(width)×\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        try draw(document, on: surface, width: Double(width), height: Double(height), margin: 0)
        let sink = DataSink()
        let status = cairo_surface_write_to_png_stream(
            surface, dataSinkWrite, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError(parameter: "format", reason: "PNG encoding failed (cairo status \(status.rawValue))")
        }
        return sink.data
    }

    /// A one-page PDF of `svg` on the requested paper (or the drawing's own size), fitted with a margin.
    public static func pdf(svg: String, options: RasterOptions = RasterOptions()) throws(RenderError) -> Data {
        try options.validate()
        let document = try SVGDocument(svg)
        var page: (width: Double, height: Double)
        var margin = 0.0
        if let paper = options.paperSize {
            page = paper.points
            margin = 24
        } else if options.width != nil || options.height != nil {
            let size = pixelSize(options, natural: document.size)
            page = (Double(size.0), Double(size.1))
        } else {
            let scale = options.scale ?? 1
            page = (max(1, document.size.width * scale), max(1, document.size.height * scale))
        }
        if options.landscape, page.width < page.height { page = (page.height, page.width) }
        try RasterOptions.checkArea(width: page.width, height: page.height, unit: "points")
        let sink = DataSink()
        guard
            let surface = cairo_pdf_surface_create_for_stream(
                dataSinkWrite, Unmanaged.passUnretained(sink).toOpaque(), page.width, page.height)
        else { throw RenderError(parameter: "format", reason: "cannot create a PDF surface") }
        do {
            try draw(document, on: surface, width: page.width, height: page.height, margin: margin)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.data
    }

    static func pixelSize(_ options: RasterOptions, natural: (width: Double, height: Double)) -> (Int, Int) {
        let aspect = natural.height > 0 ? natural.width / natural.height : 16.0 / 9.0
        switch (options.width, options.height) {
        case let (w?, h?): return (w, h)
        case let (w?, nil): return (w, max(1, Int(saturating: (Double(w) / aspect).rounded())))
        case let (nil, h?): return (max(1, Int(saturating: (Double(h) * aspect).rounded())), h)
        default:
            guard let scale = options.scale else { return (1920, 1080) }
            return (
                max(1, Int(saturating: (natural.width * scale).rounded())),
                max(1, Int(saturating: (natural.height * scale).rounded()))
            )
        }
    }

    private static func draw(
        _ document: SVGDocument, on surface: OpaquePointer, width: Double, height: Double,
        margin: Double
    ) throws(RenderError) {
        guard let cr = cairo_create(surface) else { throw RenderError(parameter: "format", reason: "cannot draw") }
        defer {
            cairo_destroy(cr)
            // Fonts loaded for this drawing's scale are not kept for the next (see PangoFontMap).
            PangoFontMap.releaseThreadDefault()
        }
        if let background = document.background {
            cairo_set_source_rgb(cr, background.0, background.1, background.2)
            cairo_paint(cr)
        }
        var viewport = RsvgRectangle(
            x: margin, y: margin, width: max(1, width - margin * 2),
            height: max(1, height - margin * 2))
        var error: UnsafeMutablePointer<GError>?
        let ok = rsvg_handle_render_document(document.handle, cr, &viewport, &error)
        if ok == 0 {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if let error { g_error_free(error) }
            throw RenderError(parameter: "svg", reason: "librsvg could not render it: \(message)")
        }
    }
}

/// Collects bytes cairo writes to a stream.
final class DataSink {
    var data = Data()
}

private let dataSinkWrite: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<DataSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

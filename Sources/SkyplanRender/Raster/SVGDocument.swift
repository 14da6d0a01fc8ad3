import CRsvg
import Foundation

/// A parsed librsvg handle with the drawing's natural size and background colour.
final class SVGDocument {
    let handle: UnsafeMutablePointer<RsvgHandle>
    let size: (width: Double, height: Double)
    /// The colour of `<rect id="background" fill="#RRGGBB">`, painted under letterboxing; nil when transparent.
    let background: (Double, Double, Double)?

    init(_ svg: String) throws(RenderError) {
        let bytes = Array(svg.utf8)
        var error: UnsafeMutablePointer<GError>?
        let created = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let created else {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "not an SVG document"
            if let error { g_error_free(error) }
            throw RenderError(parameter: "svg", reason: "librsvg could not read it: \(message)")
        }
        handle = created
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(created, &width, &height) == 0 || width <= 0 || height <= 0 {
            width = 800
            height = 600
        }
        size = (width, height)
        background = Self.backgroundColor(svg)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    static func backgroundColor(_ svg: String) -> (Double, Double, Double)? {
        guard let marker = svg.range(of: "<rect id=\"background\"") else { return nil }
        let tail = svg[marker.upperBound...].prefix(300)
        guard let fill = tail.range(of: "fill=\"#") else { return nil }
        let hex = tail[fill.upperBound...].prefix(6)
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return nil }
        return (Double((value >> 16) & 0xFF) / 255, Double((value >> 8) & 0xFF) / 255, Double(value & 0xFF) / 255)
    }
}

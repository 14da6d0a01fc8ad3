import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Pango's font map for the current thread, through which librsvg lays out text.
///
/// It keeps every font it loads, for each size and transformation asked of it, as long as it lives — and the
/// default one lives as long as its thread. Each PNG or PDF at a scale (or width) no earlier export used adds
/// fonts for that scale: 5,000 PNGs of one blueprint at distinct scales grew a server by 34 MiB and still
/// climbing, the same number at one scale by nothing. Releasing the thread's font map after a render frees
/// them; the next render makes a new one.
enum PangoFontMap {
    /// Lets go of this thread's default font map (pango makes a new one when next asked).
    static func releaseThreadDefault() {
        setDefault?(nil)
    }

    /// This thread's default font map (made now if it has none), not retained; nil where pango is not found.
    static var threadDefault: OpaquePointer? { getDefault?() }

    private static let getDefault: (@convention(c) () -> OpaquePointer?)? = function(
        "pango_cairo_font_map_get_default")

    private static let setDefault: (@convention(c) (OpaquePointer?) -> Void)? = function(
        "pango_cairo_font_map_set_default")

    /// A pango function, found at run time: librsvg brings libpangocairo into the process, but pango's headers
    /// (libpango1.0-dev) are not among the build's dependencies. `set_default(nil)` unsets the calling thread's
    /// default only (pango ≥ 1.32.6).
    private static func function<T>(_ name: String) -> T? {
        #if os(Linux)
            guard let symbol = dlsym(nil, name) else { return nil }
            return unsafeBitCast(symbol, to: T.self)
        #else
            return nil
        #endif
    }
}

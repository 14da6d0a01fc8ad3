import CMalloc

/// Hands the C allocator's free memory back to the system.
///
/// A PNG or PDF export allocates its pixel buffer (8 MiB at 1920×1080) and librsvg's working memory on whichever
/// thread runs it; glibc keeps what each of its per-thread arenas held at its peak, so a server exporting from many
/// threads grew by tens of MiB over minutes without holding anything more. After such an export the free pages are
/// returned (`malloc_trim`, a few milliseconds beside the export's hundreds).
enum FreeMemory {
    static func release() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }
}

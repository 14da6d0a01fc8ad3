import CMalloc
import ServiceLifecycle

/// Hands the C allocator's free memory back to the system every few seconds, until graceful shutdown.
///
/// glibc keeps what each of its per-thread arenas held at its peak, and free pages between live blocks stay
/// resident: a PNG export's 8 MiB pixel buffer or a snapshot's megabytes read from the store, made on whichever
/// thread ran them, left a server under a steady load growing by tens of MiB over minutes without holding anything
/// more (the soak's RSS check). `malloc_trim` returns those pages.
struct MemoryTrimmer: Service {
    var interval: Duration = .seconds(5)

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                Self.trim()
            }
        }
    }

    static func trim() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }
}

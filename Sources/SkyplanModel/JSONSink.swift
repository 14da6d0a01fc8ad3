import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where streamed JSON bytes go: a file, stdout, or memory in tests.
public protocol JSONSink {
    /// Appends `bytes` to the output.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Hands over whatever is buffered; called once when the document is complete.
    mutating func flush() throws
}

extension JSONSink {
    /// Appends the bytes of `data`.
    public mutating func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Appends the UTF-8 bytes of `text`.
    public mutating func write(_ text: StaticString) throws {
        try write(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func flush() throws {}
}

/// Memory as a sink: the document accumulates in the `Data`.
extension Data: JSONSink {
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        append(contentsOf: bytes)
    }
}

/// A file (or stdout) as a sink, written in chunks of `chunkSize` bytes so the document is never whole in
/// memory.
public struct FileHandleJSONSink: JSONSink {
    /// The file written to.
    public let handle: FileHandle
    /// How many bytes are buffered before a write.
    public let chunkSize: Int
    private var buffer: [UInt8] = []
    /// How many bytes have been handed to the file so far.
    public private(set) var bytesWritten = 0

    /// A sink over `handle` that writes every `chunkSize` bytes (64 KB by default).
    public init(handle: FileHandle, chunkSize: Int = 64 * 1024) {
        self.handle = handle
        self.chunkSize = max(chunkSize, 1)
        buffer.reserveCapacity(self.chunkSize)
    }

    /// A sink over the file at `path`, created or truncated (not replaced: `/dev/null` and pipes work). The
    /// file closes when the sink's handle is released.
    public init(path: String, chunkSize: Int = 64 * 1024) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.init(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), chunkSize: chunkSize)
    }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try flush() }
    }

    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

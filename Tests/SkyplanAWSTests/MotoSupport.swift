import Foundation

@testable import SkyplanAWS

/// A private moto server started by a test, in signature-checking mode (`INITIAL_NO_AUTH_ACTION_COUNT`).
final class MotoServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    init(environment extra: [String: String]) throws {
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until the server answers (it takes about a second to start).
    func waitUntilReady() async throws {
        for _ in 0..<100 {
            if (try? await URLSession.shared.data(from: url.appendingPathComponent("moto-api/"))) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw AWSError(kind: .connection, code: "MotoNotReady", message: "moto did not start on \(port)")
    }

    /// Stops the server and waits for it (call it in a `defer`: a test process may end before `deinit` runs,
    /// and an orphaned moto would outlive the test run). SIGKILL, because a child of the test process inherits
    /// its blocked signal mask, SIGTERM and SIGINT included, and would ignore `terminate()`.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    static func freePort() throws -> Int {
        let output = try runPython(
            "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw AWSError(kind: .connection, code: "NoPort", message: "no free port")
        }
        return port
    }

    /// Runs a python snippet and returns its standard output.
    @discardableResult
    static func runPython(_ code: String, environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

import Foundation
import SkyplanAWS

/// Seeds moto with a Skyplan environment file through `demo/seed.py` (boto3), in accounts of its own.
struct MotoEnvironment {
    /// The moto URL the tests run against (`SKYPLAN_MOTO_URL`).
    static var url: String? { ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"] }
    static var enabled: Bool { url != nil }

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fresh random 12-digit account id (moto switches account on AssumeRole into it).
    static func freshAccount() -> String {
        let digits = String(Int.random(in: 0..<100_000_000_000))
        return "5" + String(repeating: "0", count: 11 - digits.count) + digits
    }

    /// Seeds `environment` (JSON text, account ids already chosen) and returns the seeder's summary:
    /// accounts → resources by logical name (`type`, `region`, `id`, `arn`, ...).
    static func seed(_ environment: String) throws -> [String: Any] {
        guard let url else { throw SeedFailure(message: "SKYPLAN_MOTO_URL is not set") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skyplan-discovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let envFile = directory.appendingPathComponent("environment.json")
        let outFile = directory.appendingPathComponent("summary.json")
        try Data(environment.utf8).write(to: envFile)
        _ = try python(
            [root.appendingPathComponent("demo/seed.py").path, url, "--env", envFile.path, "--out", outFile.path],
            name: "seed.py")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: outFile)) as? [String: Any]
        return summary?["accounts"] as? [String: Any] ?? [:]
    }

    /// The demo environment (`demo/environment.json`) moved to fresh account ids.
    static func demo() throws -> (text: String, production: String, staging: String) {
        let text = try String(contentsOf: root.appendingPathComponent("demo/environment.json"), encoding: .utf8)
        let production = freshAccount()
        let staging = freshAccount()
        let moved = text.replacingOccurrences(of: "111111111111", with: production)
            .replacingOccurrences(of: "222222222222", with: staging)
        return (moved, production, staging)
    }

    /// A client for moto acting as `account` (AssumeRole into `arn:aws:iam::<account>:role/skyplan`).
    static func client(account: String, transport: (any HTTPTransport)? = nil) async throws -> AWSClient {
        guard let url = url.flatMap(URL.init(string:)) else {
            throw SeedFailure(message: "SKYPLAN_MOTO_URL is not set")
        }
        let base = AWSClient(
            transport: transport ?? AsyncHTTPClientTransport(),
            credentials: StaticCredentialProvider(accessKeyID: "testing", secretAccessKey: "testing"),
            configuration: AWSConfiguration(region: "us-east-1", endpointURL: url))
        return await AssumedRoleCache(stsClient: base).client(
            roleARN: "arn:aws:iam::\(account):role/skyplan", externalID: nil)
    }
}

struct SeedFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A transport that answers AccessDenied for one service (by the SigV4 credential scope) and passes the rest on.
struct DenyingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let deniedService: String

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let authorization = request.headers.first { $0.key.lowercased() == "authorization" }?.value ?? ""
        if authorization.contains("/\(deniedService)/aws4_request") {
            let body =
                "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized "
                + "to perform \(deniedService):Describe*</Message></Error><RequestId>denied-1</RequestId></ErrorResponse>"
            return HTTPResponse(status: 403, headers: ["content-type": "text/xml"], body: Data(body.utf8))
        }
        return try await inner.send(request, timeout: timeout)
    }
}

extension MotoEnvironment {
    /// Runs `python3 <arguments>` and returns its standard output; a failure throws with its standard error.
    static func python(_ arguments: [String], name: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        // moto takes any credentials, but boto3 must have some: `make test` does not set them.
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = environment["AWS_ACCESS_KEY_ID"] ?? "testing"
        environment["AWS_SECRET_ACCESS_KEY"] = environment["AWS_SECRET_ACCESS_KEY"] ?? "testing"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Seeders print at the end, and a failure's traceback is small: reading one pipe after the other is safe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SeedFailure(message: "\(name) failed: " + String(decoding: message, as: UTF8.self))
        }
        return data
    }
}

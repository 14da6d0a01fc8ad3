import AWSSigV4
import Foundation

/// Credentials of a named profile in the shared files: static keys, `role_arn` + `source_profile`
/// (assumed through STS, with `external_id`, `role_session_name`, `duration_seconds`), or
/// `credential_process`.
///
/// See https://docs.aws.amazon.com/sdkref/latest/guide/feature-assume-role-credentials.html
public struct ProfileCredentialProvider: CredentialProvider {
    /// Runs a `credential_process` command line and returns its standard output.
    public typealias ProcessRunner = @Sendable (String) async throws -> Data

    let files: SharedConfigFiles
    let profile: String
    let stsClient: AWSClient
    let runProcess: ProcessRunner

    /// Creates a provider for `profile`; `stsClient` (any credentials) carries the STS calls.
    public init(
        profile: String, files: SharedConfigFiles, stsClient: AWSClient,
        runProcess: @escaping ProcessRunner = ProfileCredentialProvider.shellRunner
    ) {
        self.profile = profile
        self.files = files
        self.stsClient = stsClient
        self.runProcess = runProcess
    }

    /// Resolves the profile.
    public func credentials() async throws -> AWSCredentials {
        try await resolve(profile, visited: [])
    }

    private func resolve(_ name: String, visited: [String]) async throws -> AWSCredentials {
        guard let settings = files.profile(name) else {
            throw AWSError.credentials("profile \"\(name)\" is not in the shared config or credentials file")
        }
        if let roleARN = settings["role_arn"] {
            guard !visited.contains(name) else {
                throw AWSError.credentials("profile \"\(name)\" has a source_profile cycle: \(visited + [name])")
            }
            let source: AWSCredentials
            if let sourceProfile = settings["source_profile"] {
                source =
                    sourceProfile == name
                    ? try staticKeys(settings, name) : try await resolve(sourceProfile, visited: visited + [name])
            } else {
                throw AWSError.credentials("profile \"\(name)\" has role_arn but no source_profile")
            }
            var client = stsClient.with(credentials: StaticCredentialProvider(source))
            if let region = settings["region"] { client = client.with(region: region) }
            let assumed = try await client.assumeRole(
                roleARN: roleARN, externalID: settings["external_id"],
                sessionName: settings["role_session_name"] ?? "skyplan-profile",
                duration: settings["duration_seconds"].flatMap(Int.init) ?? 3600)
            return assumed.credentials
        }
        if let command = settings["credential_process"] {
            return try ProcessCredentialDocument.parse(try await runProcess(command), source: "credential_process")
        }
        return try staticKeys(settings, name)
    }

    private func staticKeys(_ settings: [String: String], _ name: String) throws -> AWSCredentials {
        guard let key = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"] else {
            throw AWSError.credentials("profile \"\(name)\" has no keys, role_arn or credential_process")
        }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: settings["aws_session_token"])
    }

    /// Runs the command through `/bin/sh -c` and returns its standard output; a non-zero exit is an error.
    public static let shellRunner: ProcessRunner = { command in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw AWSError.credentials("credential_process could not start")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AWSError.credentials("credential_process exited with status \(process.terminationStatus)")
        }
        return data
    }
}

/// The JSON credential documents of `credential_process`, ECS and IMDS:
/// `{"AccessKeyId", "SecretAccessKey", "SessionToken" | "Token", "Expiration"}`.
enum ProcessCredentialDocument {
    static func parse(_ data: Data, source: String) throws -> AWSCredentials {
        guard let object = (try? JSONCoding.decode(data))?.objectValue,
            let key = object["AccessKeyId"]?.stringValue, let secret = object["SecretAccessKey"]?.stringValue
        else { throw AWSError.credentials("\(source) did not answer a credentials document") }
        let token = object["SessionToken"]?.stringValue ?? object["Token"]?.stringValue
        let expiration = object["Expiration"]?.stringValue.flatMap(STSCredentialsParser.parseDate)
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }
}

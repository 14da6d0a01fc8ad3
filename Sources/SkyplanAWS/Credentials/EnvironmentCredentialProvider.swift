import AWSSigV4
import Foundation

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optional `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    let environment: [String: String]

    /// Reads from the given environment (the edge passes `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The variables' credentials, or a `.credentials` error when they are not set.
    public func credentials() async throws -> AWSCredentials {
        guard let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else { throw AWSError.credentials("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY not set") }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }
}

/// The shared `credentials` and `config` files, parsed: profile name → key → value.
///
/// See https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
public struct SharedConfigFiles: Sendable, Hashable {
    /// Profiles of the credentials file (`[name]`).
    public var credentials: [String: [String: String]]
    /// Profiles of the config file (`[default]`, `[profile name]`).
    public var config: [String: [String: String]]

    /// Parses the two files' contents.
    public init(credentialsText: String?, configText: String?) {
        credentials = Self.parse(credentialsText ?? "", isConfig: false)
        config = Self.parse(configText ?? "", isConfig: true)
    }

    /// Reads the files at the standard paths (`AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE`, `~/.aws/...`).
    public static func load(environment: [String: String]) -> SharedConfigFiles {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
        let configPath = environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config"
        return SharedConfigFiles(
            credentialsText: try? String(contentsOfFile: expand(credentialsPath, home: home), encoding: .utf8),
            configText: try? String(contentsOfFile: expand(configPath, home: home), encoding: .utf8))
    }

    /// Settings of a profile: the credentials file wins over the config file, key by key.
    public func profile(_ name: String) -> [String: String]? {
        let fromConfig = config[name]
        let fromCredentials = credentials[name]
        if fromConfig == nil, fromCredentials == nil { return nil }
        return (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { $1 }
    }

    static func expand(_ path: String, home: String) -> String {
        path.hasPrefix("~/") ? home + path.dropFirst(1) : path
    }

    static func parse(_ text: String, isConfig: Bool) -> [String: [String: String]] {
        var profiles: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                var name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if isConfig, name.hasPrefix("profile ") {
                    name = String(name.dropFirst("profile ".count)).trimmingCharacters(in: .whitespaces)
                } else if isConfig, name != "default" {
                    current = nil  // `[sso-session x]`, `[services x]`: not profiles.
                    continue
                }
                current = name
                profiles[name, default: [:]] = profiles[name] ?? [:]
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") ?? value.range(of: " ;") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            profiles[current]?[key] = value
        }
        return profiles
    }
}

import AWSSigV4
import Foundation

/// Web identity (EKS IRSA): `AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE`, exchanged with STS.
public struct WebIdentityCredentialProvider: CredentialProvider {
    let roleARN: String
    let tokenFile: String
    let sessionName: String
    let stsClient: AWSClient

    /// Creates the provider; `stsClient` carries the (unsigned) STS call.
    public init(roleARN: String, tokenFile: String, sessionName: String = "skyplan", stsClient: AWSClient) {
        self.roleARN = roleARN
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.stsClient = stsClient.with(credentials: AnonymousCredentialProvider())
    }

    /// Reads the token (it rotates) and exchanges it.
    public func credentials() async throws -> AWSCredentials {
        guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
            throw AWSError.credentials("cannot read the web identity token file")
        }
        return try await stsClient.assumeRoleWithWebIdentity(
            roleARN: roleARN, token: token.trimmingCharacters(in: .whitespacesAndNewlines), sessionName: sessionName)
    }
}

/// ECS/EKS Pod Identity container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on 169.254.170.2)
/// or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]`.
public struct ContainerCredentialProvider: CredentialProvider {
    let environment: [String: String]
    let transport: any HTTPTransport

    /// Creates the provider from the environment.
    public init(environment: [String: String], transport: any HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    /// Fetches the credentials document.
    public func credentials() async throws -> AWSCredentials {
        let address: String
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            address = "http://169.254.170.2" + relative
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            address = full
        } else {
            throw AWSError.credentials("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set")
        }
        guard let url = URL(string: address) else { throw AWSError.credentials("container credentials URI invalid") }
        var headers: [String: String] = [:]
        if let file = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"],
            let token = try? String(contentsOfFile: file, encoding: .utf8)
        {
            headers["authorization"] = token.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            headers["authorization"] = token
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(
                HTTPRequest(method: "GET", url: url, headers: headers), timeout: .seconds(2))
        } catch {
            throw AWSError.credentials("container credentials endpoint unreachable")
        }
        guard response.status == 200 else {
            throw AWSError.credentials("container credentials endpoint answered HTTP \(response.status)")
        }
        return try ProcessCredentialDocument.parse(response.body, source: "container credentials endpoint")
    }
}

/// EC2 instance metadata (IMDSv2): a session token first (PUT), then the role's credentials.
/// See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    let endpoint: String
    let transport: any HTTPTransport

    /// Creates the provider; `AWS_EC2_METADATA_SERVICE_ENDPOINT` overrides `http://169.254.169.254`.
    public init(environment: [String: String], transport: any HTTPTransport) {
        var endpoint = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://169.254.169.254"
        if endpoint.hasSuffix("/") { endpoint.removeLast() }
        self.endpoint = endpoint
        self.transport = transport
    }

    /// Token, role name, credentials.
    public func credentials() async throws -> AWSCredentials {
        let token = try await call("PUT", "/latest/api/token", ["x-aws-ec2-metadata-token-ttl-seconds": "21600"])
        let tokenHeader = ["x-aws-ec2-metadata-token": String(decoding: token, as: UTF8.self)]
        let names = try await call("GET", "/latest/meta-data/iam/security-credentials/", tokenHeader)
        guard let role = String(decoding: names, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
            throw AWSError.credentials("the instance has no IAM role")
        }
        let document = try await call("GET", "/latest/meta-data/iam/security-credentials/\(role)", tokenHeader)
        return try ProcessCredentialDocument.parse(document, source: "instance metadata")
    }

    private func call(_ method: String, _ path: String, _ headers: [String: String]) async throws -> Data {
        guard let url = URL(string: endpoint + path) else { throw AWSError.credentials("metadata endpoint invalid") }
        let response: HTTPResponse
        do {
            response = try await transport.send(
                HTTPRequest(method: method, url: url, headers: headers), timeout: .seconds(1))
        } catch {
            throw AWSError.credentials("instance metadata unreachable")
        }
        guard response.status == 200 else {
            throw AWSError.credentials("instance metadata answered HTTP \(response.status) to \(method) \(path)")
        }
        return response.body
    }
}

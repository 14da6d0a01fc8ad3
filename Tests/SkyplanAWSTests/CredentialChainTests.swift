import Foundation
import Synchronization
import Testing

@testable import SkyplanAWS

/// The credential chain, case by case, with variables and files made in the test.
@Suite struct CredentialChainTests {
    static let assumeRoleAnswer = """
        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>
        <SecretAccessKey>rolesecret</SecretAccessKey><SessionToken>roletoken</SessionToken>
        <Expiration>2015-08-30T13:36:00Z</Expiration></Credentials><AssumedRoleUser>
        <Arn>arn:aws:sts::111122223333:assumed-role/r/s</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>
        """

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func chain(
        _ environment: [String: String],
        files: SharedConfigFiles = SharedConfigFiles(
            credentialsText: nil,
            configText: nil), transport: FakeHTTPTransport
    ) -> CachedCredentialProvider {
        var environment = environment
        environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] =
            environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]
            ?? "http://127.0.0.1:9"
        let sts = TestSupport.client(transport)
        return DefaultCredentialChain.make(environment: environment, files: files, transport: transport, stsClient: sts)
    }

    @Test func environmentVariablesComeFirst() async throws {
        let fake = FakeHTTPTransport { _, _ in throw TransportError(.connection, "none") }
        let files = SharedConfigFiles(
            credentialsText: "[default]\naws_access_key_id=AKIAFILE\naws_secret_access_key=f\n",
            configText: nil)
        let provider = chain(
            ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t"],
            files: files, transport: fake)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "AKIAENV")
        #expect(credentials.sessionToken == "t")
    }

    @Test func sharedFilesWithAWSProfile() async throws {
        let directory = try temporaryDirectory()
        try "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\n[dev]\naws_access_key_id=AKIADEV\n"
            .write(to: directory.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        try "[profile dev]\naws_secret_access_key = devsecret ; comment\nregion = eu-west-1\n[sso-session x]\nfoo=1\n"
            .write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let environment = [
            "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("credentials").path,
            "AWS_CONFIG_FILE": directory.appendingPathComponent("config").path, "AWS_PROFILE": "dev",
        ]
        let files = SharedConfigFiles.load(environment: environment)
        let fake = FakeHTTPTransport { _, _ in throw TransportError(.connection, "none") }
        let credentials = try await chain(environment, files: files, transport: fake).credentials()
        #expect(credentials.accessKeyID == "AKIADEV")
        #expect(credentials.secretAccessKey == "devsecret")
        #expect(files.profile("x") == nil)
    }

    @Test func roleARNWithSourceProfileAssumesTheRole() async throws {
        let files = SharedConfigFiles(
            credentialsText: "[base]\naws_access_key_id=AKIABASE\naws_secret_access_key=b\n",
            configText: "[profile ops]\nrole_arn=arn:aws:iam::111122223333:role/r\nsource_profile=base\n"
                + "external_id=ext-1\nrole_session_name=s\n")
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, Self.assumeRoleAnswer) }
        let credentials = try await chain(["AWS_PROFILE": "ops"], files: files, transport: fake).credentials()
        #expect(credentials.accessKeyID == "ASIAROLE")
        #expect(credentials.sessionToken == "roletoken")
        let request = try #require(fake.requests.first)
        let form = TestSupport.form(request)
        #expect(form["RoleArn"] == "arn:aws:iam::111122223333:role/r")
        #expect(form["ExternalId"] == "ext-1")
        #expect(request.headers["authorization"]?.contains("Credential=AKIABASE/") == true)
    }

    @Test func sourceProfileCycleIsAnError() async throws {
        let files = SharedConfigFiles(
            credentialsText: nil,
            configText:
                "[profile a]\nrole_arn=arn:aws:iam::111122223333:role/a\nsource_profile=b\n"
                + "[profile b]\nrole_arn=arn:aws:iam::111122223333:role/b\nsource_profile=a\n")
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, Self.assumeRoleAnswer) }
        let error = await TestSupport.awsError {
            _ = try await ProfileCredentialProvider(profile: "a", files: files, stsClient: TestSupport.client(fake))
                .credentials()
        }
        #expect(error?.message.contains("cycle") == true)
    }

    @Test func credentialProcessOutputIsUsed() async throws {
        let files = SharedConfigFiles(
            credentialsText: nil,
            configText:
                "[default]\ncredential_process = printf '{\"Version\":1,\"AccessKeyId\":\"AKIAPROC\",\"SecretAccessKey\":\"p\","
                + "\"SessionToken\":\"pt\",\"Expiration\":\"2099-01-01T00:00:00Z\"}'\n")
        let fake = FakeHTTPTransport { _, _ in throw TransportError(.connection, "none") }
        let credentials = try await chain([:], files: files, transport: fake).credentials()
        #expect(credentials.accessKeyID == "AKIAPROC")
        #expect(credentials.expiration != nil)
    }

    @Test func webIdentityExchangesTheTokenUnsigned() async throws {
        let directory = try temporaryDirectory()
        let tokenFile = directory.appendingPathComponent("token")
        try "oidc-token\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        let answer = Self.assumeRoleAnswer.replacingOccurrences(of: "AssumeRole", with: "AssumeRoleWithWebIdentity")
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, answer) }
        let credentials = try await chain(
            ["AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/eks", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path],
            transport: fake
        ).credentials()
        #expect(credentials.accessKeyID == "ASIAROLE")
        let request = try #require(fake.requests.first)
        #expect(request.headers["authorization"] == nil)
        #expect(TestSupport.form(request)["WebIdentityToken"] == "oidc-token")
    }

    @Test func containerCredentialsWithAuthorizationToken() async throws {
        let fake = FakeHTTPTransport { request, _ in
            #expect(request.url.absoluteString == "http://169.254.170.2/v2/credentials/abc")
            #expect(request.headers["authorization"] == "Bearer x")
            return TestSupport.response(
                200,
                #"{"AccessKeyId":"ASIAECS","SecretAccessKey":"e","Token":"et","#
                    + #""Expiration":"2099-01-01T00:00:00Z"}"#)
        }
        let credentials = try await chain(
            [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN":
                    "Bearer x",
            ], transport: fake
        ).credentials()
        #expect(credentials.accessKeyID == "ASIAECS")
        #expect(credentials.sessionToken == "et")
    }

    @Test func instanceMetadataAsksForATokenFirst() async throws {
        let fake = FakeHTTPTransport { request, _ in
            switch (
                request.method, request.url.absoluteString.replacingOccurrences(of: "http://169.254.169.254", with: "")
            ) {
            case ("PUT", "/latest/api/token"): return TestSupport.response(200, "imds-token")
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                #expect(request.headers["x-aws-ec2-metadata-token"] == "imds-token")
                return TestSupport.response(200, "web-role\n")
            case ("GET", "/latest/meta-data/iam/security-credentials/web-role"):
                return TestSupport.response(200, #"{"AccessKeyId":"ASIAIMDS","SecretAccessKey":"i","Token":"it"}"#)
            default: return TestSupport.response(404, "")
            }
        }
        let provider = chain(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://169.254.169.254"], transport: fake)
        #expect(try await provider.credentials().accessKeyID == "ASIAIMDS")
        #expect(fake.requests.map(\.method) == ["PUT", "GET", "GET"])
    }

    @Test func nothingFoundListsEveryProvider() async throws {
        let fake = FakeHTTPTransport { _, _ in throw TransportError(.connection, "none") }
        let error = await TestSupport.awsError { _ = try await chain([:], transport: fake).credentials() }
        #expect(error?.kind == .credentials)
        #expect(error?.message.contains("environment") == true)
        #expect(error?.message.contains("instance metadata") == true)
    }
}

import Foundation
import Testing

@testable import SkyplanAWS

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Real calls to moto: one per wire protocol in signature-checking mode, and AssumeRole across accounts.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"] != nil))
struct MotoIntegrationTests {
    static var sharedMoto: URL? { ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"].flatMap { URL(string: $0) } }

    static func client(_ url: URL, _ credentials: any CredentialProvider, region: String = "us-east-1") -> AWSClient {
        AWSClient(
            credentials: credentials,
            configuration: AWSConfiguration(region: region, endpointURL: url, retry: RetryConfiguration(maxAttempts: 2))
        )
    }

    @Test func assumeRoleSwitchesAccount() async throws {
        let url = try #require(Self.sharedMoto)
        let base = Self.client(url, StaticCredentialProvider(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x"))
        let cache = AssumedRoleCache(stsClient: base)
        let client = await cache.client(roleARN: "arn:aws:iam::210987654321:role/skyplan-aws-test", externalID: "e-1")
        let identity = try await client.getCallerIdentity()
        #expect(identity.account == "210987654321")
        #expect(identity.arn.contains("assumed-role/skyplan-aws-test"))
        let vpcs = try await client.describeVpcs(region: "eu-west-1")
        #expect(vpcs.contains { $0.isDefault })
        // REST-JSON and REST-XML answers decode (moto without signature checking).
        let functions = try await client.restJSON(AWSOperation.Lambda.listFunctions, region: "eu-west-1")
        #expect(functions["Functions"]?.arrayValue != nil)
        let zones = try await client.restXML(AWSOperation.Route53.listHostedZones)
        #expect(zones.name == "ListHostedZonesResponse")
    }

    @Test func everyProtocolSucceedsWithSignatureCheckingAndAWrongSecretIsRefused() async throws {
        let moto = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "0"])
        defer { moto.stop() }
        try await moto.waitUntilReady()
        var reset = URLRequest(url: moto.url.appendingPathComponent("moto-api/reset-auth"))
        reset.httpMethod = "POST"
        reset.setValue("text/plain", forHTTPHeaderField: "Content-Type")
        reset.httpBody = Data("3".utf8)
        _ = try await URLSession.shared.data(for: reset)
        let keys = try MotoServer.runPython(
            """
            import boto3
            iam = boto3.client('iam', endpoint_url='\(moto.url.absoluteString)', region_name='us-east-1',
                aws_access_key_id='AKIAIOSFODNN7EXAMPLE', aws_secret_access_key='x')
            iam.create_user(UserName='skyplan')
            iam.put_user_policy(UserName='skyplan', PolicyName='all', PolicyDocument='{"Version":"2012-10-17",'
                '"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}')
            key = iam.create_access_key(UserName='skyplan')['AccessKey']
            print(key['AccessKeyId'], key['SecretAccessKey'])
            """
        ).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try #require(keys.count == 2)
        let good = Self.client(moto.url, StaticCredentialProvider(accessKeyID: keys[0], secretAccessKey: keys[1]))
        // query
        #expect(try await good.getCallerIdentity().arn.hasSuffix(":user/skyplan"))
        // ec2
        _ = try await good.describeVpcs()
        // JSON 1.0 and 1.1
        _ = try await good.json(AWSOperation.DynamoDB.listTables)
        _ = try await good.json(AWSOperation.ECS.listClusters)
        // REST-XML
        _ = try await good.restXML(AWSOperation.S3.listBuckets)
        // REST-JSON: moto answers AccessDenied to every REST-JSON call in this mode (boto3 too, right secret or
        // wrong), so the signature is proven against botocore's signer for the same request instead.
        let restJSON = await TestSupport.awsError { _ = try await good.restJSON(AWSOperation.Lambda.listFunctions) }
        #expect(restJSON == nil || restJSON?.code == "AccessDenied")
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, "{}") }
        var offline = TestSupport.client(fake)
        offline.configuration.endpointURL = URL(string: "https://lambda.eu-west-1.amazonaws.com")
        _ = try await offline.restJSON(
            AWSOperation.Lambda.listFunctions, query: [QueryItem("MaxItems", "50"), QueryItem("Marker", "a b/c")])
        let request = try #require(fake.requests.first)
        let ours = request.headers["authorization"]?.components(separatedBy: "Signature=").last ?? ""
        let theirs = try MotoServer.runPython(
            """
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            r = AWSRequest(method='GET', url='\(request.url.absoluteString)', headers={'X-Amz-Date': '\(request.headers["x-amz-date"] ?? "")', 'X-Amz-Security-Token': 'TOKENSECRET'})
            r.context['timestamp'] = '\(request.headers["x-amz-date"] ?? "")'
            auth = SigV4Auth(Credentials('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'TOKENSECRET'), 'lambda', 'eu-west-1')
            cr = auth.canonical_request(r)
            print(auth.signature(auth.string_to_sign(r, cr), r))
            """
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(ours == theirs)

        let wrong = Self.client(moto.url, StaticCredentialProvider(accessKeyID: keys[0], secretAccessKey: "wrong"))
        let error = await TestSupport.awsError { _ = try await wrong.getCallerIdentity() }
        #expect(error?.code == "SignatureDoesNotMatch")
        let ec2Error = await TestSupport.awsError { _ = try await wrong.describeVpcs() }
        #expect(ec2Error?.status == 401 || ec2Error?.status == 403)
    }
}

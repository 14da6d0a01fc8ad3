import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS

/// The operation catalog is read-only and drives the IAM policies; endpoints per partition.
@Suite struct CatalogAndEndpointTests {
    @Test func catalogHoldsOnlyReadOperations() {
        #expect(AWSOperation.all.count > 60)
        for operation in AWSOperation.all {
            let readVerb = AWSOperation.readOnlyPrefixes.contains { operation.name.hasPrefix($0) }
            #expect(readVerb || operation.name.hasPrefix("AssumeRole"), "\(operation) is not a read operation")
            #expect(operation.isReadOnly)
        }
        #expect(Set(AWSOperation.all.map(\.description)).count == AWSOperation.all.count)
        for name in ["DeleteVpc", "CreateRole", "PutObject", "UpdateService", "TerminateInstances", "Listen"] {
            #expect(!AWSOperation(.ec2, name).isReadOnly)
        }
    }

    @Test func minimalPolicyListsExactlyTheCatalogActions() throws {
        let document = MinimalPolicy.document()
        let policy = try JSONDecoder().decode(JSONValue.self, from: Data(document.utf8))
        let actions = policy["Statement"]?.arrayValue?.first?["Action"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(actions == MinimalPolicy.actions())
        #expect(actions.contains("ec2:DescribeInstances"))
        #expect(actions.contains("s3:ListAllMyBuckets"))
        #expect(actions.contains("apigateway:GET"))
        #expect(!actions.contains { $0.hasPrefix("sts:") })
        #expect(
            actions.allSatisfy {
                $0.contains(":Describe") || $0.contains(":List") || $0.contains(":Get") || $0 == "apigateway:GET"
            })
        let ec2Only = MinimalPolicy.actions(services: ["ec2"])
        #expect(ec2Only.allSatisfy { $0.hasPrefix("ec2:") } && ec2Only.count == AWSOperation.EC2.all.count)
        #expect(MinimalPolicy.document() == MinimalPolicy.document())
    }

    @Test func wildcardPolicyIsServiceLevelReadOnly() {
        let document = MinimalPolicy.wildcardDocument()
        #expect(document.contains("\"ec2:Describe*\""))
        #expect(document.contains("\"elasticloadbalancing:Describe*\""))
        #expect(!document.contains("Create") && !document.contains("Delete"))
    }

    @Test(arguments: [
        ("ec2", "eu-west-1", "https://ec2.eu-west-1.amazonaws.com", "eu-west-1"),
        ("iam", "eu-west-1", "https://iam.amazonaws.com", "us-east-1"),
        ("iam", "cn-north-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("iam", "us-gov-east-1", "https://iam.us-gov.amazonaws.com", "us-gov-west-1"),
        ("sts", "ap-south-1", "https://sts.ap-south-1.amazonaws.com", "ap-south-1"),
        ("cloudfront", "eu-west-1", "https://cloudfront.amazonaws.com", "us-east-1"),
        ("route53", "cn-northwest-1", "https://route53.amazonaws.com.cn", "cn-northwest-1"),
        ("organizations", "eu-west-1", "https://organizations.us-east-1.amazonaws.com", "us-east-1"),
        ("cloudwatch", "eu-west-1", "https://monitoring.eu-west-1.amazonaws.com", "eu-west-1"),
        ("elbv2", "cn-north-1", "https://elasticloadbalancing.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("pricing", "eu-west-1", "https://api.pricing.us-east-1.amazonaws.com", "us-east-1"),
        ("ce", "eu-west-1", "https://ce.us-east-1.amazonaws.com", "us-east-1"),
        ("ce", "cn-north-1", "https://ce.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"),
    ])
    func resolvesEndpointsPerPartition(service: String, region: String, url: String, signingRegion: String) throws {
        let descriptor = try #require(AWSService.all.first { $0.id == service })
        let endpoint = try AWSEndpoint.resolve(service: descriptor, region: region, configuration: AWSConfiguration())
        #expect(endpoint.url.absoluteString == url)
        #expect(endpoint.signingRegion == signingRegion)
    }

    @Test(arguments: [
        "sts.evil.example/#", "evil.example", "us-east-1.evil.example", "us-east-1/x", "us-east-1#",
        "us-east-+1", "us--east-1", "US-EAST-1", "us-east-1@evil", "", "eu-west-1 ", "eu-west-\u{0661}",
    ])
    func refusesARegionThatIsNotARegionName(region: String) async throws {
        #expect(throws: AWSError.self) {
            try AWSEndpoint.resolve(service: .sts, region: region, configuration: AWSConfiguration())
        }
        // Also with an endpoint override, and through a whole call: nothing is sent anywhere.
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, CredentialChainTests.assumeRoleAnswer) }
        await #expect(throws: AWSError.self) {
            _ = try await TestSupport.client(fake).assumeRole(
                roleARN: "arn:aws:iam::111122223333:role/r", externalID: "ext", sessionName: "scan", duration: 900,
                region: region)
        }
        #expect(fake.requests.isEmpty)
    }

    @Test func endpointOverridesFromTheEnvironment() throws {
        let configuration = AWSConfiguration.fromEnvironment([
            "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2": "http://lb:1",
            "AWS_REGION": "eu-central-1", "AWS_MAX_ATTEMPTS": "7", "AWS_RETRY_MODE": "adaptive",
        ])
        #expect(configuration.region == "eu-central-1")
        #expect(configuration.retry.maxAttempts == 7 && configuration.retry.mode == .adaptive)
        let ec2 = try AWSEndpoint.resolve(service: .ec2, region: "eu-central-1", configuration: configuration)
        #expect(ec2.url.absoluteString == "http://127.0.0.1:5000")
        let lb = try AWSEndpoint.resolve(service: .elbv2, region: "eu-central-1", configuration: configuration)
        #expect(lb.url.absoluteString == "http://lb:1")
        let fips = AWSConfiguration(useFIPS: true)
        #expect(
            try AWSEndpoint.resolve(service: .ec2, region: "us-east-1", configuration: fips).url.host
                == "ec2-fips.us-east-1.amazonaws.com")
    }
}

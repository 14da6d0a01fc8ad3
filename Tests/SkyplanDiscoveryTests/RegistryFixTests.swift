import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS
@testable import SkyplanDiscovery

/// The pure parts of issue #14's last families: image URIs, user pool triggers, web ACL targets.
@Suite struct RegistryFixTests {
    @Test func anECRImageURINamesItsRepositoryWhateverItsTagOrDigest() {
        let repo = "arn:aws:ecr:eu-west-1:345600000001:repository/team/app"
        for image in [
            "345600000001.dkr.ecr.eu-west-1.amazonaws.com/team/app",
            "345600000001.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.4",
            "345600000001.dkr.ecr.eu-west-1.amazonaws.com/team/app@sha256:" + String(repeating: "a", count: 64),
            "345600000001.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.4@sha256:" + String(repeating: "b", count: 64),
        ] {
            #expect(ARNs.ecrRepository(image: image) == repo, "\(image)")
        }
        #expect(
            ARNs.ecrRepository(image: "345600000001.dkr.ecr.cn-north-1.amazonaws.com.cn/app:2")
                == "arn:aws-cn:ecr:cn-north-1:345600000001:repository/app")
    }

    @Test func imagesOfOtherRegistriesNameNoRepository() {
        for image in [
            "nginx", "nginx:1.25", "library/nginx:1.25", "public.ecr.aws/nginx/nginx:1.25",
            "ghcr.io/org/app:1", "registry.example.com:5000/app:1",
            "345600000001.dkr.ecr.mars-east-1.amazonaws.com/app:1", "12345.dkr.ecr.eu-west-1.amazonaws.com/app:1",
            "345600000001.dkr.ecr.eu-west-1.amazonaws.com/",
        ] {
            #expect(ARNs.ecrRepository(image: image) == nil, "\(image)")
        }
    }
}

extension RegistryFixTests {
    @Test func aUserPoolsTriggersAreItsFunctionsPlainOrVersionedAndNothingElse() throws {
        let config = try JSONCoding.decode(
            Data(
                #"""
                {"PreSignUp": "arn:aws:lambda:eu-west-1:345600000001:function:signup",
                 "CustomEmailSender": {"LambdaArn": "arn:aws:lambda:eu-west-1:345600000001:function:mailer",
                                       "LambdaVersion": "V1_0"},
                 "KMSKeyID": "arn:aws:kms:eu-west-1:345600000001:key/1234",
                 "PreTokenGenerationConfig": {"LambdaVersion": "V2_0"}}
                """#.utf8))
        #expect(
            CognitoUserPool.triggers(in: config) == [
                "PreSignUp": "arn:aws:lambda:eu-west-1:345600000001:function:signup",
                "CustomEmailSender": "arn:aws:lambda:eu-west-1:345600000001:function:mailer",
            ])
        #expect(CognitoUserPool.triggers(in: nil).isEmpty)
    }
}

/// Regional WAF web ACLs against canned answers (moto 5.2.1 does not implement `ListResourcesForWebACL`): each ACL
/// is asked once per resource type, stages are drawn on their API, and a region without ACLs costs one call.
@Suite struct WAFRegionalTests {
    static let acl = "arn:aws:wafv2:eu-west-1:345600000001:regional/webacl/shop/1111"
    static let balancer = "arn:aws:elasticloadbalancing:eu-west-1:345600000001:loadbalancer/app/shop/abc"
    let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")

    static func fake(acls: String) -> FakeHTTPTransport {
        FakeHTTPTransport { request, _ in
            let target = request.headers.first { $0.key.lowercased() == "x-amz-target" }?.value ?? ""
            let body = String(decoding: request.body, as: UTF8.self)
            let answer: String
            if target.hasSuffix("ListWebACLs") {
                answer = acls
            } else if body.contains("API_GATEWAY") {
                answer =
                    #"{"ResourceArns": ["arn:aws:apigateway:eu-west-1::/restapis/r1/stages/prod", "#
                    + #""arn:aws:apigateway:eu-west-1::/restapis/r1/stages/beta"]}"#
            } else {
                answer = #"{"ResourceArns": ["\#(balancer)"]}"#
            }
            return .response(HTTPResponse(status: 200, body: Data(answer.utf8)))
        }
    }

    @Test func anACLProtectsItsLoadBalancersAndTheAPIsOfItsStages() async throws {
        let transport = Self.fake(acls: #"{"WebACLs": [{"Name": "shop", "Id": "1111", "ARN": "\#(Self.acl)"}]}"#)
        let output = try await WAFCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let acl = try #require(output.resources.first)
        #expect(output.resources.count == 1 && acl.type == .waf && acl.resourceID == "1111" && acl.name == "shop")
        #expect(acl.config["scope"] == .string("regional") && acl.region == "eu-west-1")
        let edges = output.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to) | \($0.evidence)" }.sorted()
        #expect(
            edges == [
                "\(Self.acl) uses arn:aws:apigateway:eu-west-1::/restapis/r1 | wafv2:ListResourcesForWebACL API_GATEWAY",
                "\(Self.acl) uses \(Self.balancer) | wafv2:ListResourcesForWebACL APPLICATION_LOAD_BALANCER",
            ])
        #expect(transport.requests.count == 3)
    }

    @Test func aRegionWithoutACLsCostsOneCall() async throws {
        let transport = Self.fake(acls: #"{"WebACLs": []}"#)
        let output = try await WAFCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(output.resources.isEmpty && output.relationships.isEmpty && output.diagnostics.isEmpty)
        #expect(transport.requests.count == 1)
    }

    @Test func aStageARNIsDrawnOnItsAPIAndOtherARNsAreLeftAlone() {
        #expect(
            ARNs.apiGatewayAPI("arn:aws:apigateway:eu-west-1::/apis/h1/stages/$default")
                == "arn:aws:apigateway:eu-west-1::/apis/h1")
        #expect(ARNs.apiGatewayAPI(Self.balancer) == Self.balancer)
    }
}

/// SES identities against canned answers (moto 5.2.1 answers no topics in `GetIdentityNotificationAttributes`):
/// each identity's bounce, complaint and delivery topics, asked 100 identities a call.
@Suite struct SESIdentityTests {
    static let topic = "arn:aws:sns:eu-west-1:345600000001:mail-events"
    let context = CollectorContext(accountID: "345600000001", region: "eu-west-1")

    static func fake(_ identities: [String]) -> FakeHTTPTransport {
        FakeHTTPTransport { request, _ in
            let form = String(decoding: request.body, as: UTF8.self)
            let answer: String
            if form.contains("Action=ListIdentities") {
                let members = identities.map { "<member>\($0)</member>" }.joined()
                answer =
                    "<ListIdentitiesResponse><ListIdentitiesResult><Identities>\(members)</Identities>"
                    + "</ListIdentitiesResult></ListIdentitiesResponse>"
            } else {
                let entries = identities.filter { form.contains("=\($0.replacingOccurrences(of: "@", with: "%40"))") }
                    .map { identity in
                        let topics =
                            identity == "example.com"
                            ? "<BounceTopic>\(topic)</BounceTopic><ComplaintTopic>\(topic)</ComplaintTopic>" : ""
                        return "<entry><key>\(identity)</key><value>\(topics)"
                            + "<ForwardingEnabled>true</ForwardingEnabled></value></entry>"
                    }.joined()
                answer =
                    "<GetIdentityNotificationAttributesResponse><GetIdentityNotificationAttributesResult>"
                    + "<NotificationAttributes>\(entries)</NotificationAttributes>"
                    + "</GetIdentityNotificationAttributesResult></GetIdentityNotificationAttributesResponse>"
            }
            return .response(HTTPResponse(status: 200, body: Data(answer.utf8)))
        }
    }

    @Test func anIdentityNotifiesItsTopicsByTypeAndAnAddressWithoutTopicsNone() async throws {
        let transport = Self.fake(["example.com", "noreply@example.com"])
        let output = try await SESCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let types = output.resources.map {
            "\($0.resourceID) \($0.type.rawValue) \($0.config["identityType"]?.stringValue ?? "-")"
        }
        #expect(types == ["example.com ses domain", "noreply@example.com ses email"], "\(types)")
        let domain = "arn:aws:ses:eu-west-1:345600000001:identity/example.com"
        #expect(output.resources.first?.arn == domain)
        let edges = output.relationships.map { "\($0.from) \($0.kind.rawValue) \($0.to) | \($0.evidence)" }
        #expect(
            edges == [
                "\(domain) notification \(Self.topic) | ses:GetIdentityNotificationAttributes BounceTopic",
                "\(domain) notification \(Self.topic) | ses:GetIdentityNotificationAttributes ComplaintTopic",
            ])
        #expect(transport.requests.count == 2)
    }

    @Test func identitiesAreAskedAHundredACallAndNoneWithoutIdentities() async throws {
        let many = (1...250).map { "user\($0)@example.com" }
        let transport = Self.fake(many)
        let output = try await SESCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(output.resources.count == 250 && output.diagnostics.isEmpty)
        #expect(transport.requests.count == 1 + 3)
        let empty = Self.fake([])
        _ = try await SESCollector(client: EC2InstanceInterfacesTests.client(empty)).collect(context)
        #expect(empty.requests.count == 1)
    }
}

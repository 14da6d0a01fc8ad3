import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

@Suite struct InferenceTests {
    @Test func lambdaReferencesLoseTheirQualifier() {
        #expect(
            ARNs.lambdaFunction("arn:aws:lambda:us-east-1:111122223333:function:f:live")
                == "arn:aws:lambda:us-east-1:111122223333:function:f")
        #expect(
            ARNs.lambdaFunction("arn:aws:lambda:us-east-1:111122223333:function:f")
                == "arn:aws:lambda:us-east-1:111122223333:function:f")
    }

    @Test func integrationURIsNameTheirFunctionOrLoadBalancer() {
        let uri =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:api/invocations"
        #expect(ARNs.lambdaFromIntegration(uri) == "arn:aws:lambda:us-east-1:111122223333:function:api")
        #expect(
            ARNs.loadBalancer(fromListener: "arn:aws:elasticloadbalancing:us-east-1:1:listener/app/web/abc/def")
                == "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/abc")
        #expect(
            ARNs.streamOwner("arn:aws:dynamodb:us-east-1:1:table/t/stream/2024-01-01T00:00:00.000")
                == "arn:aws:dynamodb:us-east-1:1:table/t")
        #expect(
            ARNs.sqsQueue(url: "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs.fifo", region: "eu-west-1")
                == "arn:aws:sqs:eu-west-1:111122223333:jobs.fifo")
    }

    @Test func dnsEndsResolveToLoadBalancersBucketsOrStayExternal() {
        let alb = Resource(
            arn: "arn:alb", type: .elb, resourceID: "web", accountID: "1", region: "us-east-1",
            config: ["dnsName": "web-1.us-east-1.elb.amazonaws.com"])
        let bucket = Resource(
            arn: "arn:aws:s3:::assets", type: .s3, resourceID: "assets", accountID: "1", region: "us-east-1")
        let edges = [
            "dns:web-1.us-east-1.elb.amazonaws.com", "dns:assets.s3.us-east-1.amazonaws.com",
            "dns:assets.s3.amazonaws.com", "dns:example.com",
        ]
        .map { Relationship(from: "arn:cdn", to: $0, kind: .origin, evidence: "test") }
        let resolved = InventoryLinker.resolveDNS(edges, resources: [alb, bucket]).map(\.to)
        #expect(resolved == ["arn:alb", "arn:aws:s3:::assets", "arn:aws:s3:::assets", "dns:example.com"])
    }

    @Test func sameEdgeStatedTwiceIsOneRelationshipWithBothEvidences() {
        let edges = [
            Relationship(from: "a", to: "b", kind: .targets, evidence: "listener"),
            Relationship(from: "a", to: "b", kind: .targets, evidence: "target group"),
        ]
        let merged = InventoryLinker.merged(edges)
        #expect(merged.count == 1 && merged.first?.evidence == "listener; target group")
    }

    @Test func snsSubscriptionsPointAtTheirDelivery() {
        func target(_ proto: String, _ endpoint: String) -> String? {
            SNSCollector.target(protocol: proto, endpoint: endpoint)
        }
        #expect(target("email", "ops@example.com") == "mailto:ops@example.com")
        #expect(target("lambda", "arn:aws:lambda:r:1:function:f:1") == "arn:aws:lambda:r:1:function:f")
        #expect(target("sqs", "arn:aws:sqs:r:1:q") == "arn:aws:sqs:r:1:q")
    }

    @Test func pacerLetsABurstThroughThenSpacesCalls() async {
        let pacer = RequestPacer(rate: 10, burst: 2)
        let first = await pacer.reserve("ddb:DescribeTable", region: "r")
        let second = await pacer.reserve("ddb:DescribeTable", region: "r")
        let third = await pacer.reserve("ddb:DescribeTable", region: "r")
        let other = await pacer.reserve("s3:GetBucketLocation", region: "r")
        #expect(first == .zero && second == .zero && other == .zero)
        #expect(third > .milliseconds(50) && third <= .milliseconds(100))
    }
}

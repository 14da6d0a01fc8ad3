import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanDiscovery

/// Route 53 CNAME records pointing at a scanned load balancer, distribution, bucket or API link the zone to it,
/// like alias records; other CNAMEs link nothing.
@Suite struct Route53RecordLinkTests {
    static let alb = "web-alb-123.eu-west-1.elb.amazonaws.com"

    @Test(
        arguments: [
            ("Web-ALB-123.eu-west-1.ELB.amazonaws.com.", "web-alb-123.eu-west-1.elb.amazonaws.com"),
            ("dualstack.web-alb-123.eu-west-1.elb.amazonaws.com", "web-alb-123.eu-west-1.elb.amazonaws.com"),
            ("net-lb-9.elb.us-east-1.amazonaws.com", "net-lb-9.elb.us-east-1.amazonaws.com"),
            ("d111111abcdef8.cloudfront.net.", "d111111abcdef8.cloudfront.net"),
            (
                "www.example.com.s3-website-us-east-1.amazonaws.com",
                "www.example.com.s3-website-us-east-1.amazonaws.com"
            ),
            ("assets.s3-website.eu-west-1.amazonaws.com", "assets.s3-website.eu-west-1.amazonaws.com"),
            ("abc123.execute-api.eu-west-1.amazonaws.com", "abc123.execute-api.eu-west-1.amazonaws.com"),
            ("d-abc123.execute-api.eu-west-1.amazonaws.com", "d-abc123.execute-api.eu-west-1.amazonaws.com"),
            ("_x1.acm-validations.aws.", nil), ("ghs.googlehosted.com.", nil), ("shop.myshopify.com", nil),
            ("db.c9akciq32.eu-west-1.rds.amazonaws.com", nil), ("", nil),
        ] as [(String, String?)])
    func cnameValueLinksOnlyWhenItNamesAServiceEndpoint(value: String, target: String?) {
        #expect(InventoryLinker.recordTarget(type: "CNAME", aliasDNSName: nil, values: [value]) == target)
    }

    @Test func aliasesStillLinkAndOtherRecordTypesDoNot() {
        #expect(InventoryLinker.recordTarget(type: "A", aliasDNSName: Self.alb, values: []) == Self.alb)
        #expect(InventoryLinker.recordTarget(type: "A", aliasDNSName: nil, values: ["10.0.0.1"]) == nil)
        #expect(InventoryLinker.recordTarget(type: "TXT", aliasDNSName: nil, values: [Self.alb]) == nil)
        #expect(InventoryLinker.recordTarget(type: "cname", aliasDNSName: nil, values: [Self.alb]) == Self.alb)
        #expect(InventoryLinker.recordTarget(type: "CNAME", aliasDNSName: nil, values: []) == nil)
    }

    @Test func collectedCNAMEsResolveToTheScannedLoadBalancerDistributionAndBucket() {
        let zone = "arn:aws:route53:::hostedzone/Z1"
        let elb = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web-alb/1"
        let cdn = "arn:aws:cloudfront::111122223333:distribution/E1"
        let bucket = "arn:aws:s3:::assets"
        func resource(_ arn: String, _ type: ComponentType, _ id: String, dns: String?) -> Resource {
            Resource(
                arn: arn, type: type, resourceID: id, accountID: "111122223333", region: "eu-west-1",
                config: dns.map { ["dnsName": .string($0)] } ?? [:])
        }
        let records = [
            ("app.shop.example.com.", "CNAME", Self.alb), ("cdn.shop.example.com.", "CNAME", "d1.cloudfront.net."),
            ("assets.shop.example.com.", "CNAME", "assets.s3-website-eu-west-1.amazonaws.com"),
            ("old.shop.example.com.", "CNAME", "gone-1.us-east-1.elb.amazonaws.com"),
            ("_acme.shop.example.com.", "CNAME", "_x.acm-validations.aws."),
        ]
        let relationships = records.compactMap { name, type, value -> Relationship? in
            InventoryLinker.recordTarget(type: type, aliasDNSName: nil, values: [value]).map {
                Relationship(from: zone, to: "dns:" + $0, kind: .alias, evidence: "\(name) CNAME \($0)")
            }
        }
        let inventory = Inventory(
            resources: [
                resource(zone, .route53, "Z1", dns: nil), resource(elb, .elb, "web-alb", dns: Self.alb),
                resource(cdn, .cloudFront, "E1", dns: "d1.cloudfront.net"), resource(bucket, .s3, "assets", dns: nil),
            ], relationships: relationships, accountIDs: ["111122223333"], regions: ["eu-west-1"])
        let linked = Set(InventoryLinker.link(inventory).relationships.map { "\($0.kind.rawValue) \($0.to)" })
        #expect(linked.isSuperset(of: ["alias \(elb)", "alias \(cdn)", "alias \(bucket)"]))
        // A load balancer that was not scanned stays an external endpoint, as for aliases; ACM's record links nothing.
        #expect(linked.contains("alias dns:gone-1.us-east-1.elb.amazonaws.com"))
        #expect(!linked.contains { $0.contains("acm-validations") })
    }
}

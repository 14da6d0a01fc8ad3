import SkyplanModel
import Testing

@testable import SkyplanAWS
@testable import SkyplanDiscovery

/// How a RAM-shared transit gateway and its attachments come out of each account's scan (as AWS lists them: the
/// gateway in every account it is shared with, under its owner's id; a VPC attachment in both the gateway's and
/// the VPC's account) and how the linker joins references across accounts.
@Suite struct CrossAccountLinkTests {
    let network = "111100000001"
    let workload = "111100000002"

    func scanOf(_ account: String) -> CollectorOutput {
        var builder = NetworkInventoryBuilder(context: CollectorContext(accountID: account, region: "us-east-1"))
        builder.addTransitGateways([
            TransitGateway(transitGatewayID: "tgw-core", ownerID: network, state: "available", tags: [:])
        ])
        builder.addTransitGatewayAttachments([
            TransitGatewayAttachment(
                attachmentID: "tgw-attach-w", transitGatewayID: "tgw-core", resourceType: "vpc",
                resourceID: "vpc-w", resourceOwnerID: workload, state: "available", tags: [:])
        ])
        return builder.output
    }

    func arn(_ account: String, _ type: String, _ id: String) -> String {
        "arn:aws:ec2:us-east-1:\(account):\(type)/\(id)"
    }

    @Test func bothAccountsStateTheSharedGatewayAndTheAttachmentUnderTheirOwners() {
        for account in [network, workload] {
            let output = scanOf(account)
            #expect(
                output.resources.map(\.arn).sorted() == [
                    arn(network, "transit-gateway", "tgw-core"),
                    arn(workload, "transit-gateway-attachment", "tgw-attach-w"),
                ])
            let lines = Set(output.relationships.map { "\($0.from) \($0.to)" })
            #expect(
                lines == [
                    "\(arn(workload, "transit-gateway-attachment", "tgw-attach-w")) \(arn(network, "transit-gateway", "tgw-core"))",
                    "\(arn(workload, "vpc", "vpc-w")) \(arn(workload, "transit-gateway-attachment", "tgw-attach-w"))",
                ])
        }
    }

    @Test func aReferenceUnderTheWrongAccountResolvesToTheOneScannedResourceOfThatID() {
        let vpc = Resource(
            arn: arn(workload, "vpc", "vpc-w"), type: .vpc, resourceID: "vpc-w", accountID: workload,
            region: "us-east-1")
        let wrong = Relationship(
            from: arn(network, "vpc", "vpc-w"), to: arn(network, "transit-gateway-attachment", "a"), kind: .peering,
            evidence: "ec2:DescribeTransitGatewayAttachments vpc vpc-w")
        let linked = InventoryLinker.resolveAcrossAccounts([wrong], resources: [vpc])
        #expect(linked.map(\.from) == [vpc.arn])
        #expect(linked[0].evidence.hasSuffix("(owned by account \(workload))"))
        // The same id in two other accounts is ambiguous: left as stated, nothing invented.
        var other = vpc
        other.arn = arn("111100000003", "vpc", "vpc-w")
        other.accountID = "111100000003"
        #expect(InventoryLinker.resolveAcrossAccounts([wrong], resources: [vpc, other]) == [wrong])
        // Another region's resource of that id is not it.
        var elsewhere = vpc
        elsewhere.arn = "arn:aws:ec2:eu-west-1:\(workload):vpc/vpc-w"
        elsewhere.region = "eu-west-1"
        #expect(InventoryLinker.resolveAcrossAccounts([wrong], resources: [elsewhere]) == [wrong])
    }
}

import Foundation
import SkyplanStore
import Testing

@testable import SkyplanServer

@Suite struct MultiAccountLivePlanTests {
    func account(_ awsID: String) -> AccountRecord {
        AccountRecord(
            id: UUID(), name: awsID, roleARN: "arn:aws:iam::\(awsID):role/skyplan", externalID: UUID(),
            region: "eu-west-1", readAccess: nil, creatorID: UUID(), createdAt: Date(), updatedAt: Date())
    }

    @Test func arnsGoToTheirAccountAndRegionGlobalOnesToUSEast1AndBucketsNowhere() throws {
        let shop = account("111122223333")
        let data = account("444455556666")
        let plan = try MultiAccountLivePlan.make(
            arns: [
                "arn:aws:ec2:eu-west-1:444455556666:instance/i-2", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
                "arn:aws:ec2:eu-west-1:111122223333:instance/i-3", "arn:aws:cloudfront::111122223333:distribution/E1",
                "arn:aws:s3:::logs", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
            ], accounts: [shop, data], regions: ["eu-west-1", "us-east-1"], strict: true)
        #expect(
            plan.feeds.map { "\($0.account.name)/\($0.region)" } == [
                "111122223333/eu-west-1", "111122223333/us-east-1", "444455556666/eu-west-1",
            ])
        #expect(
            plan.feeds[1].arns == [
                "arn:aws:cloudfront::111122223333:distribution/E1", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
            ])
        #expect(plan.unplaced == ["arn:aws:s3:::logs"])
        // Without us-east-1, a global ARN is watched in the first region of the scope.
        let european = try MultiAccountLivePlan.make(
            arns: ["arn:aws:iam::111122223333:role/app"], accounts: [shop], regions: ["eu-central-1", "eu-west-1"],
            strict: true)
        #expect(european.feeds.map(\.region) == ["eu-central-1"])
    }

    @Test func anArnOutsideTheScopeIsRefusedWhenAskedForAndLeftOutFromABlueprint() throws {
        let shop = account("111122223333")
        let other = "arn:aws:ec2:us-east-1:999999999999:instance/i-9"
        let elsewhere = "arn:aws:ec2:ap-south-1:111122223333:instance/i-8"
        #expect(throws: APIError.self) {
            try MultiAccountLivePlan.make(arns: [other], accounts: [shop], regions: ["us-east-1"], strict: true)
        }
        #expect(throws: APIError.self) {
            try MultiAccountLivePlan.make(arns: [elsewhere], accounts: [shop], regions: ["us-east-1"], strict: true)
        }
        #expect(throws: APIError.self) {
            try MultiAccountLivePlan.make(arns: ["not an arn"], accounts: [shop], regions: ["us-east-1"], strict: true)
        }
        let lenient = try MultiAccountLivePlan.make(
            arns: [other, elsewhere, "arn:aws:ec2:us-east-1:111122223333:instance/i-1"], accounts: [shop],
            regions: ["us-east-1"], strict: false)
        #expect(lenient.feeds.map(\.arns) == [["arn:aws:ec2:us-east-1:111122223333:instance/i-1"]])
    }
}

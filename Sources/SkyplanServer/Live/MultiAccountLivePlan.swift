import Foundation
import SkyplanModel
import SkyplanStore

/// Which account-region feed watches each ARN of a diagram of several accounts: an ARN goes to the feed of its
/// account (by the AWS account id in the ARN, matched against the scope's roles) and its region; an ARN with no
/// region (IAM, CloudFront, Route 53) to its account's us-east-1 feed when the scope has it (AWS homes global
/// services there), else its first region of the scope. An ARN naming an account outside
/// the scope is a 403, a region outside the scope a 404, as for one account's feed; an ARN naming no account (an
/// S3 bucket's) cannot be told apart between accounts and is not watched (it is listed in `unplaced`).
struct MultiAccountLivePlan: Equatable {
    /// One feed: a connected account in one region, with the ARNs it watches (sorted).
    struct Feed: Equatable {
        var account: AccountRecord
        var region: String
        var arns: [String]
    }

    /// The feeds with at least one ARN, in account-then-region order of the scope.
    var feeds: [Feed]
    /// ARNs no feed can watch (no account in the ARN), sorted.
    var unplaced: [String]

    /// Groups `arns` by feed. `strict` (ARNs given by the caller) refuses an ARN outside the scope; otherwise (a
    /// blueprint's ARNs, which may include resources of accounts not asked for) such ARNs are left out.
    static func make(arns: [String], accounts: [AccountRecord], regions: [String], strict: Bool) throws
        -> MultiAccountLivePlan
    {
        var accountOf: [String: Int] = [:]
        for (index, account) in accounts.enumerated() {
            if let role = try? RoleARN(parsing: account.roleARN), accountOf[role.accountID] == nil {
                accountOf[role.accountID] = index
            }
        }
        var grouped: [Int: [String: Set<String>]] = [:]
        var unplaced: Set<String> = []
        for text in Set(arns) {
            let arn: ARN
            do {
                arn = try ARN(parsing: text)
            } catch {
                if strict { throw APIError.invalidParameter("\(error)") }
                continue
            }
            guard !arn.accountID.isEmpty else {
                unplaced.insert(text)
                continue
            }
            guard let index = accountOf[arn.accountID] else {
                if strict {
                    throw APIError.forbidden(
                        "\(text) belongs to AWS account \(arn.accountID), which is not in accounts=")
                }
                continue
            }
            let region = arn.isGlobal ? homeRegion(regions) : arn.region
            guard regions.contains(region) else {
                if strict { throw APIError.notFound("\(text) is in region \(region), which is not in regions=") }
                continue
            }
            grouped[index, default: [:]][region, default: []].insert(text)
        }
        var feeds: [Feed] = []
        for index in grouped.keys.sorted() {
            for (region, set) in grouped[index, default: [:]].sorted(by: { $0.key < $1.key }) {
                feeds.append(Feed(account: accounts[index], region: region, arns: set.sorted()))
            }
        }
        return MultiAccountLivePlan(feeds: feeds, unplaced: unplaced.sorted())
    }

    /// Where an ARN without a region is watched: us-east-1 when asked for, else the first region of the scope.
    static func homeRegion(_ regions: [String]) -> String {
        regions.contains("us-east-1") ? "us-east-1" : regions[0]
    }
}

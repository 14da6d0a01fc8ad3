import Foundation
import SkyplanModel

/// Inventories that exercise the JSON output: awkward strings and numbers, empty containers, seeded random
/// ones.
enum InventoryFixtures {
    static let awkward = Inventory(
        resources: [
            Resource(
                arn: "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc", type: .ec2, resourceID: "i-0abc",
                accountID: "111122223333", region: "eu-west-1", name: "é ☃️ 🚀 \u{2028} 日本",
                tags: ["Name": "quote \" back \\ slash / tab \t nl \n bell \u{7}", "": "empty key", "Z": ""],
                placement: Placement(vpcID: "vpc-1", availabilityZones: ["eu-west-1a"], groupARN: nil),
                config: [
                    "big": 1e21, "tenth": 0.1, "negativeZero": .number(-0.0), "small": 1e-7, "volumeSize": 100,
                    "huge": .number(123_456_789_012_345_678), "negative": -42.5, "null": .null, "yes": true,
                    "nested": .object(["list": .array([1, "two", .array([]), .object([:])]), "empty": .object([:])]),
                    "emptyList": .array([]),
                ]),
            Resource(
                arn: "arn:aws:s3:::bucket", type: .s3, resourceID: "bucket", accountID: "111122223333",
                region: Resource.globalRegion),
        ],
        relationships: [
            Relationship(
                from: "arn:aws:s3:::bucket", to: "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc",
                kind: .notification, evidence: "s3:GetBucketNotificationConfiguration ✓")
        ],
        diagnostics: [
            Diagnostic(
                cause: .notPermitted, accountID: "111122223333", region: "eu-west-1", service: "ec2",
                operation: "DescribeVpcs", code: "UnauthorizedOperation", message: "You are not authorized…"),
            Diagnostic(
                severity: .error, cause: .failed, accountID: "111122223333", region: "us-east-1", service: "sqs",
                operation: "ListQueues", message: "timed out"),
        ],
        accountIDs: ["111122223333"], regions: ["eu-west-1", "us-east-1"],
        startedAt: Date(timeIntervalSince1970: 1_700_000_000), finishedAt: Date(timeIntervalSince1970: 1_700_000_042))

    /// A seeded random inventory of `count` resources, each related to the one before.
    static func random(seed: UInt64, count: Int) -> Inventory {
        var generator = SeededRandom(seed: seed)
        let types: [ComponentType] = [.ec2, .vpc, .subnet, .ebs, .s3, "not-known-yet"]
        let words = ["web", "db", "naïve", "a\"b", "x\\y", "tab\t", "🚀", "", "1e3", "-0"]
        var resources: [Resource] = []
        var relationships: [Relationship] = []
        for index in 0..<count {
            let word = words[Int(generator.next() % UInt64(words.count))]
            let number = Double(Int64(bitPattern: generator.next()) % 1_000_000) / [1, 10, 1000][index % 3]
            let resource = Resource(
                arn: "arn:aws:ec2:us-east-1:123456789012:thing/\(index)",
                type: types[Int(generator.next() % UInt64(types.count))], resourceID: "id-\(index)",
                accountID: "123456789012", region: "us-east-1",
                tags: index % 4 == 0 ? [:] : ["Name": word, "n": "\(index)"],
                placement: Placement(subnetIDs: index % 2 == 0 ? [] : ["subnet-\(index)"]),
                config: ["value": .number(number), "word": .string(word), "flag": .bool(index % 3 == 0)])
            if let previous = resources.last {
                relationships.append(
                    Relationship(from: previous.arn, to: resource.arn, kind: .uses, evidence: "seed \(seed) \(word)"))
            }
            resources.append(resource)
        }
        return Inventory(resources: resources, relationships: relationships, accountIDs: ["123456789012"])
    }
}

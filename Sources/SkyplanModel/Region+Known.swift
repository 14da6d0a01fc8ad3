extension Region {
    /// AWS regions by partition, as of 2026 (https://docs.aws.amazon.com/global-infrastructure/latest/regions/).
    /// Used to reject a region that does not exist before any AWS call; update when AWS opens one.
    public static let known: [Partition: [String]] = [
        .aws: [
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1",
            "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1",
            "us-west-2",
        ],
        .awsCN: ["cn-north-1", "cn-northwest-1"],
        .awsUSGov: ["us-gov-east-1", "us-gov-west-1"],
    ]

    /// True when `name` is a region AWS operates.
    public static func exists(_ name: String) -> Bool {
        known[Partition.of(region: name)]?.contains(name) ?? false
    }
}

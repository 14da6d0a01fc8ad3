import Testing

@testable import SkyplanLive

@Suite struct LiveTargetTests {
    @Test(arguments: [
        ("arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc", LiveFamily.ec2, "i-0abc"),
        ("arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", .ebs, "vol-1"),
        ("arn:aws:ec2:eu-west-1:111122223333:natgateway/nat-1", .natGateway, "nat-1"),
        (
            "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:uuid-1:autoScalingGroupName/web", .autoScaling,
            "web"
        ),
        (
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/classic-1", .classicLoadBalancer,
            "classic-1"
        ),
        ("arn:aws:rds:eu-west-1:111122223333:db:orders", .rdsInstance, "orders"),
        ("arn:aws:rds:eu-west-1:111122223333:cluster:aurora-1", .rdsCluster, "aurora-1"),
        ("arn:aws:elasticache:eu-west-1:111122223333:cluster:cache-1", .elastiCache, "cache-1"),
        ("arn:aws:lambda:eu-west-1:111122223333:function:resize", .lambda, "resize"),
        ("arn:aws:dynamodb:eu-west-1:111122223333:table/orders", .dynamoDB, "orders"),
        ("arn:aws:sqs:eu-west-1:111122223333:jobs", .sqs, "jobs"),
        ("arn:aws:ecs:eu-west-1:111122223333:service/prod/web", .ecsService, "web"),
        ("arn:aws:eks:eu-west-1:111122223333:cluster/k8s", .eks, "k8s"),
        ("arn:aws:cloudfront::111122223333:distribution/E123", .cloudFront, "E123"),
        ("arn:aws:redshift:eu-west-1:111122223333:cluster:warehouse", .redshift, "warehouse"),
        (
            "arn:aws:kafka:eu-west-1:111122223333:cluster/events/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-2", .msk,
            "arn:aws:kafka:eu-west-1:111122223333:cluster/events/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-2"
        ),
        (
            "arn:aws:mq:eu-west-1:111122223333:broker:queue:b-1234abcd-56ef-78ab-90cd-ef1234567890", .mq,
            "b-1234abcd-56ef-78ab-90cd-ef1234567890"
        ),
        ("arn:aws:es:eu-west-1:111122223333:domain/search", .openSearch, "search"),
        ("arn:aws:kinesis:eu-west-1:111122223333:stream/clicks", .kinesisStream, "clicks"),
        ("arn:aws:firehose:eu-west-1:111122223333:deliverystream/to-lake", .firehose, "to-lake"),
    ])
    func classifiesARNs(arn: String, family: LiveFamily, id: String) throws {
        let target = try #require(LiveTarget(arn: arn))
        #expect(target.family == family)
        #expect(target.id == id)
    }

    @Test func loadBalancerV2KeepsTheWholeARNAndECSKeepsTheCluster() throws {
        let alb = try #require(
            LiveTarget(arn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188")
        )
        #expect(alb.family == .loadBalancer)
        #expect(alb.id == alb.arn)
        #expect(LiveAlarms.dimensions(of: alb).first?.1 == "app/web/50dc6c495c0c9188")
        let service = try #require(LiveTarget(arn: "arn:aws:ecs:eu-west-1:111122223333:service/prod/web"))
        #expect(service.parent == "prod")
    }

    @Test func refusesWhatItCannotWatch() {
        #expect(LiveTarget(arn: "arn:aws:s3:::bucket") == nil)
        #expect(LiveTarget(arn: "not an arn") == nil)
    }

    @Test func batchesSplitAtTheLimit() {
        #expect(Array(1...5).batches(of: 2) == [[1, 2], [3, 4], [5]])
        #expect([Int]().batches(of: 3).isEmpty)
    }
}

import Foundation
import SkyplanAWS
import SkyplanModel
import Testing

@testable import SkyplanLive

func xml(_ text: String) throws -> XMLTree { try XMLTree.parse(Data(text.utf8)) }

@Suite struct LiveMappingTests {
    @Test(arguments: [
        ("running", "ok", "ok", LiveHealth.ok), ("running", "impaired", "ok", .error),
        ("running", "ok", "initializing", .warning), ("pending", "ok", "ok", .warning),
        ("stopped", "ok", "ok", .stopped), ("terminated", "ok", "ok", .stopped), ("weird", "ok", "ok", .unknown),
    ])
    func instanceHealthFromStateAndChecks(state: String, system: String, instance: String, expected: LiveHealth)
        throws
    {
        let item = try xml(
            "<item><instanceId>i-1</instanceId><instanceState><name>\(state)</name></instanceState>"
                + "<privateIpAddress>10.0.0.5</privateIpAddress><instanceType>t3.micro</instanceType></item>")
        let checks = try xml(
            "<item><systemStatus><status>\(system)</status></systemStatus>"
                + "<instanceStatus><status>\(instance)</status></instanceStatus></item>")
        let status = LiveMapping.instance(item, status: checks)
        #expect(status.health == expected)
        #expect(status.values["state"] == state)
        #expect(status.values["privateIp"] == "10.0.0.5")
    }

    @Test func autoScalingGroupCountsInServiceAndPending() throws {
        let group = try xml(
            """
            <member><AutoScalingGroupName>web</AutoScalingGroupName><DesiredCapacity>3</DesiredCapacity><Instances>
            <member><LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus></member>
            <member><LifecycleState>Pending</LifecycleState><HealthStatus>Healthy</HealthStatus></member>
            </Instances></member>
            """)
        let status = LiveMapping.autoScalingGroup(group)
        #expect(status.health == .warning)
        #expect(status.values["desired"] == "3")
        #expect(status.values["inService"] == "1")
        #expect(status.values["pending"] == "1")
        let empty = try xml("<member><DesiredCapacity>0</DesiredCapacity><Instances/></member>")
        #expect(LiveMapping.autoScalingGroup(empty).health == .stopped)
    }

    @Test func loadBalancerCombinesStateAndTargetHealth() throws {
        let health = try xml(
            """
            <DescribeTargetHealthResult><TargetHealthDescriptions>
            <member><Target><Id>i-1</Id></Target><TargetHealth><State>healthy</State></TargetHealth></member>
            <member><Target><Id>i-2</Id></Target><TargetHealth><State>unhealthy</State></TargetHealth></member>
            </TargetHealthDescriptions></DescribeTargetHealthResult>
            """)
        let counts = LiveMapping.TargetCounts(describeTargetHealth: health)
        #expect(counts == LiveMapping.TargetCounts(healthy: 1, unhealthy: 1))
        let balancer = try xml("<member><State><Code>active</Code></State></member>")
        let status = LiveMapping.loadBalancer(balancer, targetGroups: ["web": counts])
        #expect(status.health == .warning)
        #expect(status.values["targets.web"] == "1 healthy, 1 unhealthy")
        let allDown = LiveMapping.loadBalancer(balancer, targetGroups: ["web": .init(unhealthy: 2)])
        #expect(allDown.health == .error)
        #expect(LiveMapping.loadBalancer(balancer, targetGroups: [:]).health == .ok)
    }

    @Test(arguments: [
        ("available", LiveHealth.ok), ("stopped", .stopped), ("backing-up", .warning), ("failed", .error),
        ("incompatible-parameters", .error), ("storage-full", .error),
    ])
    func rdsStatusWords(state: String, expected: LiveHealth) throws {
        let item = try xml("<DBInstance><DBInstanceStatus>\(state)</DBInstanceStatus></DBInstance>")
        #expect(LiveMapping.dbInstance(item).health == expected)
    }

    @Test func lambdaStateAndLastUpdate() {
        let active: JSONValue = .object([
            "Configuration": .object(["State": "Active", "LastUpdateStatus": "Successful"])
        ])
        #expect(LiveMapping.lambda(active).health == .ok)
        let failed: JSONValue = .object(["Configuration": .object(["State": "Active", "LastUpdateStatus": "Failed"])])
        #expect(LiveMapping.lambda(failed).health == .error)
        let inactive: JSONValue = .object(["Configuration": .object(["State": "Inactive"])])
        #expect(LiveMapping.lambda(inactive).health == .stopped)
    }

    @Test func dynamoDBEcsEksCloudFrontAndQueues() throws {
        let table: JSONValue = .object(["Table": .object(["TableStatus": "ACTIVE", "ItemCount": 42])])
        #expect(
            LiveMapping.dynamoDBTable(table) == LiveStatus(health: .ok, values: ["state": "ACTIVE", "itemCount": "42"]))
        let service: JSONValue = .object(["status": "ACTIVE", "runningCount": 1, "desiredCount": 3, "pendingCount": 0])
        #expect(LiveMapping.ecsService(service).health == .warning)
        let none: JSONValue = .object(["status": "ACTIVE", "runningCount": 0, "desiredCount": 2, "pendingCount": 0])
        #expect(LiveMapping.ecsService(none).health == .error)
        #expect(LiveMapping.eksCluster(.object(["cluster": .object(["status": "FAILED"])])).health == .error)
        let distribution = try xml(
            "<DistributionSummary><Status>Deployed</Status><Enabled>false</Enabled></DistributionSummary>")
        #expect(LiveMapping.distribution(distribution).health == .stopped)
        let queue = try xml(
            """
            <GetQueueAttributesResult><Attribute><Name>ApproximateNumberOfMessages</Name><Value>7</Value></Attribute>
            <Attribute><Name>ApproximateNumberOfMessagesNotVisible</Name><Value>2</Value></Attribute>
            </GetQueueAttributesResult>
            """)
        #expect(LiveMapping.queue(queue).values["visible"] == "7")
        #expect(LiveMapping.queue(queue).values["inFlight"] == "2")
    }

    @Test func alarmsMatchByDimensionAndTurnHealthToError() throws {
        let alarms = try xml(
            """
            <DescribeAlarmsResult><MetricAlarms>
            <member><AlarmName>cpu-high</AlarmName><StateValue>ALARM</StateValue><StateReason>Threshold Crossed</StateReason>
            <Dimensions><member><Name>InstanceId</Name><Value>i-1</Value></member></Dimensions></member>
            <member><AlarmName>other</AlarmName><StateValue>ALARM</StateValue>
            <Dimensions><member><Name>InstanceId</Name><Value>i-9</Value></member></Dimensions></member>
            </MetricAlarms></DescribeAlarmsResult>
            """
        ).list("MetricAlarms").compactMap(LiveAlarms.Alarm.init)
        let target = try #require(LiveTarget(arn: "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"))
        let matched = LiveAlarms.match(alarms, to: [target])
        #expect(matched[target.arn]?.map(\.name) == ["cpu-high"])
        var status = LiveStatus(health: .ok)
        LiveAlarms.apply(matched[target.arn] ?? [], to: &status)
        #expect(status.alarms == 1)
        #expect(status.health == .error)
        #expect(status.values["alarm.cpu-high"] == "ALARM: Threshold Crossed")
    }

    @Test func metricsBatchAndAggregate() throws {
        let target = try #require(LiveTarget(arn: "arn:aws:lambda:eu-west-1:111122223333:function:resize"))
        let queries = LiveMetrics.queries(for: target)
        #expect(queries.map(\.key) == ["invocationsLastHour", "errorsLastHour", "throttlesLastHour"])
        let parameters = LiveMetrics.parameters(queries, end: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(parameters["MetricDataQueries.member.2.MetricStat.Metric.MetricName"] == "Errors")
        #expect(parameters["MetricDataQueries.member.1.Id"] == "m0")
        #expect(LiveMetrics.value(queries[0], [3, 4]) == "7")
        #expect(LiveMetrics.health(["errorsLastHour": "2"]) == .warning)
        #expect(LiveMetrics.format(12.345) == "12.3")
    }
}

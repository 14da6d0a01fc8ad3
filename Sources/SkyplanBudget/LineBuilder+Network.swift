import SkyplanModel

extension LineBuilder {
    /// A request count in millions from the first configured key, else the assumption.
    func millions(_ keys: [String], assumption name: String, _ fallback: Double) -> (Double, QuantitySource) {
        for key in keys {
            if let value = component.number(key) { return (value, .config(key)) }
        }
        return (fallback, .assumption(name, key: keys.first, value: fallback))
    }

    /// SQS: requests (standard or FIFO), in millions.
    mutating func sqs() {
        let fifo = component.string("queueType")?.lowercased() == "fifo" || component.name.hasSuffix(".fifo")
        let (requests, source) = millions(
            ["requests", "mRequests"], assumption: "sqsMillionRequests",
            assumptions.sqsMillionRequests)
        add(
            "Requests (\(fifo ? "FIFO" : "standard"))", key(fifo ? "sqs.fifo.requests" : "sqs.standard.requests"),
            unit: "Requests", quantity: requests * 1e6, source: source)
    }

    /// SNS: publishes, in millions.
    mutating func sns() {
        let (requests, source) = millions(
            ["requests", "mRequests"], assumption: "snsMillionRequests",
            assumptions.snsMillionRequests)
        add("Publish requests", key("sns.publish"), unit: "Requests", quantity: requests * 1e6, source: source)
    }

    /// CloudFront: GB out to viewers (tiered) + HTTPS requests.
    mutating func cloudFront() {
        let (gb, gbSource) = quantity("dataGb", assumption: "cloudFrontDataGB", assumptions.cloudFrontDataGB)
        add("Data transfer out (United States)", key("cloudfront.dto.us"), unit: "GB", quantity: gb, source: gbSource)
        let (requests, source) = millions(
            ["requests", "mRequests"], assumption: "cloudFrontMillionRequests",
            assumptions.cloudFrontMillionRequests)
        add(
            "HTTPS requests", key("cloudfront.https_requests.us"), unit: "Requests", quantity: requests * 1e6,
            source: source)
    }

    /// API Gateway: REST or HTTP API calls (tiered), in millions.
    mutating func apiGateway() {
        let kind = (component.string("apiType") ?? component.string("protocolType") ?? "rest").lowercased()
        let http = kind == "http" || kind == "websocket"
        let (calls, source) = millions(
            ["apiCalls", "requests", "mRequests"], assumption: "apiGatewayMillionRequests",
            assumptions.apiGatewayMillionRequests)
        add(
            "API calls (\(http ? "HTTP" : "REST"))", key(http ? "apigw.http.requests" : "apigw.rest.requests"),
            unit: "Requests", quantity: calls * 1e6, source: source)
    }

    /// EKS: cluster hours.
    mutating func eksCluster() {
        add("EKS cluster hours", key("eks.cluster.standard"), unit: "Hrs", quantity: hours, source: hoursSource)
    }

    /// ECS on Fargate: vCPU hours and GB hours per task × tasks. EC2 launch type costs nothing extra
    /// (its instances are priced as `ec2`).
    mutating func fargate() {
        let launch = (component.string("launchType") ?? "FARGATE").uppercased()
        guard launch == "FARGATE" else { return }
        let tasks: (Double, QuantitySource) =
            component.type == .ecsTask
            ? (1, .rule("1 task"))
            : component.number("desiredCount").map { ($0, .config("desiredCount")) } ?? (1, .assumption("desiredCount"))
        // Task-definition units: cpu in CPU units (1024 = 1 vCPU), memory in MiB.
        let vcpu = (component.number("cpu") ?? 256) / 1024
        let memoryGB = (component.number("memory") ?? 512) / 1024
        let source: QuantitySource = component.number("cpu") == nil ? .assumption("cpu 256 units") : tasks.1
        add(
            "Fargate vCPU hours", key("fargate.vcpu"), unit: "vCPU-Hours", quantity: tasks.0 * vcpu * hours,
            source: source)
        add(
            "Fargate GB hours", key("fargate.memory"), unit: "GB-Hours", quantity: tasks.0 * memoryGB * hours,
            source: component.number("memory") == nil ? .assumption("memory 512 MiB") : tasks.1)
    }

    /// VPC endpoint: interface (and Gateway Load Balancer) endpoints bill hours per AZ + GB; gateway
    /// endpoints (S3, DynamoDB) are free.
    mutating func vpcEndpoint() {
        let kind = (component.string("endpointType") ?? component.string("vpcEndpointType") ?? "interface").lowercased()
        if kind == "gateway" { return }
        let gwlb = kind.contains("loadbalancer")
        let (zones, zoneSource) = quantity("zones", assumption: "endpointZones", assumptions.endpointZones)
        add(
            "Endpoint hours × \(BudgetFormat.number(zones)) AZ", key(gwlb ? "vpce.gwlb.hours" : "vpce.interface.hours"),
            unit: "Hrs", quantity: zones * hours, source: zoneSource)
        let (gb, source) = quantity("dataGb", assumption: "endpointDataGB", assumptions.endpointDataGB)
        add(
            "Endpoint data processed", key(gwlb ? "vpce.gwlb.data" : "vpce.interface.data"), unit: "GB", quantity: gb,
            source: source)
    }

    /// Transit gateway attachment: hours + GB processed.
    mutating func transitGatewayAttachment() {
        add("TGW attachment hours", key("tgw.attachment.hours"), unit: "Hrs", quantity: hours, source: hoursSource)
        let (gb, source) = quantity("dataGb", assumption: "endpointDataGB", assumptions.endpointDataGB)
        add("TGW data processed", key("tgw.data_processed"), unit: "GB", quantity: gb, source: source)
    }

    /// Virtual private gateway: its Site-to-Site VPN connection hours.
    mutating func vpnGateway() {
        let (connections, source) = quantity("vpnConnections", assumption: "vpnConnections", assumptions.vpnConnections)
        add(
            "VPN connection hours", key("vpn.connection.hours"), unit: "Hrs", quantity: connections * hours,
            source: source)
    }

    /// A Site-to-Site VPN connection found by a scan: its own hours (its gateway then carries `vpnConnections` 0).
    mutating func vpnConnection() {
        add("VPN connection hours", key("vpn.connection.hours"), unit: "Hrs", quantity: hours, source: hoursSource)
    }

    /// EFS: standard storage GB-month.
    mutating func efs() {
        let (gb, source) = quantity("dataGb", assumption: "efsDataGB", assumptions.efsDataGB)
        add("Standard storage", key("efs.standard.storage"), unit: "GB-Mo", quantity: gb, source: source)
    }

    /// Route 53: hosted zone-month + standard queries (global prices).
    mutating func route53() {
        add(
            "Hosted zone", key("route53.hosted_zone"), unit: "Hosted zone-month", quantity: 1,
            source: .rule("1 hosted zone"))
        let (queries, source) = millions(
            ["mQueries", "queries"], assumption: "route53MillionQueries",
            assumptions.route53MillionQueries)
        add(
            "Standard queries", key("route53.standard_queries"), unit: "Queries", quantity: queries * 1e6,
            source: source)
    }

    /// CloudWatch alarm: one standard-resolution alarm-month.
    mutating func cloudWatchAlarm() {
        add("Standard alarm", key("cloudwatch.alarm.standard"), unit: "Alarms", quantity: 1, source: .rule("1 alarm"))
    }
}

import SkyplanModel

extension LineBuilder {
    /// ELB: ALB/NLB hours + capacity-unit hours; classic hours + GB processed.
    mutating func elb() {
        let kind = (component.string("elbType") ?? "application").lowercased()
        switch kind {
        case "classic":
            add("Load balancer hours (classic)", key("clb.hours"), unit: "Hrs", quantity: hours, source: hoursSource)
            // Cloudcraft's classic `dataGb` is GB per hour.
            let (gbPerHour, source) = quantity(
                "dataGb", assumption: "classicLoadBalancerDataGBPerHour",
                assumptions.classicLoadBalancerDataGBPerHour)
            add(
                "Data processed (classic)", key("clb.data_processed"), unit: "GB", quantity: gbPerHour * hours,
                source: source)
        case "application", "network":
            let prefix = kind == "application" ? "alb" : "nlb"
            add(
                "Load balancer hours (\(kind))", key("\(prefix).hours"), unit: "Hrs", quantity: hours,
                source: hoursSource)
            let (lcu, source) = quantity(
                "lcu", assumption: "loadBalancerCapacityUnits",
                assumptions.loadBalancerCapacityUnits)
            add(
                "Capacity unit hours (\(kind))", key(kind == "application" ? "alb.lcu" : "nlb.nlcu"),
                unit: "LCU-Hrs", quantity: lcu * hours, source: source)
        default:
            add(
                "Load balancer hours (\(kind))", key("\(kind).hours"), unit: "Hrs", quantity: hours, source: hoursSource
            )
        }
    }

    /// NAT gateway: hours + GB processed + its Elastic IP's public IPv4 hours.
    mutating func natGateway() {
        add("NAT gateway hours", key("nat.hours"), unit: "Hrs", quantity: hours, source: hoursSource)
        let (gb, source) = quantity("dataGb", assumption: "natGatewayDataGB", assumptions.natGatewayDataGB)
        add("NAT data processed", key("nat.data_processed"), unit: "GB", quantity: gb, source: source)
        if component.string("connectivityType")?.lowercased() != "private" {
            publicIPv4(count: 1, source: .rule("1 Elastic IP per public NAT gateway"))
        }
    }

    /// Cloudcraft/RDS engine names → the price book's engine attribute.
    static func rdsEngine(_ engine: String?) -> String {
        let value = (engine ?? "mysql").lowercased()
        switch value {
        case "postgres": return "postgresql"
        case "aurora": return "aurora-mysql"
        case "aurora-postgres": return "aurora-postgresql"
        default: return value
        }
    }

    /// Aurora I/O-Optimized (`storageType` `aurora-iopt1`, or `ioOptimized` true in a blueprint).
    var isAuroraIOOptimized: Bool {
        component.flag("ioOptimized") == true || component.string("storageType")?.lowercased() == "aurora-iopt1"
    }

    /// RDS: instance hours (single/multi-AZ) + allocated storage. An Aurora instance is billed per
    /// instance (its cluster's replicas are instances of their own), at the I/O-Optimized rate when
    /// the cluster uses that storage.
    mutating func rds() {
        let engine = Self.rdsEngine(component.string("engine"))
        let aurora = engine.hasPrefix("aurora")
        let multiAZ = !aurora && (component.flag("multiAZ") ?? false)
        let deployment = multiAZ ? "multi_az" : "single_az"
        let variant = aurora && isAuroraIOOptimized ? "io-optimized" : ""
        if let type = instanceType(prefix: "db.") {
            add(
                "DB instance hours \(type) \(engine) \(deployment)\(variant.isEmpty ? "" : " " + variant)",
                key(
                    "rds.instance",
                    Self.attributes(
                        ("deployment", deployment), ("engine", engine), ("instanceClass", type), ("variant", variant))),
                unit: "Hrs", quantity: hours, source: hoursSource)
        } else {
            add(
                "DB instance hours", key("rds.instance"), unit: "Hrs", quantity: hours, source: hoursSource,
                note: "no instanceType/instanceSize in the configuration")
        }
        guard !aurora else { return }  // Aurora storage is the cluster's.
        let volume = (component.string("storageType") ?? "gp2").lowercased()
        let (gb, source) = quantity("storage", assumption: "rdsStorageGB", assumptions.rdsStorageGB)
        add(
            "DB storage \(volume)", key("rds.storage.\(volume).\(deployment)"), unit: "GB-Mo", quantity: gb,
            source: source)
        guard let iops = component.number("iops"), iops > 0 else { return }
        if volume == "io1" {
            add(
                "Provisioned IOPS", key("rds.io1.iops.\(deployment)"), unit: "IOPS-Mo", quantity: iops,
                source: .config("iops"))
        } else if volume == "gp3" {
            // gp3 includes 3,000 IOPS below 400 GB of storage and 12,000 from 400 GB.
            let baseline: Double = gb < 400 ? 3000 : 12000
            if iops > baseline {
                add(
                    "Provisioned IOPS above \(Int(baseline))", key("rds.gp3.iops_above_baseline.\(deployment)"),
                    unit: "IOPS-Mo", quantity: iops - baseline, source: .config("iops"))
            }
        }
    }

    /// Aurora cluster: storage + I/O requests (instances are priced as `rds` nodes).
    /// I/O-Optimized storage includes the I/O requests.
    mutating func auroraCluster() {
        let (gb, gbSource) = quantity("dataGb", assumption: "auroraDataGB", assumptions.auroraDataGB)
        if isAuroraIOOptimized {
            add(
                "Aurora I/O-Optimized storage", key("aurora.storage.io_optimized"), unit: "GB-Mo", quantity: gb,
                source: gbSource)
            return
        }
        add("Aurora storage", key("aurora.storage"), unit: "GB-Mo", quantity: gb, source: gbSource)
        let (io, ioSource) = quantity(
            "mIORequests", assumption: "auroraMillionIORequests",
            assumptions.auroraMillionIORequests)
        add("Aurora I/O requests", key("aurora.io_requests"), unit: "Requests", quantity: io * 1e6, source: ioSource)
    }

    /// ElastiCache: node hours × nodes, by engine (`redis` unless configured; Valkey has no price in
    /// the bundled book).
    mutating func elastiCache() {
        let (nodes, source) =
            component.number("nodes").map { ($0, QuantitySource.config("nodes")) }
            ?? (1, .rule("1 node"))
        let type = instanceType(prefix: "cache.") ?? "cache.unknown"
        let engine = (component.string("engine") ?? "redis").lowercased()
        add(
            "Cache node hours \(type) \(engine)",
            key("elasticache.node", Self.attributes(("engine", engine), ("nodeType", type))), unit: "Hrs",
            quantity: nodes * hours, source: source)
    }

    /// Lambda: requests + GB-seconds by architecture (tiered).
    mutating func lambda() {
        let arm = (component.string("architecture") ?? "x86_64").lowercased().hasPrefix("arm")
        let (millions, requestSource) = quantity(
            "mRequests", assumption: "lambdaMillionRequests",
            assumptions.lambdaMillionRequests)
        let (seconds, durationSource) = quantity(
            "computeDuration", assumption: "lambdaDurationSeconds",
            assumptions.lambdaDurationSeconds)
        let (memory, memorySource) = quantity("memory", assumption: "lambdaMemoryMB", assumptions.lambdaMemoryMB)
        add("Requests", key("lambda.requests"), unit: "Requests", quantity: millions * 1e6, source: requestSource)
        let gbSeconds = millions * 1e6 * seconds * memory / 1024
        let source =
            [requestSource, durationSource, memorySource].first { if case .assumption = $0 { true } else { false } }
            ?? requestSource
        add(
            "Compute GB-seconds (\(arm ? "arm64" : "x86_64"))",
            key(arm ? "lambda.duration.arm" : "lambda.duration.x86"),
            unit: "Lambda-GB-Second", quantity: gbSeconds, source: source)
    }

    /// Cloudcraft S3 storage class (`volumeType`) → price-book id prefix.
    static func s3Class(_ name: String?) -> String {
        let value = (name ?? "standard").lowercased()
        if value.contains("deep") { return "s3.glacier_deep_archive" }
        if value.contains("glacier") { return "s3.glacier_flexible" }
        if value.contains("intelligent") { return "s3.intelligent_tiering" }
        if value.contains("one zone") || value.contains("onezone") { return "s3.onezone_ia" }
        if value.contains("infrequent") || value.contains("standard_ia") || value == "ia" { return "s3.standard_ia" }
        return "s3.standard"
    }

    /// S3: GB by storage class + requests.
    mutating func s3() {
        let storageClass = Self.s3Class(component.string("volumeType"))
        let (gb, source) = quantity("dataGb", assumption: "s3DataGB", assumptions.s3DataGB)
        let storageID =
            storageClass == "s3.standard"
            ? "s3.standard.storage"
            : storageClass == "s3.intelligent_tiering" ? "s3.intelligent_tiering.frequent" : "\(storageClass).storage"
        add("Storage \(storageClass.dropFirst(3))", key(storageID), unit: "GB-Mo", quantity: gb, source: source)
        // Request prices the book has per class (Cloudcraft counts requests in thousands).
        let requestIDs: (put: String, get: String)? =
            storageClass == "s3.standard"
            ? ("s3.standard.put_copy_post_list", "s3.standard.get_other")
            : storageClass == "s3.standard_ia" ? ("s3.standard_ia.put", "s3.standard_ia.get") : nil
        if let requestIDs {
            let (puts, putSource) = quantity(
                "putCopyPostRequests", assumption: "s3ThousandPutRequests",
                assumptions.s3ThousandPutRequests)
            let (gets, getSource) = quantity(
                "getAndOtherRequests", assumption: "s3ThousandGetRequests",
                assumptions.s3ThousandGetRequests)
            add(
                "PUT/COPY/POST/LIST requests", key(requestIDs.put), unit: "Requests", quantity: puts * 1000,
                source: putSource)
            add(
                "GET and other requests", key(requestIDs.get), unit: "Requests", quantity: gets * 1000,
                source: getSource)
        }
    }

    /// DynamoDB: provisioned capacity hours or on-demand request units, plus storage.
    mutating func dynamoDB() {
        let mode = (component.string("capacityMode") ?? "provisioned").lowercased()
        if mode.contains("demand") || mode.contains("pay") {
            let (reads, readSource) = quantity(
                "readUnits", assumption: "dynamoDBMillionRequestUnits",
                assumptions.dynamoDBMillionRequestUnits)
            let (writes, writeSource) = quantity(
                "writeUnits", assumption: "dynamoDBMillionRequestUnits",
                assumptions.dynamoDBMillionRequestUnits)
            add(
                "Read request units (millions: readUnits)", key("dynamodb.ondemand.read_request_unit"),
                unit: "ReadRequestUnits", quantity: reads * 1e6, source: readSource)
            add(
                "Write request units (millions: writeUnits)", key("dynamodb.ondemand.write_request_unit"),
                unit: "WriteRequestUnits", quantity: writes * 1e6, source: writeSource)
        } else {
            let (reads, readSource) = quantity(
                "readUnits", assumption: "dynamoDBProvisionedUnits",
                assumptions.dynamoDBProvisionedUnits)
            let (writes, writeSource) = quantity(
                "writeUnits", assumption: "dynamoDBProvisionedUnits",
                assumptions.dynamoDBProvisionedUnits)
            add(
                "Read capacity unit hours", key("dynamodb.provisioned.rcu"), unit: "ReadCapacityUnit-Hrs",
                quantity: reads * hours, source: readSource)
            add(
                "Write capacity unit hours", key("dynamodb.provisioned.wcu"), unit: "WriteCapacityUnit-Hrs",
                quantity: writes * hours, source: writeSource)
        }
        let (gb, source) = quantity("datasetGb", assumption: "dynamoDBDataGB", assumptions.dynamoDBDataGB)
        add("Storage", key("dynamodb.storage"), unit: "GB-Mo", quantity: gb, source: source)
    }
}

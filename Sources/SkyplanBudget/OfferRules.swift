/// Maps an offer row to a price-book entry id, attributes and unit — the same ids the cost model
/// and the bundled book use. Rows no rule claims are skipped (counted, not guessed).
enum OfferRules {
    /// The price-book `(id, attributes, unit, usdScale)` for `row`, or `nil` to skip it.
    static func map(_ row: OfferRow) -> (id: String, attributes: String, unit: String, scale: Double)? {
        let family = row[.productFamily]
        let usage = row[.usageType]
        switch family {
        case "Compute Instance", "Compute Instance (bare metal)":
            return ec2Instance(row)
        case "Storage" where !row[.volumeApiName].isEmpty:
            return ("ebs.\(row[.volumeApiName].lowercased()).storage", "", "GB-Mo", 1)
        case "System Operation" where usage.contains("VolumeP-IOPS.gp3"):
            return ("ebs.gp3.iops_above_3000", "", "IOPS-Mo", 1)
        case "System Operation" where usage.contains("VolumeP-IOPS.piops"):
            return ("ebs.io1.iops", "", "IOPS-Mo", 1)
        case "System Operation" where usage.contains("VolumeP-IOPS.io2"):
            return ("ebs.io2.iops", "", "IOPS-Mo", 1)
        case "Provisioned Throughput" where usage.contains("VolumeP-Throughput.gp3"):
            // AWS bills GiBps-month; the book stores MiB/s-month.
            return ("ebs.gp3.throughput_above_125", "", "MiBps-Mo", 1.0 / 1024)
        case "NAT Gateway" where usage.contains("NatGateway-Hours"): return ("nat.hours", "", "Hrs", 1)
        case "NAT Gateway" where usage.contains("NatGateway-Bytes"): return ("nat.data_processed", "", "GB", 1)
        case "Load Balancer-Application", "Load Balancer-Network", "Load Balancer":
            return loadBalancer(family: family, usage: usage)
        case "Database Instance": return rdsInstance(row)
        case "Cache Instance" where row[.cacheEngine] == "Redis":
            return ("elasticache.node", "nodeType=\(row[.instanceType].lowercased())", "Hrs", 1)
        default: break
        }
        if usage.contains("PublicIPv4:InUseAddress") { return ("vpc.public_ipv4", "", "Hrs", 1) }
        if usage.contains("AmazonEKS-Hours:perCluster") { return ("eks.cluster.standard", "", "Hrs", 1) }
        if usage.contains("Fargate-vCPU-Hours:perCPU") { return ("fargate.vcpu", "", "vCPU-Hours", 1) }
        if usage.contains("Fargate-GB-Hours") { return ("fargate.memory", "", "GB-Hours", 1) }
        switch row[.group] {
        case "AWS-Lambda-Requests": return ("lambda.requests", "", "Requests", 1)
        case "AWS-Lambda-Duration": return ("lambda.duration.x86", "", "Lambda-GB-Second", 1)
        case "AWS-Lambda-Duration-ARM": return ("lambda.duration.arm", "", "Lambda-GB-Second", 1)
        default: return nil
        }
    }

    static func ec2Instance(_ row: OfferRow) -> (String, String, String, Double)? {
        guard row[.capacityStatus] == "Used", row[.preInstalledSw] == "NA",
            !row[.licenseModel].hasPrefix("Bring"), !row[.instanceType].isEmpty
        else { return nil }
        let os: String
        switch row[.operatingSystem] {
        case "Linux": os = "linux"
        case "Windows": os = "windows"
        case "RHEL": os = "rhel"
        case "SUSE": os = "suse"
        default: return nil
        }
        guard ["Shared", "Dedicated", "Host"].contains(row[.tenancy]) else { return nil }
        let type = row[.instanceType].lowercased()
        let tenancy = row[.tenancy].lowercased()
        switch row[.termType] {
        case "OnDemand":
            return (
                "ec2.instance", LineBuilder.attributes(("instanceType", type), ("os", os), ("tenancy", tenancy)),
                "Hrs", 1
            )
        case "Reserved":
            let attributes = LineBuilder.attributes(
                ("instanceType", type), ("lease", row[.leaseContractLength]), ("offeringClass", row[.offeringClass]),
                ("os", os), ("purchaseOption", row[.purchaseOption]), ("tenancy", tenancy))
            return row[.unit] == "Quantity"
                ? ("ec2.instance.ri.upfront", attributes, "Quantity", 1) : ("ec2.instance.ri", attributes, "Hrs", 1)
        default: return nil
        }
    }

    static func loadBalancer(family: String, usage: String) -> (String, String, String, Double)? {
        let prefix = family == "Load Balancer-Application" ? "alb" : family == "Load Balancer-Network" ? "nlb" : "clb"
        if usage.contains("LoadBalancerUsage") { return ("\(prefix).hours", "", "Hrs", 1) }
        if usage.contains("LCUUsage"), prefix != "clb" {
            return (prefix == "alb" ? "alb.lcu" : "nlb.nlcu", "", "LCU-Hrs", 1)
        }
        if usage.contains("DataProcessing-Bytes"), prefix == "clb" { return ("clb.data_processed", "", "GB", 1) }
        return nil
    }

    static func rdsInstance(_ row: OfferRow) -> (String, String, String, Double)? {
        guard row[.termType] == "OnDemand", !row[.licenseModel].hasPrefix("Bring") else { return nil }
        let deployment: String
        switch row[.deploymentOption] {
        case "Single-AZ": deployment = "single_az"
        case "Multi-AZ": deployment = "multi_az"
        default: return nil
        }
        let engine: String
        switch (row[.databaseEngine], row[.databaseEdition]) {
        case ("MySQL", _): engine = "mysql"
        case ("PostgreSQL", _): engine = "postgresql"
        case ("MariaDB", _): engine = "mariadb"
        case ("Aurora MySQL", _): engine = "aurora-mysql"
        case ("Aurora PostgreSQL", _): engine = "aurora-postgresql"
        case ("SQL Server", "Express"): engine = "sqlserver-ex"
        case ("SQL Server", "Web"): engine = "sqlserver-web"
        case ("SQL Server", "Standard"): engine = "sqlserver-se"
        case ("SQL Server", "Enterprise"): engine = "sqlserver-ee"
        case ("Oracle", "Standard Two"): engine = "oracle-se2"
        default: return nil
        }
        return (
            "rds.instance",
            LineBuilder.attributes(
                ("deployment", deployment), ("engine", engine),
                ("instanceClass", row[.instanceType].lowercased())), "Hrs", 1
        )
    }
}

import SkyplanModel

extension LineBuilder {
    /// Cloudcraft `platform` → the price book's operating-system attribute.
    static func operatingSystem(_ platform: String?) -> String {
        switch platform?.lowercased() ?? "linux" {
        case "mswin", "windows": "windows"
        case "rhel", "redhat": "rhel"
        case "suse", "sles": "suse"
        case "mswinsql", "mswinsqlweb", "mswinsqlent": platform?.lowercased() ?? "windows"
        default: "linux"
        }
    }

    /// EC2 `tenancy` (`default` means shared) → the price book's tenancy attribute.
    static func tenancy(_ value: String?) -> String {
        switch value?.lowercased() ?? "shared" {
        case "dedicated": "dedicated"
        case "host": "host"
        default: "shared"
        }
    }

    /// EC2: instance hours by type, platform, tenancy and region under `billingOptions`
    /// (`od` on-demand, `ri` reserved, `si` spot), plus a public IPv4 address if configured.
    mutating func ec2() {
        guard let type = instanceType() else {
            add(
                "Instance hours", key("ec2.instance"), unit: "Hrs", quantity: hours, source: hoursSource,
                note: "no instanceType/instanceSize in the configuration")
            return
        }
        let os = Self.operatingSystem(component.string("platform"))
        let tenancy = Self.tenancy(component.string("tenancy"))
        let options = component.config["billingOptions"]?.objectValue ?? [:]
        let billing = options["type"]?.stringValue?.lowercased() ?? "od"
        let utilization = options["utilization"]?.doubleValue
        let (running, runningSource): (Double, QuantitySource) =
            utilization.map { ($0 * hours, .config("billingOptions.utilization")) }
            ?? (
                assumptions.ec2Utilization * hours,
                assumptions.ec2Utilization == 1 ? hoursSource : .assumption("ec2Utilization")
            )
        let base = Self.attributes(("instanceType", type), ("os", os), ("tenancy", tenancy))
        let label = "\(type) \(os) \(tenancy)"
        switch billing {
        case "ri":
            reserved(type: type, os: os, tenancy: tenancy, label: label, options: options)
        case "si":
            spot(base: base, label: label, hours: running, source: runningSource)
        default:
            add(
                "On-demand instance hours \(label)", key("ec2.instance", base), unit: "Hrs", quantity: running,
                source: runningSource)
        }
        // Public IPv4 addresses are billed per hour (since 2024-02-01): `publicIpCount`, or `publicIp` true = 1.
        if let addresses = component.number("publicIpCount"), addresses > 0 {
            publicIPv4(count: addresses, source: .config("publicIpCount"))
        } else if component.flag("publicIp") == true {
            publicIPv4(count: 1, source: .config("publicIp"))
        }
    }

    /// Reserved: recurring hours for the whole term, plus the upfront fee amortized per month.
    private mutating func reserved(
        type: String, os: String, tenancy: String, label: String, options: [String: JSONValue]
    ) {
        let months = options["leaseContractLength"]?.doubleValue ?? 12
        let years = months >= 36 ? "3yr" : "1yr"
        let purchase = (options["purchaseOption"]?.stringValue ?? "No Upfront").lowercased()
        let offering = (options["offeringClass"]?.stringValue ?? "standard").lowercased()
        let attributes = Self.attributes(
            ("instanceType", type), ("lease", years), ("offeringClass", offering), ("os", os),
            ("purchaseOption", purchase), ("tenancy", tenancy))
        let hourly = key("ec2.instance.ri", attributes)
        let missing =
            "no reserved price for \(hourly) in price book \(model.book.version); import an AmazonEC2 offer file "
            + "(skyplan prices import) to price reserved instances"
        let hasHourly = !model.book.tiers(hourly).isEmpty
        // Reserved hours are billed whether the instance runs or not.
        add(
            "Reserved instance hours \(label) \(years) \(purchase)", hourly, unit: "Hrs", quantity: hours,
            source: .rule("reserved: billed \(BudgetFormat.number(hours)) h/month"), note: hasHourly ? "" : missing)
        if purchase != "no upfront" {
            let upfront = key("ec2.instance.ri.upfront", attributes)
            let termMonths = years == "3yr" ? 36.0 : 12.0
            add(
                "Reserved upfront fee \(years) \(purchase), amortized", upfront, unit: "Quantity",
                quantity: 1 / termMonths, source: .rule("upfront fee ÷ \(Int(termMonths)) months"), upfront: true,
                note: model.book.tiers(upfront).isEmpty ? missing : "")
        }
    }

    /// Spot: book spot price if present, else the configured discount rule, else unpriced.
    private mutating func spot(base: String, label: String, hours running: Double, source: QuantitySource) {
        let spotKey = key("ec2.instance.spot", base)
        if !model.book.tiers(spotKey).isEmpty {
            add("Spot instance hours \(label)", spotKey, unit: "Hrs", quantity: running, source: source)
            return
        }
        let onDemand = key("ec2.instance", base)
        if let discount = model.rules.spotDiscountFromOnDemand, let quote = model.book.quote(onDemand, quantity: 1) {
            addRuled(
                "Spot instance hours \(label)", spotKey, unit: "Hrs", quantity: running, source: source,
                unitPrice: quote.unitPrice * (1 - discount), provenance: quote.provenance,
                priceSource: quote.sources, priceAsOf: quote.asOfDates,
                note: "rule: spot = on-demand × (1 − \(BudgetFormat.number(discount))); not a market price")
            return
        }
        add(
            "Spot instance hours \(label)", spotKey, unit: "Hrs", quantity: running, source: source,
            note: "no spot price in price book \(model.book.version) and no spot discount rule configured")
    }

    /// EBS: GB-month by volume type, plus provisioned IOPS and throughput above what is included, and
    /// snapshot GB. Reads discovery's `volumeType`/`volumeSize` or Cloudcraft's `volume`/`storage`.
    mutating func ebs() {
        var type = (component.string("volumeType") ?? component.string("volume") ?? assumptions.ebsVolumeType)
            .lowercased()
        if type == "magnetic" { type = "standard" }
        let sizeKey = component.number("volumeSize") != nil ? "volumeSize" : "storage"
        let (size, sizeSource) = quantity(sizeKey, assumption: "ebsVolumeGB", assumptions.ebsVolumeGB)
        add("Storage \(type)", key("ebs.\(type).storage"), unit: "GB-Mo", quantity: size, source: sizeSource)
        if let snapshots = component.number("snapshots"), snapshots > 0 {
            add(
                "Snapshot storage", key("ebs.snapshot.storage"), unit: "GB-Mo", quantity: snapshots,
                source: .config("snapshots"))
        }
        let iops = component.number("iops") ?? 0
        switch type {
        case "gp3":
            if iops > 3000 {
                add(
                    "Provisioned IOPS above 3000", key("ebs.gp3.iops_above_3000"), unit: "IOPS-Mo",
                    quantity: iops - 3000, source: .config("iops"))
            }
            if let throughput = component.number("throughput"), throughput > 125 {
                add(
                    "Provisioned throughput above 125 MiB/s", key("ebs.gp3.throughput_above_125"), unit: "MiBps-Mo",
                    quantity: throughput - 125, source: .config("throughput"))
            }
        case "io1", "io2":
            if iops > 0 {
                add(
                    "Provisioned IOPS", key(type == "io1" ? "ebs.io1.iops" : "ebs.io2.iops"), unit: "IOPS-Mo",
                    quantity: iops, source: .config("iops"))
            }
        default: break
        }
    }
}

import SkyplanAWS
import SkyplanModel

/// Pure normalisation of EC2/RDS/ElastiCache shapes into Cloudcraft's node keys.
public enum InstanceShape {
    /// Splits `m5.large`, `db.m5.large` or `cache.t3.micro` into family (`m5`) and size (`large`).
    public static func split(_ instanceClass: String) -> (type: String, size: String)? {
        var parts = instanceClass.split(separator: ".").map(String.init)
        if let first = parts.first, first == "db" || first == "cache" { parts.removeFirst() }
        guard parts.count >= 2 else { return nil }
        return (parts[0], parts[1...].joined(separator: "."))
    }

    /// The config keys `instanceType` and `instanceSize` for an instance class, if it splits.
    public static func config(_ instanceClass: String?) -> [String: JSONValue] {
        guard let instanceClass, let shape = split(instanceClass) else { return [:] }
        return ["instanceType": .string(shape.type), "instanceSize": .string(shape.size)]
    }

    /// The config of an EC2 instance: shape, platform, tenancy and, for spot instances, how it is billed.
    public static func config(of instance: Instance) -> [String: JSONValue] {
        var config = config(instance.instanceType)
        config["platform"] = .string(
            platform(
                details: instance.platformDetails, usageOperation: instance.usageOperation,
                platform: instance.platform))
        config["tenancy"] = .string(instance.tenancy.isEmpty ? "default" : instance.tenancy)
        config.merge(billing(lifecycle: instance.instanceLifecycle)) { _, new in new }
        return config
    }

    /// Spot instances (`InstanceLifecycle` `spot`): `lifecycle` `spot` and `billingOptions` `{"type": "si"}`, which
    /// the budget prices as spot hours (its utilization assumption applies, as for on-demand). Nothing otherwise:
    /// the budget's default is on-demand, and a capacity block is no spot price.
    public static func billing(lifecycle: String?) -> [String: JSONValue] {
        guard lifecycle?.lowercased() == "spot" else { return [:] }
        return ["lifecycle": .string("spot"), "billingOptions": .object(["type": .string("si")])]
    }

    /// Cloudcraft's `platform` from EC2's `PlatformDetails`, else `UsageOperation`, else `Platform`.
    ///
    /// See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/billing-info-fields.html
    public static func platform(details: String?, usageOperation: String?, platform: String?) -> String {
        if let details, let value = platformDetails[details] { return value }
        if let usageOperation, let value = usageOperations[usageOperation] { return value }
        if platform?.lowercased() == "windows" { return "mswin" }
        if let details {
            let lower = details.lowercased()
            if lower.contains("windows") { return "mswin" }
            if lower.contains("red hat") { return "rhel" }
            if lower.contains("suse") { return "sles" }
        }
        return "linux"
    }

    static let platformDetails: [String: String] = [
        "Linux/UNIX": "linux",
        "Red Hat BYOL Linux": "linux",
        "Red Hat Enterprise Linux": "rhel",
        "Red Hat Enterprise Linux with HA": "rhel",
        "Red Hat Enterprise Linux with SQL Server Standard and HA": "rhelSQL",
        "Red Hat Enterprise Linux with SQL Server Standard": "rhelSQL",
        "SUSE Linux": "sles",
        "Ubuntu Pro": "ubuntuPro",
        "Windows": "mswin",
        "Windows BYOL": "mswin",
        "Windows with SQL Server Enterprise": "mswinSQLEnterprise",
        "Windows with SQL Server Standard": "mswinSQL",
        "Windows with SQL Server Web": "mswinSQLWeb",
        "Linux with SQL Server Standard": "linuxSQL",
        "Linux with SQL Server Web": "linuxSQLWeb",
        "Linux with SQL Server Enterprise": "linuxSQLEnterprise",
    ]

    static let usageOperations: [String: String] = [
        "RunInstances": "linux",
        "RunInstances:00g0": "linux",
        "RunInstances:0010": "rhel",
        "RunInstances:1010": "rhel",
        "RunInstances:1014": "rhelSQL",
        "RunInstances:0014": "rhelSQL",
        "RunInstances:000g": "sles",
        "RunInstances:0g00": "ubuntuPro",
        "RunInstances:0002": "mswin",
        "RunInstances:0800": "mswin",
        "RunInstances:0102": "mswinSQLEnterprise",
        "RunInstances:0006": "mswinSQL",
        "RunInstances:0202": "mswinSQLWeb",
        "RunInstances:0004": "linuxSQL",
        "RunInstances:0200": "linuxSQLWeb",
        "RunInstances:0100": "linuxSQLEnterprise",
    ]
}

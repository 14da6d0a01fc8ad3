import Foundation
import SkyplanBudget
import SkyplanModel

/// `skyplan-bench budget [--offer-mb N] [--components N] [--import-only]`: streams a generated AWS
/// Price List offer CSV of ~N MB (default 500) through `PriceImporter` (time, peak RSS), then
/// prices N components (default 100,000) with the bundled book.
enum BudgetBenchmark {
    static func run(_ args: [String]) async throws {
        let offerMB = Int(value(of: "--offer-mb", in: args) ?? "") ?? 500
        let componentCount = Int(value(of: "--components", in: args) ?? "") ?? 100_000
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-bench-offer-\(getpid()).csv")
        defer { try? FileManager.default.removeItem(at: url) }

        var clock = ContinuousClock.now
        let rows = try writeOffer(to: url, megabytes: offerMB)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        print("generated offer: \(rows) rows, \(size / 1_000_000) MB in \(seconds(since: clock)) s")

        resetPeakRSS()
        let rssBefore = memory("VmRSS")
        clock = .now
        let result = try PriceImporter().importCSV(at: url)
        let importSeconds = seconds(since: clock)
        print("import: \(result.rowsRead) rows read, \(result.rowsImported) imported, \(result.book.count) facts")
        print(
            String(
                format: "import: %.2f s, %.0f MB/s; RSS before %d MB, peak during import %d MB",
                importSeconds, Double(size) / 1_000_000 / importSeconds, rssBefore / 1024, memory("VmHWM") / 1024))

        if args.contains("--import-only") { return }
        let book = try PriceBook.bundled().merging(result.book)
        let components = makeComponents(componentCount)
        let model = CostModel(book: book)
        clock = .now
        let budget = model.budget(for: components)
        let priceSeconds = seconds(since: clock)
        print(
            String(
                format: "price %d components: %.3f s (%d lines, %d unpriced, total $%.2f/month)",
                componentCount, priceSeconds, budget.lines.count, budget.unpricedLineCount, budget.total()))
        clock = .now
        let csv = try BudgetExporter(rates: ExchangeRates.bundled()).csv(budget)
        print(
            String(
                format: "export CSV of %d components: %.3f s (%d KB)", componentCount, seconds(since: clock),
                csv.utf8.count / 1024))
    }

    static func value(of flag: String, in args: [String]) -> String? {
        guard let index = args.firstIndex(of: flag), index + 1 < args.count else { return nil }
        return args[index + 1]
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// A field of /proc/self/status in kB (Linux).
    static func memory(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") ?? 0
        }
        return 0
    }

    /// Resets VmHWM so the peak covers the import only (Linux `clear_refs` 5).
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static let header = [
        "SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
        "EndingRange", "Unit", "PricePerUnit", "Currency", "RelatedTo", "LeaseContractLength", "PurchaseOption",
        "OfferingClass", "Product Family", "serviceCode", "Location", "Location Type", "Instance Type",
        "Current Generation", "Instance Family", "vCPU", "Physical Processor", "Clock Speed", "Memory", "Storage",
        "Network Performance", "Processor Architecture", "Storage Media", "Volume Type", "Max Volume Size",
        "Max IOPS/volume", "Max IOPS Burst Performance", "Max throughput/volume", "Provisioned", "Tenancy",
        "EBS Optimized", "Operating System", "License Model", "Group", "Group Description", "Transfer Type",
        "From Location", "From Location Type", "To Location", "To Location Type", "usageType", "operation",
        "AvailabilityZone", "CapacityStatus", "ClassicNetworkingSupport", "Dedicated EBS Throughput", "ECU",
        "Enhanced Networking Supported", "GPU", "GPU Memory", "Instance", "Intel AVX Available",
        "Intel AVX2 Available", "Intel Turbo Available", "MarketOption", "Normalization Size Factor",
        "Physical Cores", "Pre Installed S/W", "Processor Features", "Product Type", "Region Code", "Resource Type",
        "serviceName", "Volume API Name", "VPCNetworkingSupport",
    ]

    /// Writes an EC2-shaped offer file of about `megabytes` MB; returns the row count.
    static func writeOffer(to url: URL, megabytes: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = """
            "FormatVersion","v1.0"
            "Disclaimer","This pricing list is for informational purposes only."
            "Publication Date","2026-10-01T00:00:00Z"
            "Version","20261001000000"
            "OfferCode","AmazonEC2"

            """
        buffer += header.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
        // ~1,000 instance types × 4 systems × 6 regions × on-demand and 6 reserved options: a book of
        // realistic size (a real EC2 region file yields ~10⁵ facts).
        let families = (0..<125).map { "x\($0)" }
        let sizes = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]
        let systems = ["Linux", "Windows", "RHEL", "SUSE"]
        let software = ["NA", "NA", "SQL Web", "SQL Std"]
        let capacity = ["Used", "UnusedCapacityReservation", "AllocatedCapacityReservation"]
        let regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]
        let target = megabytes * 1_000_000
        var written = 0, rows = 0
        while written < target {
            let family = families[rows % families.count], size = sizes[(rows / 125) % sizes.count]
            let type = "\(family).\(size)"
            let os = systems[(rows / 1000) % 4], sw = software[(rows / 4000) % 4]
            let status = capacity[(rows / 16000) % 3], region = regions[(rows / 48000) % regions.count]
            let reserved = rows % 7 >= 4
            let lease = rows % 2 == 0 ? "1yr" : "3yr"
            let purchase = ["No Upfront", "Partial Upfront", "All Upfront"][rows % 3]
            let price = String(format: "%.10f", 0.01 * Double(rows % 997 + 1))
            let fields = [
                "SKU\(rows / 5)", reserved ? "38NPMPTW36" : "JRTCKXETXF", "SKU\(rows).R\(rows % 5)",
                reserved ? "Reserved" : "OnDemand", "$\(price) per On Demand \(os) \(type) Instance Hour, shared",
                "2026-09-01", "0", "Inf", "Hrs", price, "USD", "", reserved ? lease : "", reserved ? purchase : "",
                reserved ? "standard" : "", "Compute Instance", "AmazonEC2", "Region \(region)", "AWS Region", type,
                "Yes",
                "General purpose", "8", "Intel Xeon Platinum 8175", "3.1 GHz", "32 GiB", "EBS only", "Up to 10 Gigabit",
                "64-bit", "", "", "", "", "", "", "", "Shared", "", os, "No License required", "", "", "", "", "", "",
                "",
                "BoxUsage:\(type)", "RunInstances", "NA", status, "false", "Up to 4750 Mbps", "Variable", "Yes", "", "",
                "", "Yes", "Yes", "Yes", "OnDemand", "4", "4", sw, "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
                "", region, "", "Amazon Elastic Compute Cloud", "", "Yes",
            ]
            buffer += fields.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
            rows += 1
            if buffer.utf8.count > 4_000_000 {
                written += buffer.utf8.count
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        return rows
    }

    /// A deterministic mix of component types and configurations.
    static func makeComponents(_ count: Int) -> [PricedComponent] {
        let types: [(ComponentType, [String: JSONValue])] = [
            (.ec2, ["instanceType": "m5", "instanceSize": "large", "platform": "linux"]),
            (.ec2, ["instanceType": "c6g", "instanceSize": "xlarge", "billingOptions": .object(["type": "si"])]),
            (.ebs, ["volumeType": "gp3", "volumeSize": 200, "iops": 6000]),
            (.elb, ["elbType": "application"]), (.natGateway, ["dataGb": 500]),
            (.lambda, ["memory": 512, "mRequests": 20]), (.s3, ["dataGb": 1000]),
            (.dynamoDB, ["capacityMode": "on-demand"]),
            (
                .rds,
                [
                    "engine": "mysql", "instanceType": "db.t3",
                    "instanceSize": "large", "multiAZ": true, "storage": 100,
                ]
            ),
            (.vpc, [:]), (.sqs, [:]), (.ec2, ["instanceType": "zz9", "instanceSize": "huge"]),
        ]
        return (0..<count).map { index in
            let (type, config) = types[index % types.count]
            return PricedComponent(
                id: "c\(index)", type: type, region: index % 7 == 0 ? "eu-west-1" : "us-east-1", config: config,
                container: ContainerPath(
                    account: "11112222333\(index % 3)", region: "us-east-1",
                    vpc: "vpc-\(index % 20)", subnet: "subnet-\(index % 60)"))
        }
    }
}

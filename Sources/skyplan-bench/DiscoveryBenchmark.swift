import AsyncHTTPClient
import Foundation
import SkyplanAWS
import SkyplanDiscovery
import SkyplanModel

/// Discovery figures: a real scan through an endpoint (`--endpoint URL --regions a,b`), the peak memory of a whole
/// scan of an in-process AWS (`--synthetic-aws 100000`), or of a synthetic inventory (`--synthetic 100000`).
enum DiscoveryBenchmark {
    static func run(_ args: [String]) async throws {
        var options: [String: String] = [:]
        var index = 0
        while index + 1 < args.count {
            options[args[index].trimmingCharacters(in: CharacterSet(charactersIn: "-"))] = args[index + 1]
            index += 2
        }
        if let count = options["synthetic-aws"].flatMap(Int.init) {
            try await syntheticScan(count, out: options["out"] ?? "/dev/null")
        } else if let count = options["synthetic"].flatMap(Int.init) {
            try synthetic(count, out: options["out"] ?? "/dev/null", oneShot: options["encode"] == "oneshot")
        } else if let endpoint = options["endpoint"] {
            let regions = (options["regions"] ?? "us-east-1").split(separator: ",").map(String.init)
            try await scan(endpoint: endpoint, regions: regions, options: options)
        } else {
            print(
                "usage: skyplan-bench discovery --endpoint URL --regions r1,r2 [--concurrency N] [--per-item N] [--rate R|0] [--pace region] [--connections N] [--role ARN --account ID] [--services a,b] [--out FILE] | --synthetic-aws N [--out FILE] | --synthetic N [--out FILE] [--encode stream|oneshot]"
            )
        }
    }

    /// Builds, links and writes an inventory of `count` resources as the CLI's `--format inventory` JSON to
    /// `out` (streamed, or through one `JSONEncoder.encode` with `oneShot`), printing the process's peak memory
    /// after each stage.
    static func synthetic(_ count: Int, out: String, oneShot: Bool) throws {
        let before = peakMemoryMB()
        let clock = ContinuousClock()
        let start = clock.now
        let raw = SyntheticInventory.make(resources: count)
        print(String(format: "after build: peak RSS %.1f MB", peakMemoryMB()))
        let inventory = InventoryLinker.link(raw)
        let built = clock.now - start
        print(String(format: "after link: peak RSS %.1f MB", peakMemoryMB()))
        let encodeStart = clock.now
        let bytes = try writeJSON(inventory, to: out, oneShot: oneShot)
        let encoded = clock.now - encodeStart
        print(
            "synthetic inventory: \(inventory.resources.count) resources, \(inventory.relationships.count) relationships"
        )
        print("build + link: \(built), JSON (\(oneShot ? "one-shot" : "streamed")) \(bytes) bytes in \(encoded)")
        print(String(format: "peak RSS: %.1f MB (%.1f MB before)", peakMemoryMB(), before))
    }

    /// Scans an in-process AWS holding about `count` resources over four regions (`SyntheticAWS`) with the
    /// product's scan configuration, as `skyplan scan --format inventory` does (scan, link, streamed JSON to `out`),
    /// printing the peak resident memory after each stage.
    static func syntheticScan(_ count: Int, out: String) async throws {
        let before = peakMemoryMB()
        let regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"]
        let transport = CountingTransport(inner: SyntheticAWS(resources: count, regions: regions.count))
        let client = AWSClient(
            transport: transport,
            credentials: StaticCredentialProvider(accessKeyID: "testing", secretAccessKey: "testing"),
            configuration: AWSConfiguration(region: "us-east-1", endpointURL: URL(string: "https://aws.bench.invalid")))
        let clock = ContinuousClock()
        let start = clock.now
        let inventory = await Scanner(client: client, configuration: ScanConfiguration()).scan(
            ScanRequest(accountID: SyntheticAWS.account, regions: regions, services: nil))
        let scanned = clock.now - start
        print(String(format: "after scan and link: peak RSS %.1f MB", peakMemoryMB()))
        let encodeStart = clock.now
        var sink = try FileHandleJSONSink(path: out)
        try InventoryJSONWriter(outputFormatting: .prettyPrinted, dateEncodingStrategy: .iso8601)
            .write(inventory, to: &sink)
        let encoded = clock.now - encodeStart
        print(
            "synthetic AWS scan: \(inventory.resources.count) resources, \(inventory.relationships.count) relationships, "
                + "\(inventory.diagnostics.count) diagnostics, \(await transport.count) requests")
        for diagnostic in inventory.diagnostics.prefix(10) { print("diagnostic: \(diagnostic)") }
        print("scan + link: \(scanned), JSON (streamed) \(sink.bytesWritten) bytes in \(encoded)")
        print(String(format: "peak RSS: %.1f MB (%.1f MB before)", peakMemoryMB(), before))
    }

    /// Writes `inventory` as pretty, sorted, ISO 8601 JSON to the file at `path` and returns its size in bytes.
    static func writeJSON(_ inventory: Inventory, to path: String, oneShot: Bool) throws -> Int {
        let url = URL(fileURLWithPath: path)
        if oneShot {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let data = try encoder.encode(inventory)
            try data.write(to: url)
            return data.count
        }
        var sink = try FileHandleJSONSink(path: path)
        try InventoryJSONWriter(outputFormatting: .prettyPrinted, dateEncodingStrategy: .iso8601)
            .write(inventory, to: &sink)
        return sink.bytesWritten
    }

    /// The process's peak resident set (VmHWM), in MB.
    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}

/// A deterministic inventory shaped like a real account: VPCs, subnets, instances with volumes, functions.
enum SyntheticInventory {
    static func make(resources count: Int) -> Inventory {
        var resources: [Resource] = []
        var relationships: [Relationship] = []
        resources.reserveCapacity(count)
        let account = "123456789012"
        let regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"]
        var n = 0
        func arn(_ region: String, _ kind: String, _ id: String) -> String {
            "arn:aws:ec2:\(region):\(account):\(kind)/\(id)"
        }
        while resources.count < count {
            let region = regions[n % regions.count]
            let vpc = String(format: "vpc-%012x", n)
            resources.append(
                Resource(
                    arn: arn(region, "vpc", vpc), type: .vpc, resourceID: vpc, accountID: account,
                    region: region, tags: ["Name": "vpc-\(n)", "env": "prod"], config: ["cidr": "10.0.0.0/16"]))
            for s in 0..<6 where resources.count < count {
                let subnet = String(format: "subnet-%08x%04x", n, s)
                let zone = "\(region)\(["a", "b", "c"][s % 3])"
                resources.append(
                    Resource(
                        arn: arn(region, "subnet", subnet), type: .subnet, resourceID: subnet, accountID: account,
                        region: region, tags: ["Name": "subnet-\(s)"],
                        placement: Placement(vpcID: vpc, availabilityZones: [zone]),
                        config: [
                            "subnetType": .string(s < 2 ? "public" : "private"), "cidr": .string("10.0.\(s).0/24"),
                        ]))
                for i in 0..<40 where resources.count < count {
                    let instance = String(format: "i-%08x%04x%04x", n, s, i)
                    let instanceARN = arn(region, "instance", instance)
                    resources.append(
                        Resource(
                            arn: instanceARN, type: .ec2, resourceID: instance, accountID: account, region: region,
                            tags: ["Name": "web-\(i)", "app": "shop", "env": "prod", "team": "platform"],
                            placement: Placement(
                                vpcID: vpc, subnetIDs: [subnet], availabilityZones: [zone],
                                securityGroupIDs: ["sg-\(n)"]),
                            config: [
                                "instanceType": "m5", "instanceSize": "large", "platform": "linux",
                                "tenancy": "default",
                            ]))
                    guard resources.count < count else { break }
                    let volume = String(format: "vol-%08x%04x%04x", n, s, i)
                    resources.append(
                        Resource(
                            arn: arn(region, "volume", volume), type: .ebs, resourceID: volume, accountID: account,
                            region: region, tags: ["Name": "web-\(i)-root"],
                            placement: Placement(availabilityZones: [zone]),
                            config: ["volumeType": "gp3", "volumeSize": 100, "iops": 3000, "throughput": 125]))
                    relationships.append(
                        Relationship(
                            from: arn(region, "volume", volume), to: instanceARN, kind: .attachment,
                            evidence: "ec2:DescribeVolumes Attachments \(instance) /dev/xvda"))
                }
            }
            n += 1
        }
        return Inventory(resources: resources, relationships: relationships, accountIDs: [account], regions: regions)
    }
}

extension DiscoveryBenchmark {
    /// Scans `regions` through `endpoint` (the latency proxy) with test credentials, as account 123456789012 or
    /// `--role ARN`, and prints what it found, the calls it made and the wall time.
    static func scan(endpoint: String, regions: [String], options: [String: String]) async throws {
        guard let url = URL(string: endpoint) else { throw CancellationError() }
        // `--connections N`: a client of its own with N connections per host (default: the product's shared one).
        let http = options["connections"].flatMap(Int.init).map { limit in
            HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                configuration: .init(
                    connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: limit))
            )
        }
        let counter = CountingTransport(
            inner: http.map { AsyncHTTPClientTransport(client: $0) } ?? AsyncHTTPClientTransport())
        var configuration = AWSConfiguration(region: regions.first ?? "us-east-1", endpointURL: url)
        configuration.retry.maxAttempts = 10
        var client = AWSClient(
            transport: counter,
            credentials: StaticCredentialProvider(accessKeyID: "testing", secretAccessKey: "testing"),
            configuration: configuration)
        if let role = options["role"] {
            client = await AssumedRoleCache(stsClient: client).client(roleARN: role, externalID: nil)
        }
        let concurrency = options["concurrency"].flatMap(Int.init) ?? 32
        let services = options["services"].map { Set($0.split(separator: ",").map(String.init)) }
        let rate = options["rate"].flatMap(Double.init) ?? 19
        let scanner = Scanner(
            client: client,
            configuration: ScanConfiguration(
                concurrency: concurrency, perItemConcurrency: options["per-item"].flatMap(Int.init) ?? 32,
                perOperationRate: rate > 0 ? rate : nil, perOperationBurst: options["burst"].flatMap(Double.init) ?? 5,
                pacePerRegion: options["pace"] == "region"))
        let account = options["account"] ?? "123456789012"
        let clock = ContinuousClock()
        let start = clock.now
        let verbose = options["verbose"] != nil
        let inventory = await scanner.scan(ScanRequest(accountID: account, regions: regions, services: services)) {
            event in
            guard verbose, case .collected(_, let region, let service, let resources, _) = event.event else { return }
            print("  \(clock.now - start) \(service) \(region) \(resources)")
        }
        let elapsed = clock.now - start
        try await http?.shutdown()
        var byType: [String: Int] = [:]
        for resource in inventory.resources { byType[resource.type.rawValue, default: 0] += 1 }
        for (type, count) in byType.sorted(by: { $0.key < $1.key }) {
            print("\(type.padding(toLength: 26, withPad: " ", startingAt: 0)) \(count)")
        }
        var kinds: [String: Int] = [:]
        for relationship in inventory.relationships { kinds[relationship.kind.rawValue, default: 0] += 1 }
        print(
            "relationships: " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        )
        for diagnostic in inventory.diagnostics.prefix(20) { print("diagnostic: \(diagnostic)") }
        let calls = await counter.count
        print(
            "resources: \(inventory.resources.count), relationships: \(inventory.relationships.count), "
                + "diagnostics: \(inventory.diagnostics.count)")
        print("HTTP requests: \(calls), wall: \(elapsed)")
        if let out = options["out"] {
            var sink = try FileHandleJSONSink(path: out)
            try InventoryJSONWriter().write(inventory, to: &sink)
        }
    }
}

/// Counts the HTTP requests the client sends (retries included).
actor RequestCount {
    var value = 0
    func add() { value += 1 }
}

struct CountingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let counter = RequestCount()
    var count: Int { get async { await counter.value } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        await counter.add()
        return try await inner.send(request, timeout: timeout)
    }
}

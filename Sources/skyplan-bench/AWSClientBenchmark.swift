import Foundation
import SkyplanAWS
import Synchronization

/// `skyplan-bench awsclient [--endpoint URL] [--seconds N] [--concurrency C]`: signed DescribeInstances
/// requests/s against moto, Skyplan's client and boto3 side by side in the same run, and signatures/s.
enum AWSClientBenchmark {
    static func run(_ args: [String]) async throws {
        var endpoint = ProcessInfo.processInfo.environment["SKYPLAN_MOTO_URL"] ?? "http://127.0.0.1:5101"
        var seconds = 5.0
        var concurrency = 8
        var index = 0
        while index < args.count - 1 {
            switch args[index] {
            case "--endpoint": endpoint = args[index + 1]
            case "--seconds": seconds = Double(args[index + 1]) ?? seconds
            case "--concurrency": concurrency = Int(args[index + 1]) ?? concurrency
            default: break
            }
            index += 2
        }
        guard let url = URL(string: endpoint) else { throw AWSClientBenchmarkError("bad endpoint \(endpoint)") }
        print("awsclient benchmark: endpoint \(endpoint), \(seconds)s per client, concurrency \(concurrency)")
        let signatures = signingRate()
        print(String(format: "signing only (1 core):        %10.0f signatures/s", signatures))
        try python(seedScript(endpoint))
        let swiftRate = try await skyplanRate(url, seconds: seconds, concurrency: concurrency)
        let botoRate = try botoRate(endpoint, seconds: seconds, concurrency: concurrency)
        print(String(format: "Skyplan DescribeInstances:    %10.1f requests/s", swiftRate))
        print(String(format: "boto3   DescribeInstances:    %10.1f requests/s", botoRate))
        print(String(format: "ratio Skyplan/boto3:          %10.2f", botoRate > 0 ? swiftRate / botoRate : 0))
    }

    static func signingRate() -> Double {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token"),
            region: "us-west-2", service: "ec2")
        let request = SignableRequest(
            method: "POST", host: "ec2.us-west-2.amazonaws.com",
            headers: ["content-type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Data("Action=DescribeInstances&MaxResults=1000&Version=2016-11-15".utf8))
        let count = 50_000
        let clock = ContinuousClock()
        var sink = 0
        let elapsed = clock.measure {
            for step in 0..<count {
                let signed = signer.sign(request, date: Date(timeIntervalSince1970: 1_700_000_000 + Double(step)))
                sink &+= signed.headers.count
            }
        }
        if sink == 0 { print("(no headers signed)") }
        return Double(count) / (elapsed / .seconds(1))
    }

    static func skyplanRate(_ url: URL, seconds: Double, concurrency: Int) async throws -> Double {
        let client = AWSClient(
            credentials: StaticCredentialProvider(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            configuration: AWSConfiguration(region: "us-west-2", endpointURL: url))
        _ = try await client.describeInstances()
        let done = AWSClientBenchmarkCounter()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(seconds)
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while clock.now < deadline {
                        _ = try await client.describeInstances()
                        done.value.withLock { $0 += 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(done.value.withLock { $0 }) / ((clock.now - start) / .seconds(1))
    }

    static func botoRate(_ endpoint: String, seconds: Double, concurrency: Int) throws -> Double {
        let output = try python(
            """
            import boto3, threading, time
            def make():
                return boto3.session.Session().client('ec2', endpoint_url='\(endpoint)', region_name='us-west-2',
                    aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret')
            clients = [make() for _ in range(\(concurrency))]
            for c in clients: c.describe_instances()
            counts = [0] * \(concurrency)
            deadline = time.monotonic() + \(seconds)
            def work(i):
                while time.monotonic() < deadline:
                    clients[i].describe_instances(MaxResults=1000)
                    counts[i] += 1
            start = time.monotonic()
            threads = [threading.Thread(target=work, args=(i,)) for i in range(\(concurrency))]
            for t in threads: t.start()
            for t in threads: t.join()
            print(sum(counts) / (time.monotonic() - start))
            """)
        return Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    static func seedScript(_ endpoint: String) -> String {
        """
        import boto3
        ec2 = boto3.client('ec2', endpoint_url='\(endpoint)', region_name='us-west-2',
            aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret')
        if not ec2.describe_instances()['Reservations']:
            ec2.run_instances(ImageId='ami-12c6146b', MinCount=20, MaxCount=20, InstanceType='t3.micro')
        """
    }

    @discardableResult
    static func python(_ code: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AWSClientBenchmarkError("python exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A benchmark set-up failure.
struct AWSClientBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Requests completed, shared by the benchmark's tasks.
final class AWSClientBenchmarkCounter: Sendable {
    let value = Mutex(0)
}

import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SkyplanModel
import SkyplanServer
import SkyplanStore

/// `skyplan-bench api [--clients 50] [--seconds 10] [--blueprints 600] [--writes 20] [--database URL]
/// [--replicas 1] [--port 18473] [--url URL --key KEY]`: the HTTP API under concurrent load.
///
/// Starts the real server in-process (a fresh SQLite file unless `--database` names another store), with an
/// owner and a read-write API key, creates `--blueprints` blueprints through the API, then lets `--clients`
/// clients loop for `--seconds`: `--writes` percent `PUT /blueprint/{id}`, the rest split between
/// `GET /blueprint` (the list) and `GET /blueprint/{id}`. Prints requests/s, p50 and p99 per kind. With
/// `--replicas N`, N servers (each its own store and caches, as separate processes would have) share the
/// database on consecutive ports, and the clients are spread over them.
/// With `--url` and `--key` it loads a server that is already running instead.
enum APIBenchmark {
    static func run(_ args: [String]) async throws {
        let clients = Int(BudgetBenchmark.value(of: "--clients", in: args) ?? "") ?? 50
        let seconds = Int(BudgetBenchmark.value(of: "--seconds", in: args) ?? "") ?? 10
        let blueprints = Int(BudgetBenchmark.value(of: "--blueprints", in: args) ?? "") ?? 600
        let writePercent = Int(BudgetBenchmark.value(of: "--writes", in: args) ?? "") ?? 20
        let port = Int(BudgetBenchmark.value(of: "--port", in: args) ?? "") ?? 18473
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients + 8)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await load(
                http, args, clients: clients, seconds: seconds, blueprints: blueprints,
                writePercent: writePercent, port: port)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    static func load(
        _ http: HTTPClient, _ args: [String], clients: Int, seconds: Int, blueprints: Int, writePercent: Int, port: Int
    ) async throws {

        var targets: [Target] = []
        var servers: [Task<Void, any Error>] = []
        if let url = BudgetBenchmark.value(of: "--url", in: args) {
            guard let key = BudgetBenchmark.value(of: "--key", in: args) else {
                print("--url needs --key (a read-write API key)")
                exit(2)
            }
            targets = [Target(base: url, key: key)]
        } else {
            let database =
                BudgetBenchmark.value(of: "--database", in: args)
                ?? "sqlite:"
                + FileManager.default.temporaryDirectory.appendingPathComponent(
                    "skyplan-bench-api-\(getpid()).sqlite"
                ).path
            let replicas = max(1, Int(BudgetBenchmark.value(of: "--replicas", in: args) ?? "") ?? 1)
            for replica in 0..<replicas {
                let started = try await startServer(database: database, port: port + replica)
                servers.append(started.task)
                targets.append(Target(base: "http://127.0.0.1:\(port + replica)", key: started.key))
                try await waitUntilUp(http, targets[replica])
            }
            print("server: \(replicas) in-process on ports from \(port), database \(database.prefix(9))...")
        }
        defer { for server in servers { server.cancel() } }

        var clock = ContinuousClock.now
        let ids = try await seed(http, targets[0], count: blueprints)
        print("seeded \(ids.count) blueprints in \(BudgetBenchmark.seconds(since: clock)) s")

        clock = .now
        let deadline = ContinuousClock.now + .seconds(seconds)
        let samples = try await withThrowingTaskGroup(of: [Sample].self) { group in
            for client in 0..<clients {
                // With several replicas each client talks to one of them, in turn.
                let target = targets[client % targets.count]
                group.addTask {
                    var random = SeededRandom(seed: UInt64(client + 1))
                    var samples: [Sample] = []
                    while ContinuousClock.now < deadline {
                        let roll = Int(random.next() % 100)
                        let id = ids[Int(random.next() % UInt64(ids.count))]
                        let kind: Kind = roll < writePercent ? .write : (roll % 2 == 0 ? .list : .read)
                        let start = ContinuousClock.now
                        let status = try await request(http, target, kind: kind, id: id, seed: random.next())
                        samples.append(Sample(kind: kind, status: status, elapsed: ContinuousClock.now - start))
                    }
                    return samples
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let wall = BudgetBenchmark.seconds(since: clock)
        report(samples, wall: wall, clients: clients, blueprints: ids.count)
    }

    struct Target: Sendable {
        let base: String
        let key: String
    }

    enum Kind: String, CaseIterable, Sendable {
        case list = "GET /blueprint"
        case read = "GET /blueprint/{id}"
        case write = "PUT /blueprint/{id}"
    }

    struct Sample: Sendable {
        let kind: Kind
        let status: Int
        let elapsed: Duration
    }

    static func report(_ samples: [Sample], wall: Double, clients: Int, blueprints: Int) {
        print(String(format: "%d clients, %.1f s, %d blueprints", clients, wall, blueprints))
        let groups: [(String, [Sample])] =
            Kind.allCases.map { kind in (kind.rawValue, samples.filter { $0.kind == kind }) } + [
                ("reads (list + one)", samples.filter { $0.kind != .write }),
                ("writes", samples.filter { $0.kind == .write }), ("all", samples),
            ]
        for (name, group) in groups where !group.isEmpty {
            let millis = group.map {
                Double($0.elapsed.components.attoseconds) / 1e15 + Double($0.elapsed.components.seconds) * 1000
            }
            .sorted()
            let failures = group.filter { !(200..<300).contains($0.status) }.count
            print(
                String(
                    format: "%-22@ %7.1f req/s  p50 %7.1f ms  p99 %7.1f ms  (%d requests, %d not 2xx)",
                    name as NSString, Double(group.count) / wall, percentile(millis, 0.50), percentile(millis, 0.99),
                    group.count, failures))
        }
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }

    static func blueprintBody(name: String, seed: UInt64) -> String {
        let nodes = (0..<12).map { index in
            #"{"type":"ec2","id":"n\#(index)","region":"us-east-1","mapPos":[\#(index * 3),\#(seed % 7)],"#
                + #""instanceType":"m5","instanceSize":"large","platform":"linux","#
                + #""arn":"arn:aws:ec2:us-east-1:111122223333:instance/i-\#(index)"}"#
        }
        return #"{"data":{"name":"\#(name)","version":4,"grid":"infinite","projection":"isometric","#
            + #""nodes":[\#(nodes.joined(separator: ","))],"edges":[],"#
            + #""groups":[{"type":"vpc","id":"g1","name":"prod","nodes":["n0","n1","n2"]}],"surfaces":[],"text":[]}}"#
    }

    static func request(_ http: HTTPClient, _ target: Target, kind: Kind, id: String, seed: UInt64) async throws
        -> Int
    {
        var request: HTTPClientRequest
        switch kind {
        case .list:
            request = HTTPClientRequest(url: target.base + "/blueprint")
        case .read:
            request = HTTPClientRequest(url: target.base + "/blueprint/" + id)
        case .write:
            request = HTTPClientRequest(url: target.base + "/blueprint/" + id)
            request.method = .PUT
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: blueprintBody(name: "bench \(seed % 1000)", seed: seed)))
        }
        request.headers.add(name: "Authorization", value: "Bearer \(target.key)")
        let response = try await http.execute(request, timeout: .seconds(60))
        _ = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return Int(response.status.code)
    }

    /// Creates `count` blueprints, 8 at a time, and returns their ids.
    static func seed(_ http: HTTPClient, _ target: Target, count: Int) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var ids: [String] = []
                    for index in stride(from: worker, to: count, by: 8) {
                        var request = HTTPClientRequest(url: target.base + "/blueprint")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(target.key)")
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(
                            ByteBuffer(string: blueprintBody(name: "bench \(index)", seed: UInt64(index))))
                        let response = try await http.execute(request, timeout: .seconds(60))
                        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
                        let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
                        guard response.status == .created, let id = json?["id"] as? String else {
                            throw BenchError(
                                "creating a blueprint answered \(response.status): \(String(buffer: body))")
                        }
                        ids.append(id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted()
        }
    }

    static func waitUntilUp(_ http: HTTPClient, _ target: Target) async throws {
        for _ in 0..<200 {
            if let response = try? await http.execute(
                HTTPClientRequest(url: target.base + "/health"), timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("the server did not answer /health on \(target.base)")
    }

    /// Opens the store, creates an owner with a read-write key, and runs the application in a task.
    static func startServer(database: String, port: Int) async throws -> (task: Task<Void, any Error>, key: String) {
        var logger = Logger(label: "skyplan-bench")
        logger.logLevel = .warning
        let store = try await Store.open(try DatabaseURL(parsing: database), logger: logger)
        try await store.migrate()
        let admin = UserAdmin(store: store, bcryptCost: 4)
        let email = "bench-\(UUID().uuidString.lowercased())@example.com"
        _ = try await admin.createUser(email: email, name: "Bench", role: .owner, password: "bench-password")
        let key = try await admin.createAPIKey(email: email, name: "bench", access: .readWrite)
        let configuration = ServerConfiguration(port: port, databaseURL: database, logLevel: .warning)
        let services = AppServices(
            configuration: configuration, store: store, assumer: NoRoleAssumer(), logger: logger)
        let app = buildApplication(services: services)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        return (task, key)
    }

    /// The server under load never connects AWS accounts.
    struct NoRoleAssumer: RoleAssuming {
        func assumedAccountID(role: RoleARN, externalID: String?, region: String) async throws(RoleAssumptionError)
            -> String
        { throw RoleAssumptionError(kind: .unavailable, awsCode: nil, awsMessage: "no AWS in the benchmark") }
        func operatorAccountID() async throws(RoleAssumptionError) -> String {
            throw RoleAssumptionError(kind: .unavailable, awsCode: nil, awsMessage: "no AWS in the benchmark")
        }
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

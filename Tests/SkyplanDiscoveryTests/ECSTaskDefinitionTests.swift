import Foundation
import SkyplanModel
import Testing

@testable import SkyplanAWS
@testable import SkyplanDiscovery

/// The ECR → ECS edges of services whose tasks do not show their images (issue #14), against canned answers: a
/// service's task definition is described only when none of its running tasks runs it, each definition once.
@Suite struct ECSTaskDefinitionTests {
    let context = CollectorContext(accountID: Self.account, region: "eu-west-1")
    static let account = "345600000001"
    static let cluster = "arn:aws:ecs:eu-west-1:\(account):cluster/shop"
    static let registry = "\(account).dkr.ecr.eu-west-1.amazonaws.com"

    static func service(_ name: String) -> String { "arn:aws:ecs:eu-west-1:\(account):service/shop/\(name)" }
    static func definition(_ name: String) -> String { "arn:aws:ecs:eu-west-1:\(account):task-definition/\(name)" }
    static func repository(_ name: String) -> String { "arn:aws:ecr:eu-west-1:\(account):repository/\(name)" }

    /// An ECS that answers with services `name → task definition`, running tasks `(service, task definition)` and
    /// each definition's images.
    struct FakeECS: Sendable {
        var services: [String: String]
        var tasks: [(String, String)]
        var images: [String: [String]]

        func answer(_ request: HTTPRequest) throws -> HTTPResponse {
            let target = request.headers.first { $0.key.lowercased() == "x-amz-target" }?.value ?? ""
            let answer: [String: JSONValue]
            switch target.split(separator: ".").last ?? "" {
            case "ListClusters": answer = ["clusterArns": .array([.string(cluster)])]
            case "ListServices":
                answer = [
                    "serviceArns": .array(services.keys.sorted().map { .string(ECSTaskDefinitionTests.service($0)) })
                ]
            case "DescribeServices":
                answer = ["services": .array(services.sorted { $0.key < $1.key }.map(Self.serviceAnswer))]
            case "ListTasks": answer = ["taskArns": .array(tasks.indices.map { .string(Self.task($0)) })]
            case "DescribeTasks": answer = ["tasks": .array(tasks.enumerated().map(taskAnswer))]
            default:
                let requested = try JSONCoding.decode(request.body).str("taskDefinition") ?? ""
                let name = String(requested.split(separator: "/").last ?? "")
                let images = (images[name] ?? []).map { JSONValue.object(["image": .string($0)]) }
                answer = [
                    "taskDefinition": .object([
                        "taskDefinitionArn": .string(requested), "family": .string(String(name.prefix { $0 != ":" })),
                        "revision": .number(Double(name.split(separator: ":").last ?? "") ?? 0),
                        "containerDefinitions": .array(images),
                    ])
                ]
            }
            return HTTPResponse(status: 200, body: JSONCoding.encode(.object(answer)))
        }

        static func task(_ index: Int) -> String { "arn:aws:ecs:eu-west-1:\(account):task/shop/t\(index)" }

        static func serviceAnswer(_ name: String, _ definition: String) -> JSONValue {
            .object([
                "serviceArn": .string(ECSTaskDefinitionTests.service(name)), "serviceName": .string(name),
                "clusterArn": .string(cluster), "desiredCount": 0,
                "taskDefinition": .string(ECSTaskDefinitionTests.definition(definition)),
            ])
        }

        func taskAnswer(_ index: Int, _ task: (String, String)) -> JSONValue {
            .object([
                "taskArn": .string(Self.task(index)), "group": .string("service:\(task.0)"),
                "taskDefinitionArn": .string(ECSTaskDefinitionTests.definition(task.1)),
                "containers": .array([.object(["image": .string(images[task.1]?.first ?? "nginx")])]),
            ])
        }

        var transport: FakeHTTPTransport {
            let fake = self
            return FakeHTTPTransport { request, _ in .response(try fake.answer(request)) }
        }
    }

    static func fake(
        services: [String: String], tasks: [(String, String)], images: [String: [String]]
    ) -> FakeHTTPTransport {
        FakeECS(services: services, tasks: tasks, images: images).transport
    }

    static func describedDefinitions(_ transport: FakeHTTPTransport) -> [String] {
        transport.requests.filter {
            $0.headers.contains {
                $0.key.lowercased() == "x-amz-target" && $0.value.hasSuffix("DescribeTaskDefinition")
            }
        }.compactMap { (try? JSONCoding.decode($0.body))?.str("taskDefinition") }.sorted()
    }

    @Test func aServiceWithoutRunningTasksGetsTheRepositoriesOfItsTaskDefinitionsImages() async throws {
        let transport = Self.fake(
            services: ["idle": "idle:2", "idle-twin": "idle:2", "web": "web:3", "rolling": "rolling:5"],
            tasks: [("web", "web:3"), ("rolling", "rolling:4")],
            images: [
                "idle:2": [
                    "\(Self.registry)/shop/idle:1.0",
                    "\(Self.registry)/sidecar@sha256:" + String(repeating: "a", count: 64), "nginx",
                ],
                "web:3": ["\(Self.registry)/shop/web:3"], "rolling:4": ["\(Self.registry)/shop/roll:4"],
                "rolling:5": ["\(Self.registry)/shop/roll:5"],
            ])
        let output = try await ECSCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        // Only the definitions no running task of the service shows, each once though two services share one.
        #expect(Self.describedDefinitions(transport) == [Self.definition("idle:2"), Self.definition("rolling:5")])
        let edges = output.relationships.filter { $0.kind == .uses }.map { "\($0.from) → \($0.to) | \($0.evidence)" }
        let sidecar = "\(Self.registry)/sidecar@sha256:" + String(repeating: "a", count: 64)
        #expect(
            Set(edges) == [
                "\(Self.repository("shop/idle")) → \(Self.service("idle")) | ecs:DescribeTaskDefinition idle:2 image \(Self.registry)/shop/idle:1.0",
                "\(Self.repository("shop/idle")) → \(Self.service("idle-twin")) | ecs:DescribeTaskDefinition idle:2 image \(Self.registry)/shop/idle:1.0",
                "\(Self.repository("sidecar")) → \(Self.service("idle")) | ecs:DescribeTaskDefinition idle:2 image \(sidecar)",
                "\(Self.repository("sidecar")) → \(Self.service("idle-twin")) | ecs:DescribeTaskDefinition idle:2 image \(sidecar)",
                "\(Self.repository("shop/roll")) → \(Self.service("rolling")) | ecs:DescribeTaskDefinition rolling:5 image \(Self.registry)/shop/roll:5",
                "\(Self.repository("shop/roll")) → \(Self.service("rolling")) | ecs:DescribeTasks image \(Self.registry)/shop/roll:4",
                "\(Self.repository("shop/web")) → \(Self.service("web")) | ecs:DescribeTasks image \(Self.registry)/shop/web:3",
            ], "\(edges)")
        #expect(edges.count == 7)
    }

    @Test func servicesWhoseTasksRunTheirDefinitionsCostNoExtraCall() async throws {
        let transport = Self.fake(
            services: ["web": "web:3"], tasks: [("web", "web:3"), ("web", "web:3")],
            images: ["web:3": ["\(Self.registry)/shop/web:3"]])
        let output = try await ECSCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(Self.describedDefinitions(transport).isEmpty)
        #expect(output.relationships.filter { $0.kind == .uses }.count == 2)  // one per task; normalised later
        let empty = Self.fake(services: [:], tasks: [], images: [:])
        _ = try await ECSCollector(client: EC2InstanceInterfacesTests.client(empty)).collect(context)
        #expect(empty.requests.count == 3)  // ListClusters, ListServices, ListTasks
    }

    @Test func aDeniedDescribeTaskDefinitionIsADiagnosticAndTheRestStays() async throws {
        let ecs = FakeECS(services: ["idle": "idle:2"], tasks: [], images: ["idle:2": ["\(Self.registry)/a:1"]])
        let transport = FakeHTTPTransport { request, _ in
            let target = request.headers.first { $0.key.lowercased() == "x-amz-target" }?.value ?? ""
            guard target.hasSuffix("DescribeTaskDefinition") else { return .response(try ecs.answer(request)) }
            let denied = #"{"__type": "AccessDeniedException", "message": "not authorized"}"#
            return .response(HTTPResponse(status: 400, body: Data(denied.utf8)))
        }
        let output = try await ECSCollector(client: EC2InstanceInterfacesTests.client(transport)).collect(context)
        #expect(output.resources.contains { $0.arn == Self.service("idle") })
        #expect(output.relationships.allSatisfy { $0.kind != .uses })
        #expect(output.diagnostics.map(\.operation) == ["DescribeTaskDefinition"])
        #expect(output.diagnostics.first?.cause == .notPermitted)
    }

    @Test func aTaskDefinitionNamesItsImagesInOrderAndItsFamilyRevision() {
        let answer = JSONValue.object([
            "taskDefinitionArn": "arn:aws:ecs:eu-west-1:1:task-definition/web:7", "family": "web", "revision": 7,
            "containerDefinitions": .array([
                .object(["name": "app", "image": "a:1"]), .object(["name": "log"]), .object(["image": "b:2"]),
            ]),
        ])
        let definition = AWSClient.ecsTaskDefinition(answer, requested: "web:7")
        #expect(definition.name == "web:7" && definition.images == ["a:1", "b:2"])
        let bare = AWSClient.ecsTaskDefinition(.object([:]), requested: "arn:aws:ecs:eu-west-1:1:task-definition/x:3")
        #expect(bare.family == "x" && bare.name == "x" && bare.images.isEmpty)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore
import Synchronization
import Testing

@testable import SkyplanServer

/// A fixed inventory: one VPC with a public subnet and an instance, like a scan would find.
struct FakeInventorySource: InventorySource {
    var delay: Duration = .zero
    var failure: RoleAssumptionError.Kind?
    let scans = ScanCounter()

    func inventory(
        for account: AccountRecord, regions: [String], progress: @escaping @Sendable (ScanProgress) -> Void
    ) async throws -> Inventory {
        scans.count.withLock { $0 += 1 }
        if let failure { throw RoleAssumptionError(kind: failure, awsCode: "AccessDenied", awsMessage: "denied") }
        progress(ScanProgress(event: .started, completed: 0, total: 1, resourcesFound: 0))
        if delay > .zero { try await Task.sleep(for: delay) }
        progress(ScanProgress(event: .finished, completed: 1, total: 1, resourcesFound: 3))
        return Self.sample(account: "111122223333", region: regions.first ?? "us-east-1")
    }

    static func sample(account: String, region: String) -> Inventory {
        let vpc = Resource(
            arn: "arn:aws:ec2:\(region):\(account):vpc/vpc-1", type: .vpc, resourceID: "vpc-1", accountID: account,
            region: region, name: "prod-vpc")
        let subnet = Resource(
            arn: "arn:aws:ec2:\(region):\(account):subnet/subnet-1", type: .subnet, resourceID: "subnet-1",
            accountID: account, region: region, name: "public-a",
            placement: Placement(vpcID: "vpc-1", availabilityZones: ["\(region)a"]), config: ["tier": "public"])
        let instance = Resource(
            arn: "arn:aws:ec2:\(region):\(account):instance/i-1", type: .ec2, resourceID: "i-1", accountID: account,
            region: region, name: "web-1",
            placement: Placement(vpcID: "vpc-1", subnetIDs: ["subnet-1"], availabilityZones: ["\(region)a"]),
            config: ["instanceType": "m5", "instanceSize": "large", "platform": "linux"])
        return Inventory(resources: [vpc, subnet, instance], accountIDs: [account], regions: [region])
    }
}

extension TestApp {
    /// This app's services with `source` as its discovery and a long poll of `wait`.
    func services(source: some InventorySource, wait: Duration) -> AppServices {
        var configuration = services.configuration
        configuration.snapshotWait = wait
        return AppServices(
            configuration: configuration, store: services.store, assumer: FakeRoleAssumer(), inventorySource: source,
            logger: services.logger)
    }
}

final class ScanCounter: Sendable {
    let count = Mutex(0)
}

@Suite struct SnapshotTests {
    func app(source: FakeInventorySource, wait: Duration = .seconds(30)) async throws -> (
        TestApp, AccountRecord, AppServices
    ) {
        let base = try await TestApp.make()
        let services = base.services(source: source, wait: wait)
        let account = try await AccessMatrixTests.sharedAccount(base)
        return (base, account, services)
    }

    @Test func rendersEveryFormatOfAScannedRegion() async throws {
        let (base, account, services) = try await app(source: FakeInventorySource())
        let id = account.id.uuidString.lowercased()
        try await buildApplication(services: services).test(.router) { client in
            let svg = try await client.call(
                .get, "/aws/account/\(id)/us-east-1/svg?grid=true", key: base.keys["member"])
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(svg.raw.hasPrefix("<?xml version=\"1.0\" standalone=\"no\"?>\n<!DOCTYPE svg"))
            #expect(svg.raw.contains("gridPatternMajor") && svg.raw.contains("interactionLayer"))
            #expect(svg.raw.contains("data-arn=\"arn:aws:ec2:us-east-1:111122223333:instance/i-1\""))

            let json = try await client.call(.get, "/api/aws/account/\(id)/us-east-1/json", key: base.keys["member"])
            let data = try #require(json.body["data"] as? [String: Any])
            let nodes = try #require(data["nodes"] as? [[String: Any]])
            #expect(nodes.contains { $0["type"] as? String == "ec2" && $0["instanceType"] as? String == "m5" })
            // The JSON can be posted unchanged as a blueprint.
            let posted = try await client.call(.post, "/blueprint", key: base.keys["member"], json: json.raw)
            #expect(posted.status == .created, "\(posted.raw)")

            let png = try await client.call(
                .get, "/aws/account/\(id)/us-east-1/png?width=800&height=600", key: base.keys["member"])
            #expect(png.status == .ok && png.headers[.contentType] == "image/png")
            #expect(png.bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            // IHDR: width and height, big-endian, at bytes 16...23.
            let width = png.bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = png.bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 800 && height == 600)
            let pdf = try await client.call(
                .get, "/aws/account/\(id)/us-east-1/pdf?paperSize=A4&landscape=true", key: base.keys["member"])
            #expect(pdf.status == .ok && pdf.raw.hasPrefix("%PDF"))
            let mx = try await client.call(.get, "/aws/account/\(id)/us-east-1/mxGraph", key: base.keys["member"])
            #expect(mx.status == .ok && mx.raw.contains("<mxGraphModel"))
        }
    }

    @Test(arguments: [
        ("/us-east-1/gif", "format"),
        ("/us-moon-1/svg", "region"),
        ("/us-east-1/svg?width=-5", "width"),
        ("/us-east-1/svg?filter=type%3Dec2%20AND%20(", "position"),
        ("/us-east-1/svg?exclude=ec2,spaceship", "exclude"),
        ("/us-east-1/pdf?paperSize=B9", "paperSize"),
        ("/us-east-1/svg?grid=maybe", "grid"),
        ("/us-east-1/svg?detail=most", "detail must be summary or full"),
        ("/us-east-1/svg?empty=sometimes", "empty must be show or hide"),
    ])
    func rejectsBadParametersNamingThem(path: String, mentions: String) async throws {
        let (base, account, services) = try await app(source: FakeInventorySource())
        try await buildApplication(services: services).test(.router) { client in
            let result = try await client.call(
                .get, "/aws/account/\(account.id.uuidString.lowercased())\(path)", key: base.keys["owner"])
            #expect(result.status == .badRequest)
            #expect(result.body["reason"] as? String == "invalid_parameter")
            #expect((result.body["error"] as? String)?.contains(mentions) == true, "\(result.raw)")
        }
    }

    @Test func answersStillProcessingAndARetryGetsTheResult() async throws {
        let source = FakeInventorySource(delay: .seconds(2))
        let (base, account, services) = try await app(source: source, wait: .milliseconds(300))
        let path = "/aws/account/\(account.id.uuidString.lowercased())/us-east-1/json"
        try await buildApplication(services: services).test(.router) { client in
            let first = try await client.call(.get, path, key: base.keys["owner"])
            #expect(first.status == .accepted)
            #expect(first.body["code"] as? String == "STILL_PROCESSING")
            #expect(first.body["retry"] as? Bool == true)
            var status = first.status
            for _ in 0..<40 where status == .accepted {
                status = try await client.call(.get, path, key: base.keys["owner"]).status
            }
            #expect(status == .ok)
        }
        #expect(source.scans.count.withLock { $0 } == 1, "retries join the running job instead of scanning again")
    }

    @Test func aRevokedRoleIsAClearErrorAndIsRecordedOnTheAccount() async throws {
        let (base, account, services) = try await app(source: FakeInventorySource(failure: .accessDenied))
        try await buildApplication(services: services).test(.router) { client in
            let result = try await client.call(
                .get, "/aws/account/\(account.id.uuidString.lowercased())/us-east-1/svg", key: base.keys["owner"])
            #expect(result.status == .badRequest)
            #expect((result.body["error"] as? String)?.contains("access revoked") == true, "\(result.raw)")
            let stored = try #require(try await base.services.store.account(id: account.id))
            #expect(stored.checkStatus == "failed")
        }
    }

    @Test func outsidersCannotSnapshotOrLearnTheAccountExists() async throws {
        let source = FakeInventorySource()
        let (base, account, services) = try await app(source: source)
        try await buildApplication(services: services).test(.router) { client in
            let result = try await client.call(
                .get, "/aws/account/\(account.id.uuidString.lowercased())/us-east-1/svg", key: base.keys["outsider"])
            #expect(result.status == .notFound)
        }
        #expect(source.scans.count.withLock { $0 } == 0)
    }
}

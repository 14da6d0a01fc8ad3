import Foundation
import SkyplanModel
import Synchronization
import Testing

@testable import SkyplanDiscovery

/// An error that looks like an AWS one.
struct FakeAWSError: CodedError {
    var errorCode: String?
    var errorMessage: String
    var httpStatus: Int?
}

/// A collector that returns one resource per region, or fails as told.
struct FakeCollector: Collector {
    var service: String
    var scope: CollectorScope = .regional
    var failure: FakeAWSError?
    var failIn: Set<String> = []
    var running: Counter? = nil

    func collect(_ context: CollectorContext) async throws -> CollectorOutput {
        running?.enter()
        defer { running?.leave() }
        await Task.yield()
        if let failure, failIn.isEmpty || failIn.contains(context.region) { throw failure }
        let id = "\(service)-\(context.region)"
        return CollectorOutput(resources: [
            Resource(
                arn: context.arn(service, "thing", id), type: ComponentType(service), resourceID: id,
                accountID: context.accountID, region: context.region)
        ])
    }
}

/// Counts how many collectors run at once.
final class Counter: Sendable {
    private let state = Mutex((now: 0, peak: 0))
    func enter() {
        state.withLock {
            $0.now += 1; $0.peak = max($0.peak, $0.now)
        }
    }
    func leave() { state.withLock { $0.now -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}

@Suite struct ScanEngineTests {
    let account = "111122223333"
    let fixed = ScanConfiguration(concurrency: 4, now: { Date(timeIntervalSince1970: 0) })

    @Test func fansOutRegionalCollectorsPerRegionAndGlobalOnesOncePerAccount() async {
        let job = ScanJob(
            accountID: account, regions: ["us-east-1", "eu-west-1"],
            collectors: [
                FakeCollector(service: "ec2"), FakeCollector(service: "sqs"),
                FakeCollector(service: "cloudfront", scope: .global),
            ])
        let inventory = await ScanEngine(configuration: fixed).run([job])
        #expect(
            inventory.resources.map(\.resourceID) == [
                "cloudfront-us-east-1", "ec2-eu-west-1", "ec2-us-east-1", "sqs-eu-west-1", "sqs-us-east-1",
            ])
        #expect(inventory.diagnostics.isEmpty)
        #expect(inventory.regions == ["eu-west-1", "us-east-1"])
        #expect(inventory.startedAt == Date(timeIntervalSince1970: 0))
    }

    @Test func deniedCollectorBecomesADiagnosticAndTheRestIsStillFound() async throws {
        let denied = FakeAWSError(
            errorCode: "AccessDenied", errorMessage: "not authorized to perform rds:Describe*", httpStatus: 403)
        let job = ScanJob(
            accountID: account, regions: ["us-east-1"],
            collectors: [
                FakeCollector(service: "ec2"), FakeCollector(service: "rds", failure: denied),
            ])
        let inventory = await ScanEngine(configuration: fixed).run([job])
        #expect(inventory.resources.map(\.resourceID) == ["ec2-us-east-1"])
        let diagnostic = try #require(inventory.diagnostics.first)
        #expect(inventory.diagnostics.count == 1)
        #expect(diagnostic.cause == .notPermitted && diagnostic.service == "rds" && diagnostic.code == "AccessDenied")
    }

    @Test(arguments: [
        ("Throttling", Diagnostic.Cause.throttled), ("RequestLimitExceeded", .throttled), ("SlowDown", .throttled),
        ("OptInRequired", .regionUnavailable), ("AuthFailure", .regionUnavailable), ("ExpiredToken", .authentication),
        ("UnauthorizedOperation", .notPermitted), ("InternalError", .failed),
    ])
    func classifiesAWSErrorCodes(code: String, cause: Diagnostic.Cause) {
        #expect(ErrorClassifier.cause(code: code, message: "") == cause)
    }

    @Test func disabledRegionIsRecordedAndOtherRegionsStillScanned() async {
        let optIn = FakeAWSError(errorCode: "OptInRequired", errorMessage: "region not enabled", httpStatus: 401)
        let job = ScanJob(
            accountID: account, regions: ["us-east-1", "af-south-1"],
            collectors: [
                FakeCollector(service: "ec2", failure: optIn, failIn: ["af-south-1"])
            ])
        let inventory = await ScanEngine(configuration: fixed).run([job])
        #expect(inventory.resources.map(\.region) == ["us-east-1"])
        #expect(inventory.diagnostics.map(\.cause) == [.regionUnavailable])
        #expect(inventory.diagnostics.first?.region == "af-south-1")
    }

    @Test func concurrencyIsBoundedAndProgressCountsEveryRun() async {
        let counter = Counter()
        let regions = (1...6).map { "us-east-\($0)" }
        let collectors = (0..<5).map { FakeCollector(service: "svc\($0)", running: counter) }
        let events = Mutex<[ScanProgress]>([])
        let inventory = await ScanEngine(configuration: fixed).run(
            [ScanJob(accountID: account, regions: regions, collectors: collectors)]
        ) { event in events.withLock { $0.append(event) } }
        #expect(inventory.resources.count == 30)
        #expect(counter.peak <= 4)
        let seen = events.withLock { $0 }
        #expect(seen.first?.event == .started && seen.first?.total == 30)
        #expect(seen.last?.event == .finished && seen.last?.completed == 30)
        #expect(seen.filter { if case .collected = $0.event { true } else { false } }.count == 30)
    }

    @Test func multipleAccountsAreScannedSideBySide() async {
        let jobs = ["111111111111", "222222222222"].map {
            ScanJob(accountID: $0, regions: ["us-east-1"], collectors: [FakeCollector(service: "ec2")])
        }
        let inventory = await ScanEngine(configuration: fixed).run(jobs)
        #expect(inventory.accountIDs == ["111111111111", "222222222222"])
        #expect(Set(inventory.resources.map(\.accountID)).count == 2)
    }

    @Test func cancelledScanReturnsWhatItHasWithADiagnostic() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await ScanEngine(configuration: fixed).run([
                ScanJob(accountID: account, regions: ["us-east-1"], collectors: [FakeCollector(service: "ec2")])
            ])
        }
        let inventory = await task.value
        #expect(inventory.diagnostics.contains { $0.operation == "cancel" })
    }
}

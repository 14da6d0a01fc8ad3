import Foundation
import SkyplanModel

/// One account's share of a scan: its regions and the collectors bound to its (assumed-role) client.
public struct ScanJob: Sendable {
    /// Account ID.
    public var accountID: String
    /// Regions.
    public var regions: [String]
    /// Collectors.
    public var collectors: [any Collector]
    /// Partition.
    public var partition: Partition
    /// The pacer the collectors' client is gated by (nil: the engine makes one from its configuration).
    public var pacer: RequestPacer?

    public init(
        accountID: String, regions: [String], collectors: [any Collector], partition: Partition? = nil,
        pacer: RequestPacer? = nil
    ) {
        self.pacer = pacer
        self.accountID = accountID
        self.regions = regions
        self.collectors = collectors
        self.partition = partition ?? regions.first.map(Partition.of(region:)) ?? .aws
    }

    /// The collector runs: every regional collector in every region, every global one once.
    func units(pacer: RequestPacer?) -> [ScanUnit] {
        var units: [ScanUnit] = []
        let globalRegion = partition.defaultRegion
        for collector in collectors where collector.scope == .global {
            units.append(
                ScanUnit(
                    collector: collector,
                    context: CollectorContext(
                        accountID: accountID, region: globalRegion, partition: partition, scanRegions: regions,
                        pacer: pacer)))
        }
        // Collectors that fan out first, in every region; then region-major order: consecutive runs hit different
        // services, which spreads the per-service limits.
        let regional = collectors.filter { $0.scope == .regional }
        for collectors in [regional.filter(\.fansOut), regional.filter { !$0.fansOut }] {
            for region in regions {
                for collector in collectors {
                    units.append(
                        ScanUnit(
                            collector: collector,
                            context: CollectorContext(
                                accountID: accountID, region: region, partition: partition, scanRegions: regions,
                                pacer: pacer)))
                }
            }
        }
        return units
    }
}

/// One collector in one account and region.
struct ScanUnit: Sendable {
    var collector: any Collector
    var context: CollectorContext
}

/// The fan-out: account × region × collector, at most `concurrency` at once, with partial failure as data.
///
/// Pure of AWS: it runs whatever collectors it is given, so it is tested with fake ones.
public struct ScanEngine: Sendable {
    /// Configuration.
    public var configuration: ScanConfiguration

    public init(configuration: ScanConfiguration = ScanConfiguration()) {
        self.configuration = configuration
    }

    /// Runs every job and returns the linked, normalised inventory. Never throws: failures are diagnostics.
    /// On cancellation it stops starting collectors and returns what it has, with a diagnostic saying so.
    public func run(
        _ jobs: [ScanJob], progress: @Sendable (ScanProgress) -> Void = { _ in }
    ) async -> Inventory {
        let startedAt = configuration.now()
        let units = jobs.flatMap { $0.units(pacer: $0.pacer ?? configuration.makePacer()) }
        var collected = CollectorOutput()
        var annotations: [Resource] = []
        var completed = 0
        progress(ScanProgress(event: .started, completed: 0, total: units.count, resourcesFound: 0))

        await withTaskGroup(of: (ScanUnitID, CollectorOutput).self) { group in
            var next = 0
            func startNext() -> Bool {
                guard next < units.count, !Task.isCancelled else { return false }
                let unit = units[next]
                next += 1
                group.addTask { await Self.runUnit(unit) }
                return true
            }
            for _ in 0..<configuration.concurrency where !startNext() { break }
            while let (unit, found) = await group.next() {
                completed += 1
                var output = found
                if unit.annotates {
                    annotations += output.resources
                    output.resources = []
                }
                collected.merge(output)
                progress(
                    ScanProgress(
                        event: .collected(
                            accountID: unit.accountID, region: unit.region, service: unit.service,
                            resources: output.resources.count, diagnostics: output.diagnostics.count),
                        completed: completed, total: units.count, resourcesFound: collected.resources.count))
                _ = startNext()
            }
        }
        if completed < units.count {
            collected.diagnostics.append(
                Diagnostic(
                    severity: .error, cause: .failed, accountID: jobs.first?.accountID ?? "", region: "",
                    service: "scan", operation: "cancel",
                    message: "the scan was cancelled after \(completed) of \(units.count) collector runs"))
        }
        // Each array handed on, not copied: at 100,000 resources every extra copy of them costs tens of megabytes.
        var resources: [Resource] = []
        var relationships: [Relationship] = []
        swap(&resources, &collected.resources)
        swap(&relationships, &collected.relationships)
        let inventory = Inventory(
            resources: TagMerger.merge(annotations, into: consume resources), relationships: consume relationships,
            diagnostics: collected.diagnostics, accountIDs: jobs.map(\.accountID), regions: jobs.flatMap(\.regions),
            startedAt: startedAt, finishedAt: configuration.now())
        let linked = DanglingReferences.check(InventoryLinker.link(inventory))
        progress(
            ScanProgress(
                event: .finished, completed: completed, total: units.count, resourcesFound: linked.resources.count))
        return linked
    }

    /// Runs one collector, turning whatever it throws into a diagnostic for the whole collector.
    static func runUnit(_ unit: ScanUnit) async -> (ScanUnitID, CollectorOutput) {
        var output: CollectorOutput
        do {
            output = try await unit.collector.collect(unit.context)
        } catch {
            output = CollectorOutput(diagnostics: [
                ErrorClassifier.diagnostic(
                    for: error, context: unit.context, service: unit.collector.service, operation: "*")
            ])
        }
        let id = ScanUnitID(
            accountID: unit.context.accountID, region: unit.context.region, service: unit.collector.service,
            annotates: unit.collector is any AnnotatingCollector)
        return (id, output)
    }
}

/// Which run an output came from, for progress events.
struct ScanUnitID: Sendable, Hashable {
    var accountID: String
    var region: String
    var service: String
    /// Its resources annotate others (`AnnotatingCollector`) rather than being new ones.
    var annotates = false
}

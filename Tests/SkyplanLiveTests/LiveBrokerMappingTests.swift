import SkyplanModel
import Testing

@testable import SkyplanLive

/// MSK cluster and Amazon MQ broker states (issue #14) as live health, from their list calls' items.
@Suite struct LiveBrokerMappingTests {
    @Test(arguments: [
        ("ACTIVE", LiveHealth.ok), ("CREATING", .warning), ("REBOOTING_BROKER", .warning), ("MAINTENANCE", .warning),
        ("HEALING", .warning), ("DELETING", .stopped), ("FAILED", .error),
    ])
    func anMSKClustersStateIsItsHealth(state: String, health: LiveHealth) {
        let status = LiveMapping.mskCluster(
            .object(["state": .string(state), "provisioned": .object(["numberOfBrokerNodes": 3])]))
        #expect(status.health == health && status.values["state"] == state.lowercased())
        #expect(status.values["brokers"] == "3")
    }

    @Test(arguments: [
        ("RUNNING", LiveHealth.ok), ("CREATION_IN_PROGRESS", .warning), ("REBOOT_IN_PROGRESS", .warning),
        ("DELETION_IN_PROGRESS", .stopped), ("CRITICAL_ACTION_REQUIRED", .error),
    ])
    func anMQBrokersStateIsItsHealth(state: String, health: LiveHealth) {
        let status = LiveMapping.mqBroker(.object(["brokerState": .string(state)]))
        #expect(status.health == health && status.values["state"] == state.lowercased())
    }

    @Test func aBrokerWithoutAStateIsUnknown() {
        #expect(LiveMapping.mqBroker(.object([:])).health == .unknown)
        #expect(LiveMapping.mskCluster(.object([:])).health == .unknown)
    }
}

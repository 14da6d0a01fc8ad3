import Testing

@testable import SkyplanLive

@Suite struct LiveTableTests {
    @Test func rendersSortedAlignedRowsWithLeadingValuesFirst() {
        let table = LiveTable.render([
            "arn:aws:sqs:eu-west-1:111122223333:jobs": LiveStatus(
                health: .ok, values: ["visible": "3", "inFlight": "1"]),
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-1": LiveStatus(
                health: .error, alarms: 2, values: ["cpu": "97", "state": "running", "type": "t3.micro"], stale: true),
        ])
        #expect(
            table == """
                HEALTH         ALARMS  RESOURCE          VALUES
                error (stale)  2       ec2:instance/i-1  state=running cpu=97 type=t3.micro
                ok             0       sqs:jobs          visible=3 inFlight=1

                """)
    }
}

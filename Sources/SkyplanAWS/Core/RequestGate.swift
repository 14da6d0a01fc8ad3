/// Client-side pacing every attempt of a client passes through: asked before each attempt is sent, told how
/// each answered. A scan installs one (`AWSClient.with(gate:)`) so that its bursts slow down where AWS throttles
/// instead of turning into retry storms.
public protocol RequestGate: Sendable {
    /// Waits until `service:operation` may be sent in `region`.
    func admit(service: String, operation: String, region: String) async throws
    /// Records that an attempt of `service:operation` in `region` was answered, throttled or not.
    func record(service: String, operation: String, region: String, throttled: Bool) async
}

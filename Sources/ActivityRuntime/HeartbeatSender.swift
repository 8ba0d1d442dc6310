import TemporalModel
import TemporalRPC

/// Sends an activity's heartbeats, throttled the way the Temporal SDKs do
/// (0.8 × heartbeat timeout; 30 s when there is none; at most 60 s), and
/// turns the server's answers into cancellation: `cancel_requested`, or
/// NOT_FOUND (the activity timed out or its workflow is gone).
struct HeartbeatSender: Sendable {
    let service: any WorkflowService
    let namespace: String
    let identity: String

    static func interval(heartbeatTimeout: ProtoDuration?) -> Duration {
        guard let timeout = heartbeatTimeout, timeout.nanoseconds > 0 else { return .seconds(30) }
        return min(.nanoseconds(timeout.nanoseconds * 8 / 10), .seconds(60))
    }

    /// Runs until the task is cancelled (when the activity ends).
    func run(for task: ActivityTask, context: ActivityContext) async {
        let interval = Self.interval(heartbeatTimeout: task.heartbeatTimeout)
        while !Task.isCancelled {
            guard let details = await context.nextHeartbeat() else { return }
            var payloads: [Payload] = []
            if let payload = try? PayloadCodec.encode(details) { payloads = [payload] }
            do {
                let response = try await service.recordActivityTaskHeartbeat(RecordActivityTaskHeartbeatRequest(
                    taskToken: task.taskToken, details: payloads, identity: identity, namespace: namespace))
                if response.cancelRequested { context.cancel("cancellation requested", byServer: true) }
            } catch let error as RPCError where error.code == .notFound {
                context.cancel("the activity is gone on the server (heartbeat timeout or workflow closed)")
                return
            } catch {
                // Transient: the next heartbeat tries again.
            }
            try? await Task.sleep(for: interval)
        }
    }
}

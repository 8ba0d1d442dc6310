/// `temporal.api.failure.v1.Failure`.
public struct Failure: Sendable, Hashable {
    public var message: String
    public var source: String
    public var stackTrace: String
    public var info: FailureInfo
    /// The failure that caused this one (boxed: Failure is recursive).
    public var cause: Failure? {
        get { causeBox?.value }
        set { causeBox = newValue.map(FailureBox.init) }
    }
    private var causeBox: FailureBox?

    public init(message: String, source: String = "", stackTrace: String = "",
                info: FailureInfo = .none, cause: Failure? = nil) {
        self.message = message
        self.source = source
        self.stackTrace = stackTrace
        self.info = info
        self.causeBox = cause.map(FailureBox.init)
    }
}

public final class FailureBox: Sendable, Hashable {
    public let value: Failure
    public init(_ value: Failure) { self.value = value }
    public static func == (a: FailureBox, b: FailureBox) -> Bool { a.value == b.value }
    public func hash(into h: inout Hasher) { h.combine(value) }
}

/// The `failure_info` oneof of `Failure`.
public enum FailureInfo: Sendable, Hashable {
    case none
    case application(type: String, nonRetryable: Bool, details: [Payload])
    case timeout(type: TimeoutType, lastHeartbeatDetails: [Payload])
    case canceled(details: [Payload])
    case terminated
    case server(nonRetryable: Bool)
    case activity(scheduledEventId: Int64, startedEventId: Int64, activityType: String,
                  activityId: String, retryState: RetryState)
    case childWorkflow(namespace: String, execution: WorkflowExecution, workflowType: String,
                       initiatedEventId: Int64, startedEventId: Int64, retryState: RetryState)
}

/// A protobuf enum as proto3 JSON spells it: the value name
/// (`RETRY_STATE_TIMEOUT`) or the number.
struct ProtoJSONEnum: Sendable {
    /// Shared prefix of the value names, e.g. `RETRY_STATE_`.
    let prefix: String
    private var byName: [String: Int32]

    /// `names[k]` is the name of value `k` without the prefix.
    init(prefix: String, names: [String]) {
        self.prefix = prefix
        var byName: [String: Int32] = [:]
        for (value, name) in names.enumerated() { byName[prefix + name] = Int32(value) }
        self.byName = byName
    }

    /// The value named `name` (with or without the prefix), if known.
    func value(named name: String) -> Int32? {
        byName[name] ?? byName[prefix + name]
    }

    static let retryState = ProtoJSONEnum(prefix: "RETRY_STATE_", names: [
        "UNSPECIFIED", "IN_PROGRESS", "NON_RETRYABLE_FAILURE", "TIMEOUT", "MAXIMUM_ATTEMPTS_REACHED",
        "RETRY_POLICY_NOT_SET", "INTERNAL_SERVER_ERROR", "CANCEL_REQUESTED",
    ])

    static let timeoutType = ProtoJSONEnum(prefix: "TIMEOUT_TYPE_", names: [
        "UNSPECIFIED", "START_TO_CLOSE", "SCHEDULE_TO_START", "SCHEDULE_TO_CLOSE", "HEARTBEAT",
    ])

    static let taskQueueKind = ProtoJSONEnum(prefix: "TASK_QUEUE_KIND_", names: [
        "UNSPECIFIED", "NORMAL", "STICKY", "WORKER_COMMANDS",
    ])

    static let workflowTaskFailedCause = ProtoJSONEnum(prefix: "WORKFLOW_TASK_FAILED_CAUSE_", names: [
        "UNSPECIFIED", "UNHANDLED_COMMAND", "BAD_SCHEDULE_ACTIVITY_ATTRIBUTES",
        "BAD_REQUEST_CANCEL_ACTIVITY_ATTRIBUTES", "BAD_START_TIMER_ATTRIBUTES", "BAD_CANCEL_TIMER_ATTRIBUTES",
        "BAD_RECORD_MARKER_ATTRIBUTES", "BAD_COMPLETE_WORKFLOW_EXECUTION_ATTRIBUTES",
        "BAD_FAIL_WORKFLOW_EXECUTION_ATTRIBUTES", "BAD_CANCEL_WORKFLOW_EXECUTION_ATTRIBUTES",
        "BAD_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_ATTRIBUTES", "BAD_CONTINUE_AS_NEW_ATTRIBUTES",
        "START_TIMER_DUPLICATE_ID", "RESET_STICKY_TASK_QUEUE", "WORKFLOW_WORKER_UNHANDLED_FAILURE",
        "BAD_SIGNAL_WORKFLOW_EXECUTION_ATTRIBUTES", "BAD_START_CHILD_EXECUTION_ATTRIBUTES", "FORCE_CLOSE_COMMAND",
        "FAILOVER_CLOSE_COMMAND", "BAD_SIGNAL_INPUT_SIZE", "RESET_WORKFLOW", "BAD_BINARY",
        "SCHEDULE_ACTIVITY_DUPLICATE_ID", "BAD_SEARCH_ATTRIBUTES", "NON_DETERMINISTIC_ERROR",
        "BAD_MODIFY_WORKFLOW_PROPERTIES_ATTRIBUTES", "PENDING_CHILD_WORKFLOWS_LIMIT_EXCEEDED",
        "PENDING_ACTIVITIES_LIMIT_EXCEEDED", "PENDING_SIGNALS_LIMIT_EXCEEDED",
        "PENDING_REQUEST_CANCEL_LIMIT_EXCEEDED", "BAD_UPDATE_WORKFLOW_EXECUTION_MESSAGE", "UNHANDLED_UPDATE",
        "BAD_SCHEDULE_NEXUS_OPERATION_ATTRIBUTES", "PENDING_NEXUS_OPERATIONS_LIMIT_EXCEEDED",
        "BAD_REQUEST_CANCEL_NEXUS_OPERATION_ATTRIBUTES", "FEATURE_DISABLED", "GRPC_MESSAGE_TOO_LARGE",
        "PAYLOADS_TOO_LARGE", "EXTERNAL_STORAGE_FAILURE", "WORKFLOW_PAUSE_REQUESTED_BEFORE_TASK_STARTED",
        "REQUEST_TOO_LARGE",
    ])

    static let startChildWorkflowExecutionFailedCause = ProtoJSONEnum(
        prefix: "START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_",
        names: ["UNSPECIFIED", "WORKFLOW_ALREADY_EXISTS", "NAMESPACE_NOT_FOUND", "INVALID_VERSIONING_OVERRIDE"])

    static let cancelExternalWorkflowExecutionFailedCause = ProtoJSONEnum(
        prefix: "CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_",
        names: ["UNSPECIFIED", "EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND", "NAMESPACE_NOT_FOUND"])

    static let signalExternalWorkflowExecutionFailedCause = ProtoJSONEnum(
        prefix: "SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_",
        names: ["UNSPECIFIED", "EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND", "NAMESPACE_NOT_FOUND",
                "SIGNAL_COUNT_LIMIT_EXCEEDED"])

    /// `temporal.api.enums.v1.EventType`, accepting both
    /// `EVENT_TYPE_WORKFLOW_EXECUTION_STARTED` and `WorkflowExecutionStarted`.
    static let eventType: ProtoJSONEnum = {
        let camel = [
            "Unspecified", "WorkflowExecutionStarted", "WorkflowExecutionCompleted", "WorkflowExecutionFailed",
            "WorkflowExecutionTimedOut", "WorkflowTaskScheduled", "WorkflowTaskStarted", "WorkflowTaskCompleted",
            "WorkflowTaskTimedOut", "WorkflowTaskFailed", "ActivityTaskScheduled", "ActivityTaskStarted",
            "ActivityTaskCompleted", "ActivityTaskFailed", "ActivityTaskTimedOut", "ActivityTaskCancelRequested",
            "ActivityTaskCanceled", "TimerStarted", "TimerFired", "TimerCanceled",
            "WorkflowExecutionCancelRequested", "WorkflowExecutionCanceled",
            "RequestCancelExternalWorkflowExecutionInitiated", "RequestCancelExternalWorkflowExecutionFailed",
            "ExternalWorkflowExecutionCancelRequested", "MarkerRecorded", "WorkflowExecutionSignaled",
            "WorkflowExecutionTerminated", "WorkflowExecutionContinuedAsNew",
            "StartChildWorkflowExecutionInitiated", "StartChildWorkflowExecutionFailed",
            "ChildWorkflowExecutionStarted", "ChildWorkflowExecutionCompleted", "ChildWorkflowExecutionFailed",
            "ChildWorkflowExecutionCanceled", "ChildWorkflowExecutionTimedOut", "ChildWorkflowExecutionTerminated",
            "SignalExternalWorkflowExecutionInitiated", "SignalExternalWorkflowExecutionFailed",
            "ExternalWorkflowExecutionSignaled", "UpsertWorkflowSearchAttributes",
            "WorkflowExecutionUpdateAccepted", "WorkflowExecutionUpdateRejected", "WorkflowExecutionUpdateCompleted",
            "WorkflowPropertiesModifiedExternally", "ActivityPropertiesModifiedExternally",
            "WorkflowPropertiesModified", "WorkflowExecutionUpdateAdmitted", "NexusOperationScheduled",
            "NexusOperationStarted", "NexusOperationCompleted", "NexusOperationFailed", "NexusOperationCanceled",
            "NexusOperationTimedOut", "NexusOperationCancelRequested", "WorkflowExecutionOptionsUpdated",
            "NexusOperationCancelRequestCompleted", "NexusOperationCancelRequestFailed", "WorkflowExecutionPaused",
            "WorkflowExecutionUnpaused", "WorkflowExecutionTimeSkippingTransitioned",
        ]
        var e = ProtoJSONEnum(prefix: "EVENT_TYPE_", names: camel.map(screamingSnakeCase))
        for (value, name) in camel.enumerated() { e.byName[name] = Int32(value) }
        return e
    }()

    /// `WorkflowTaskTimedOut` → `WORKFLOW_TASK_TIMED_OUT`.
    static func screamingSnakeCase(_ camel: String) -> String {
        var out = ""
        for (i, c) in camel.enumerated() {
            if c.isUppercase && i > 0 { out.append("_") }
            out += c.uppercased()
        }
        return out
    }
}

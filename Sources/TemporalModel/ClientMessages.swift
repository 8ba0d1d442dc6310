/// Requests and responses of the WorkflowService calls a client makes.

/// `StartWorkflowExecutionRequest` (also the start half of SignalWithStart).
public struct StartWorkflowExecutionRequest: Sendable, Hashable {
    public var namespace: String
    public var workflowId: String
    public var workflowType: String
    public var taskQueue: String
    public var input: [Payload]
    public var workflowExecutionTimeout: ProtoDuration?
    public var workflowRunTimeout: ProtoDuration?
    public var workflowTaskTimeout: ProtoDuration?
    public var identity: String
    public var requestId: String
    /// `temporal.api.enums.v1.WorkflowIdReusePolicy` (0 = server default).
    public var workflowIdReusePolicy: Int32
    /// `temporal.api.enums.v1.WorkflowIdConflictPolicy` (0 = server default).
    public var workflowIdConflictPolicy: Int32
    public var retryPolicy: RetryPolicy?
    public var cronSchedule: String
    public var memo: PayloadMap
    public var searchAttributes: PayloadMap
    public var header: PayloadMap
    public var requestEagerExecution: Bool
    public var workflowStartDelay: ProtoDuration?
    public init(namespace: String, workflowId: String, workflowType: String, taskQueue: String,
                input: [Payload] = [], workflowExecutionTimeout: ProtoDuration? = nil,
                workflowRunTimeout: ProtoDuration? = nil, workflowTaskTimeout: ProtoDuration? = nil,
                identity: String = "", requestId: String = "", workflowIdReusePolicy: Int32 = 0,
                workflowIdConflictPolicy: Int32 = 0, retryPolicy: RetryPolicy? = nil, cronSchedule: String = "",
                memo: PayloadMap = [:], searchAttributes: PayloadMap = [:], header: PayloadMap = [:],
                requestEagerExecution: Bool = false, workflowStartDelay: ProtoDuration? = nil) {
        self.namespace = namespace
        self.workflowId = workflowId
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
        self.workflowExecutionTimeout = workflowExecutionTimeout
        self.workflowRunTimeout = workflowRunTimeout
        self.workflowTaskTimeout = workflowTaskTimeout
        self.identity = identity
        self.requestId = requestId
        self.workflowIdReusePolicy = workflowIdReusePolicy
        self.workflowIdConflictPolicy = workflowIdConflictPolicy
        self.retryPolicy = retryPolicy
        self.cronSchedule = cronSchedule
        self.memo = memo
        self.searchAttributes = searchAttributes
        self.header = header
        self.requestEagerExecution = requestEagerExecution
        self.workflowStartDelay = workflowStartDelay
    }
}

/// `StartWorkflowExecutionResponse`.
public struct StartWorkflowExecutionResponse: Sendable, Hashable {
    public var runId: String
    public var started: Bool
    public init(runId: String, started: Bool) {
        self.runId = runId
        self.started = started
    }
}

/// `SignalWorkflowExecutionRequest`.
public struct SignalWorkflowExecutionRequest: Sendable, Hashable {
    public var namespace: String
    public var execution: WorkflowExecution
    public var signalName: String
    public var input: [Payload]
    public var identity: String
    public var requestId: String
    public var header: PayloadMap
    public init(namespace: String, execution: WorkflowExecution, signalName: String, input: [Payload] = [],
                identity: String = "", requestId: String = "", header: PayloadMap = [:]) {
        self.namespace = namespace
        self.execution = execution
        self.signalName = signalName
        self.input = input
        self.identity = identity
        self.requestId = requestId
        self.header = header
    }
}

/// `RequestCancelWorkflowExecutionRequest`.
public struct RequestCancelWorkflowExecutionRequest: Sendable, Hashable {
    public var namespace: String
    public var execution: WorkflowExecution
    public var identity: String
    public var requestId: String
    public var reason: String
    public init(namespace: String, execution: WorkflowExecution, identity: String = "", requestId: String = "",
                reason: String = "") {
        self.namespace = namespace
        self.execution = execution
        self.identity = identity
        self.requestId = requestId
        self.reason = reason
    }
}

/// `TerminateWorkflowExecutionRequest`.
public struct TerminateWorkflowExecutionRequest: Sendable, Hashable {
    public var namespace: String
    public var execution: WorkflowExecution
    public var reason: String
    public var identity: String
    public init(namespace: String, execution: WorkflowExecution, reason: String = "", identity: String = "") {
        self.namespace = namespace
        self.execution = execution
        self.reason = reason
        self.identity = identity
    }
}

/// Activity completion calls (`RespondActivityTask{Completed,Failed,Canceled}`
/// and `RecordActivityTaskHeartbeat`).
public struct RespondActivityTaskCompletedRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var result: [Payload]
    public var identity: String
    public var namespace: String
    public init(taskToken: [UInt8], result: [Payload], identity: String, namespace: String) {
        self.taskToken = taskToken
        self.result = result
        self.identity = identity
        self.namespace = namespace
    }
}

public struct RespondActivityTaskFailedRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var failure: Failure
    public var identity: String
    public var namespace: String
    public var lastHeartbeatDetails: [Payload]
    public init(taskToken: [UInt8], failure: Failure, identity: String, namespace: String,
                lastHeartbeatDetails: [Payload] = []) {
        self.taskToken = taskToken
        self.failure = failure
        self.identity = identity
        self.namespace = namespace
        self.lastHeartbeatDetails = lastHeartbeatDetails
    }
}

public struct RespondActivityTaskCanceledRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var details: [Payload]
    public var identity: String
    public var namespace: String
    public init(taskToken: [UInt8], details: [Payload], identity: String, namespace: String) {
        self.taskToken = taskToken
        self.details = details
        self.identity = identity
        self.namespace = namespace
    }
}

public struct RecordActivityTaskHeartbeatRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var details: [Payload]
    public var identity: String
    public var namespace: String
    public init(taskToken: [UInt8], details: [Payload], identity: String, namespace: String) {
        self.taskToken = taskToken
        self.details = details
        self.identity = identity
        self.namespace = namespace
    }
}

public struct RecordActivityTaskHeartbeatResponse: Sendable, Hashable {
    public var cancelRequested: Bool
    public init(cancelRequested: Bool) { self.cancelRequested = cancelRequested }
}

/// `RespondQueryTaskCompletedRequest`.
public struct RespondQueryTaskCompletedRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var result: WorkflowQueryResult
    public var namespace: String
    public init(taskToken: [UInt8], result: WorkflowQueryResult, namespace: String) {
        self.taskToken = taskToken
        self.result = result
        self.namespace = namespace
    }
}

/// `DescribeNamespaceResponse`, the part the worker reads.
public struct NamespaceDescription: Sendable, Hashable {
    public var name: String
    public var id: String
    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }
}

/// `SignalWithStartWorkflowExecutionRequest`: the start fields of `start`
/// plus the signal. The server starts the workflow unless a run is open
/// (conflict policy USE_EXISTING by default; FAIL is rejected) and records
/// the signal as its first one; `start.header` goes on both.
public struct SignalWithStartWorkflowExecutionRequest: Sendable, Hashable {
    public var start: StartWorkflowExecutionRequest
    public var signalName: String
    public var signalInput: [Payload]
    public init(start: StartWorkflowExecutionRequest, signalName: String, signalInput: [Payload] = []) {
        self.start = start
        self.signalName = signalName
        self.signalInput = signalInput
    }
}

/// `SignalWithStartWorkflowExecutionResponse`.
public struct SignalWithStartWorkflowExecutionResponse: Sendable, Hashable {
    public var runId: String
    /// false when an open run was signalled instead of a new one started.
    public var started: Bool
    public init(runId: String, started: Bool) {
        self.runId = runId
        self.started = started
    }
}

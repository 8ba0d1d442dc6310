/// `temporal.api.history.v1.HistoryEvent`, with the attributes the worker reads.
public struct HistoryEvent: Sendable, Hashable {
    public var eventId: Int64
    public var eventTime: Timestamp
    /// `temporal.api.enums.v1.EventType` as sent; `attributes` is `.other`
    /// for types this worker does not model.
    public var eventType: Int32
    public var workerMayIgnore: Bool
    public var attributes: EventAttributes

    public init(eventId: Int64, eventTime: Timestamp = Timestamp(seconds: 0), eventType: Int32,
                workerMayIgnore: Bool = false, attributes: EventAttributes) {
        self.eventId = eventId
        self.eventTime = eventTime
        self.eventType = eventType
        self.workerMayIgnore = workerMayIgnore
        self.attributes = attributes
    }
}

/// `temporal.api.history.v1.History`.
public struct History: Sendable, Hashable {
    public var events: [HistoryEvent]
    public init(events: [HistoryEvent] = []) { self.events = events }
}

/// The `attributes` oneof of `HistoryEvent`, trimmed to what the worker uses.
public enum EventAttributes: Sendable, Hashable {
    case workflowExecutionStarted(WorkflowExecutionStarted)
    case workflowExecutionCompleted(result: [Payload], newExecutionRunId: String)
    case workflowExecutionFailed(failure: Failure?, retryState: RetryState, newExecutionRunId: String)
    case workflowExecutionTimedOut(retryState: RetryState, newExecutionRunId: String)
    case workflowExecutionCanceled(details: [Payload])
    case workflowExecutionTerminated(reason: String, details: [Payload], identity: String)
    case workflowExecutionContinuedAsNew(newExecutionRunId: String, workflowType: String, input: [Payload])
    case workflowExecutionSignaled(signalName: String, input: [Payload], identity: String, header: PayloadMap)
    case workflowExecutionCancelRequested(cause: String, identity: String)

    case workflowTaskScheduled(taskQueue: TaskQueue, startToCloseTimeout: ProtoDuration?, attempt: Int32)
    case workflowTaskStarted(scheduledEventId: Int64, identity: String, historySizeBytes: Int64)
    case workflowTaskCompleted(scheduledEventId: Int64, startedEventId: Int64, identity: String)
    case workflowTaskFailed(scheduledEventId: Int64, startedEventId: Int64, cause: Int32, failure: Failure?)
    case workflowTaskTimedOut(scheduledEventId: Int64, startedEventId: Int64, timeoutType: TimeoutType)

    case activityTaskScheduled(ActivityTaskScheduled)
    case activityTaskStarted(scheduledEventId: Int64, attempt: Int32)
    case activityTaskCompleted(scheduledEventId: Int64, result: [Payload])
    case activityTaskFailed(scheduledEventId: Int64, failure: Failure?, retryState: RetryState)
    case activityTaskTimedOut(scheduledEventId: Int64, failure: Failure?, retryState: RetryState)
    case activityTaskCancelRequested(scheduledEventId: Int64)
    case activityTaskCanceled(scheduledEventId: Int64, details: [Payload])

    case timerStarted(timerId: String, startToFireTimeout: ProtoDuration?)
    case timerFired(timerId: String, startedEventId: Int64)
    case timerCanceled(timerId: String, startedEventId: Int64)

    case markerRecorded(markerName: String, details: [String: [Payload]], failure: Failure?)

    case startChildWorkflowExecutionInitiated(StartChildWorkflowExecutionInitiated)
    case startChildWorkflowExecutionFailed(initiatedEventId: Int64, workflowId: String, workflowType: String, cause: Int32)
    case childWorkflowExecutionStarted(initiatedEventId: Int64, execution: WorkflowExecution, workflowType: String)
    case childWorkflowExecutionCompleted(initiatedEventId: Int64, execution: WorkflowExecution, result: [Payload])
    case childWorkflowExecutionFailed(initiatedEventId: Int64, execution: WorkflowExecution, failure: Failure?, retryState: RetryState)
    case childWorkflowExecutionCanceled(initiatedEventId: Int64, execution: WorkflowExecution, details: [Payload])
    case childWorkflowExecutionTimedOut(initiatedEventId: Int64, execution: WorkflowExecution, retryState: RetryState)
    case childWorkflowExecutionTerminated(initiatedEventId: Int64, execution: WorkflowExecution)

    case signalExternalWorkflowExecutionInitiated(execution: WorkflowExecution, signalName: String, input: [Payload])
    case signalExternalWorkflowExecutionFailed(initiatedEventId: Int64, execution: WorkflowExecution, cause: Int32)
    case externalWorkflowExecutionSignaled(initiatedEventId: Int64, execution: WorkflowExecution)

    case requestCancelExternalWorkflowExecutionInitiated(execution: WorkflowExecution)
    case requestCancelExternalWorkflowExecutionFailed(initiatedEventId: Int64, execution: WorkflowExecution, cause: Int32)
    case externalWorkflowExecutionCancelRequested(initiatedEventId: Int64, execution: WorkflowExecution)

    case upsertWorkflowSearchAttributes(searchAttributes: PayloadMap)
    case workflowPropertiesModified(upsertedMemo: PayloadMap)

    /// The worker accepted an update; `request` is nil when an earlier
    /// WorkflowExecutionUpdateAdmitted event holds it.
    case workflowExecutionUpdateAccepted(protocolInstanceId: String, requestMessageId: String,
                                         sequencingEventId: Int64, request: UpdateRequest?)
    case workflowExecutionUpdateCompleted(updateId: String, acceptedEventId: Int64, outcome: UpdateOutcome?)
    /// Written by older servers for a rejection; nothing to replay.
    case workflowExecutionUpdateRejected(protocolInstanceId: String)
    /// The server took the update before any workflow task saw it.
    case workflowExecutionUpdateAdmitted(request: UpdateRequest)

    /// An event type this worker does not model (see `HistoryEvent.eventType`).
    case other
}

public struct WorkflowExecutionStarted: Sendable, Hashable {
    public var workflowType: String
    public var taskQueue: String
    public var input: [Payload]
    public var workflowExecutionTimeout: ProtoDuration?
    public var workflowRunTimeout: ProtoDuration?
    public var workflowTaskTimeout: ProtoDuration?
    public var parentWorkflowNamespace: String
    public var parentWorkflowExecution: WorkflowExecution?
    public var continuedExecutionRunId: String
    public var originalExecutionRunId: String
    public var firstExecutionRunId: String
    public var identity: String
    public var attempt: Int32
    public var cronSchedule: String
    public var header: PayloadMap
    public var memo: PayloadMap
    public var searchAttributes: PayloadMap
    public var workflowId: String

    public init(workflowType: String, taskQueue: String, input: [Payload] = [],
                workflowExecutionTimeout: ProtoDuration? = nil, workflowRunTimeout: ProtoDuration? = nil,
                workflowTaskTimeout: ProtoDuration? = nil, parentWorkflowNamespace: String = "",
                parentWorkflowExecution: WorkflowExecution? = nil, continuedExecutionRunId: String = "",
                originalExecutionRunId: String = "", firstExecutionRunId: String = "", identity: String = "",
                attempt: Int32 = 1, cronSchedule: String = "", header: PayloadMap = [:],
                memo: PayloadMap = [:], searchAttributes: PayloadMap = [:], workflowId: String = "") {
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
        self.workflowExecutionTimeout = workflowExecutionTimeout
        self.workflowRunTimeout = workflowRunTimeout
        self.workflowTaskTimeout = workflowTaskTimeout
        self.parentWorkflowNamespace = parentWorkflowNamespace
        self.parentWorkflowExecution = parentWorkflowExecution
        self.continuedExecutionRunId = continuedExecutionRunId
        self.originalExecutionRunId = originalExecutionRunId
        self.firstExecutionRunId = firstExecutionRunId
        self.identity = identity
        self.attempt = attempt
        self.cronSchedule = cronSchedule
        self.header = header
        self.memo = memo
        self.searchAttributes = searchAttributes
        self.workflowId = workflowId
    }
}

public struct ActivityTaskScheduled: Sendable, Hashable {
    public var activityId: String
    public var activityType: String
    public var taskQueue: String
    public var header: PayloadMap
    public var input: [Payload]
    public var scheduleToCloseTimeout: ProtoDuration?
    public var scheduleToStartTimeout: ProtoDuration?
    public var startToCloseTimeout: ProtoDuration?
    public var heartbeatTimeout: ProtoDuration?
    public var retryPolicy: RetryPolicy?
    public init(activityId: String, activityType: String, taskQueue: String = "", header: PayloadMap = [:],
                input: [Payload] = [], scheduleToCloseTimeout: ProtoDuration? = nil,
                scheduleToStartTimeout: ProtoDuration? = nil, startToCloseTimeout: ProtoDuration? = nil,
                heartbeatTimeout: ProtoDuration? = nil, retryPolicy: RetryPolicy? = nil) {
        self.activityId = activityId
        self.activityType = activityType
        self.taskQueue = taskQueue
        self.header = header
        self.input = input
        self.scheduleToCloseTimeout = scheduleToCloseTimeout
        self.scheduleToStartTimeout = scheduleToStartTimeout
        self.startToCloseTimeout = startToCloseTimeout
        self.heartbeatTimeout = heartbeatTimeout
        self.retryPolicy = retryPolicy
    }
}

public struct StartChildWorkflowExecutionInitiated: Sendable, Hashable {
    public var namespace: String
    public var workflowId: String
    public var workflowType: String
    public var taskQueue: String
    public var input: [Payload]
    public init(namespace: String = "", workflowId: String, workflowType: String, taskQueue: String = "",
                input: [Payload] = []) {
        self.namespace = namespace
        self.workflowId = workflowId
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
    }
}

/// `temporal.api.command.v1.Command`, trimmed to the commands the worker issues.
public enum Command: Sendable, Hashable {
    case scheduleActivityTask(ScheduleActivityTask)
    case requestCancelActivityTask(scheduledEventId: Int64)
    case startTimer(timerId: String, startToFireTimeout: ProtoDuration)
    case cancelTimer(timerId: String)
    case completeWorkflowExecution(result: [Payload])
    case failWorkflowExecution(failure: Failure)
    case cancelWorkflowExecution(details: [Payload])
    case continueAsNewWorkflowExecution(ContinueAsNew)
    case startChildWorkflowExecution(StartChildWorkflowExecution)
    case signalExternalWorkflowExecution(namespace: String, execution: WorkflowExecution, signalName: String,
                                         input: [Payload], childWorkflowOnly: Bool, header: PayloadMap)
    case requestCancelExternalWorkflowExecution(namespace: String, execution: WorkflowExecution,
                                                childWorkflowOnly: Bool, reason: String)
    case recordMarker(markerName: String, details: [String: [Payload]], failure: Failure?)
    case upsertWorkflowSearchAttributes(searchAttributes: PayloadMap)
    case modifyWorkflowProperties(upsertedMemo: PayloadMap)
    case protocolMessage(messageId: String)
}

public struct ScheduleActivityTask: Sendable, Hashable {
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
    /// Ask the server to hand the activity back in the completion's answer
    /// (eager execution) instead of through an activity poll.
    public var requestEagerExecution: Bool
    public init(activityId: String, activityType: String, taskQueue: String, header: PayloadMap = [:],
                input: [Payload] = [], scheduleToCloseTimeout: ProtoDuration? = nil,
                scheduleToStartTimeout: ProtoDuration? = nil, startToCloseTimeout: ProtoDuration? = nil,
                heartbeatTimeout: ProtoDuration? = nil, retryPolicy: RetryPolicy? = nil,
                requestEagerExecution: Bool = false) {
        self.requestEagerExecution = requestEagerExecution
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

public struct ContinueAsNew: Sendable, Hashable {
    public var workflowType: String
    public var taskQueue: String
    public var input: [Payload]
    public var workflowRunTimeout: ProtoDuration?
    public var workflowTaskTimeout: ProtoDuration?
    public var header: PayloadMap
    public var memo: PayloadMap
    public var searchAttributes: PayloadMap
    public init(workflowType: String, taskQueue: String, input: [Payload] = [],
                workflowRunTimeout: ProtoDuration? = nil, workflowTaskTimeout: ProtoDuration? = nil,
                header: PayloadMap = [:], memo: PayloadMap = [:], searchAttributes: PayloadMap = [:]) {
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
        self.workflowRunTimeout = workflowRunTimeout
        self.workflowTaskTimeout = workflowTaskTimeout
        self.header = header
        self.memo = memo
        self.searchAttributes = searchAttributes
    }
}

public struct StartChildWorkflowExecution: Sendable, Hashable {
    public var namespace: String
    public var workflowId: String
    public var workflowType: String
    public var taskQueue: String
    public var input: [Payload]
    public var workflowExecutionTimeout: ProtoDuration?
    public var workflowRunTimeout: ProtoDuration?
    public var workflowTaskTimeout: ProtoDuration?
    /// `temporal.api.enums.v1.ParentClosePolicy` (1 terminate, 2 abandon, 3 request cancel).
    public var parentClosePolicy: Int32
    /// `temporal.api.enums.v1.WorkflowIdReusePolicy`.
    public var workflowIdReusePolicy: Int32
    public var retryPolicy: RetryPolicy?
    public var cronSchedule: String
    public var header: PayloadMap
    public var memo: PayloadMap
    public var searchAttributes: PayloadMap
    public init(namespace: String = "", workflowId: String, workflowType: String, taskQueue: String,
                input: [Payload] = [], workflowExecutionTimeout: ProtoDuration? = nil,
                workflowRunTimeout: ProtoDuration? = nil, workflowTaskTimeout: ProtoDuration? = nil,
                parentClosePolicy: Int32 = 0, workflowIdReusePolicy: Int32 = 0, retryPolicy: RetryPolicy? = nil,
                cronSchedule: String = "", header: PayloadMap = [:], memo: PayloadMap = [:],
                searchAttributes: PayloadMap = [:]) {
        self.namespace = namespace
        self.workflowId = workflowId
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
        self.workflowExecutionTimeout = workflowExecutionTimeout
        self.workflowRunTimeout = workflowRunTimeout
        self.workflowTaskTimeout = workflowTaskTimeout
        self.parentClosePolicy = parentClosePolicy
        self.workflowIdReusePolicy = workflowIdReusePolicy
        self.retryPolicy = retryPolicy
        self.cronSchedule = cronSchedule
        self.header = header
        self.memo = memo
        self.searchAttributes = searchAttributes
    }
}

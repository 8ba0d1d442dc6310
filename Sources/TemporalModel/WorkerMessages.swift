/// Requests and responses of the WorkflowService calls a worker makes.

/// `PollWorkflowTaskQueueRequest`.
public struct PollWorkflowTaskQueueRequest: Sendable, Hashable {
    public var namespace: String
    public var taskQueue: TaskQueue
    public var identity: String
    public var workerInstanceKey: String
    public init(namespace: String, taskQueue: TaskQueue, identity: String, workerInstanceKey: String = "") {
        self.namespace = namespace
        self.taskQueue = taskQueue
        self.identity = identity
        self.workerInstanceKey = workerInstanceKey
    }
}

/// `temporal.api.query.v1.WorkflowQuery`.
public struct WorkflowQuery: Sendable, Hashable {
    public var queryType: String
    public var queryArgs: [Payload]
    public var header: PayloadMap
    public init(queryType: String, queryArgs: [Payload] = [], header: PayloadMap = [:]) {
        self.queryType = queryType
        self.queryArgs = queryArgs
        self.header = header
    }
}

/// `temporal.api.protocol.v1.Message`: update requests and the worker's
/// replies. The wire layer packs and unpacks the `Any` body by type URL.
public struct ProtocolMessage: Sendable, Hashable {
    public var id: String
    public var protocolInstanceId: String
    /// `sequencing_id.event_id`: the message applies after the events up to
    /// this id (0: not sent).
    public var eventId: Int64
    public var body: ProtocolMessageBody
    public init(id: String, protocolInstanceId: String, eventId: Int64 = 0, body: ProtocolMessageBody) {
        self.id = id
        self.protocolInstanceId = protocolInstanceId
        self.eventId = eventId
        self.body = body
    }
}

/// `PollWorkflowTaskQueueResponse`: one workflow task. An empty `taskToken`
/// means the long poll expired with no task.
public struct WorkflowTask: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var workflowExecution: WorkflowExecution
    public var workflowType: String
    public var previousStartedEventId: Int64
    public var startedEventId: Int64
    public var attempt: Int32
    public var history: History
    public var nextPageToken: [UInt8]
    public var query: WorkflowQuery?
    public var workflowExecutionTaskQueue: TaskQueue?
    public var queries: [String: WorkflowQuery]
    public var messages: [ProtocolMessage]
    public init(taskToken: [UInt8] = [], workflowExecution: WorkflowExecution = .init(workflowId: ""),
                workflowType: String = "", previousStartedEventId: Int64 = 0, startedEventId: Int64 = 0,
                attempt: Int32 = 0, history: History = .init(), nextPageToken: [UInt8] = [],
                query: WorkflowQuery? = nil, workflowExecutionTaskQueue: TaskQueue? = nil,
                queries: [String: WorkflowQuery] = [:], messages: [ProtocolMessage] = []) {
        self.taskToken = taskToken
        self.workflowExecution = workflowExecution
        self.workflowType = workflowType
        self.previousStartedEventId = previousStartedEventId
        self.startedEventId = startedEventId
        self.attempt = attempt
        self.history = history
        self.nextPageToken = nextPageToken
        self.query = query
        self.workflowExecutionTaskQueue = workflowExecutionTaskQueue
        self.queries = queries
        self.messages = messages
    }
}

/// `temporal.api.query.v1.WorkflowQueryResult`.
public struct WorkflowQueryResult: Sendable, Hashable {
    public enum ResultType: Int32, Sendable { case answered = 1, failed = 2 }
    public var resultType: ResultType
    public var answer: [Payload]
    public var errorMessage: String
    public var failure: Failure?
    public init(resultType: ResultType, answer: [Payload] = [], errorMessage: String = "", failure: Failure? = nil) {
        self.resultType = resultType
        self.answer = answer
        self.errorMessage = errorMessage
        self.failure = failure
    }
}

/// `temporal.api.taskqueue.v1.StickyExecutionAttributes`.
public struct StickyExecutionAttributes: Sendable, Hashable {
    public var workerTaskQueue: TaskQueue
    public var scheduleToStartTimeout: ProtoDuration
    public init(workerTaskQueue: TaskQueue, scheduleToStartTimeout: ProtoDuration) {
        self.workerTaskQueue = workerTaskQueue
        self.scheduleToStartTimeout = scheduleToStartTimeout
    }
}

/// `RespondWorkflowTaskCompletedRequest`.
public struct RespondWorkflowTaskCompletedRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var commands: [Command]
    public var identity: String
    public var namespace: String
    public var stickyAttributes: StickyExecutionAttributes?
    public var returnNewWorkflowTask: Bool
    public var forceCreateNewWorkflowTask: Bool
    public var queryResults: [String: WorkflowQueryResult]
    public var messages: [ProtocolMessage]
    /// `sdk_metadata.sdk_name` / `sdk_version`; empty strings leave it unset.
    public var sdkName: String
    public var sdkVersion: String
    public var workerInstanceKey: String
    public init(taskToken: [UInt8], commands: [Command], identity: String, namespace: String,
                stickyAttributes: StickyExecutionAttributes? = nil, returnNewWorkflowTask: Bool = false,
                forceCreateNewWorkflowTask: Bool = false, queryResults: [String: WorkflowQueryResult] = [:],
                messages: [ProtocolMessage] = [], sdkName: String = "", sdkVersion: String = "",
                workerInstanceKey: String = "") {
        self.taskToken = taskToken
        self.commands = commands
        self.identity = identity
        self.namespace = namespace
        self.stickyAttributes = stickyAttributes
        self.returnNewWorkflowTask = returnNewWorkflowTask
        self.forceCreateNewWorkflowTask = forceCreateNewWorkflowTask
        self.queryResults = queryResults
        self.messages = messages
        self.sdkName = sdkName
        self.sdkVersion = sdkVersion
        self.workerInstanceKey = workerInstanceKey
    }
}

/// `RespondWorkflowTaskCompletedResponse`.
public struct RespondWorkflowTaskCompletedResponse: Sendable, Hashable {
    public var workflowTask: WorkflowTask?
    /// Activities handed back for eager execution.
    public var activityTasks: [ActivityTask]
    public var resetHistoryEventId: Int64
    public init(workflowTask: WorkflowTask? = nil, activityTasks: [ActivityTask] = [], resetHistoryEventId: Int64 = 0) {
        self.workflowTask = workflowTask
        self.activityTasks = activityTasks
        self.resetHistoryEventId = resetHistoryEventId
    }
}

/// `temporal.api.enums.v1.WorkflowTaskFailedCause` values a worker sends.
public enum WorkflowTaskFailedCause {
    public static let unhandledFailure: Int32 = 14
    public static let nonDeterministicError: Int32 = 24
}

/// `RespondWorkflowTaskFailedRequest`.
public struct RespondWorkflowTaskFailedRequest: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var cause: Int32
    public var failure: Failure
    public var identity: String
    public var namespace: String
    public init(taskToken: [UInt8], cause: Int32, failure: Failure, identity: String, namespace: String) {
        self.taskToken = taskToken
        self.cause = cause
        self.failure = failure
        self.identity = identity
        self.namespace = namespace
    }
}

/// `GetWorkflowExecutionHistoryRequest`.
public struct GetWorkflowExecutionHistoryRequest: Sendable, Hashable {
    public enum EventFilter: Int32, Sendable { case all = 1, closeEvent = 2 }
    public var namespace: String
    public var execution: WorkflowExecution
    public var maximumPageSize: Int32
    public var nextPageToken: [UInt8]
    public var waitNewEvent: Bool
    public var eventFilter: EventFilter
    public var skipArchival: Bool
    public init(namespace: String, execution: WorkflowExecution, maximumPageSize: Int32 = 0,
                nextPageToken: [UInt8] = [], waitNewEvent: Bool = false, eventFilter: EventFilter = .all,
                skipArchival: Bool = false) {
        self.namespace = namespace
        self.execution = execution
        self.maximumPageSize = maximumPageSize
        self.nextPageToken = nextPageToken
        self.waitNewEvent = waitNewEvent
        self.eventFilter = eventFilter
        self.skipArchival = skipArchival
    }
}

/// `GetWorkflowExecutionHistoryResponse`.
public struct GetWorkflowExecutionHistoryResponse: Sendable, Hashable {
    public var history: History
    public var nextPageToken: [UInt8]
    public init(history: History, nextPageToken: [UInt8]) {
        self.history = history
        self.nextPageToken = nextPageToken
    }
}

/// `PollActivityTaskQueueRequest`.
public struct PollActivityTaskQueueRequest: Sendable, Hashable {
    public var namespace: String
    public var taskQueue: TaskQueue
    public var identity: String
    public var workerInstanceKey: String
    public init(namespace: String, taskQueue: TaskQueue, identity: String, workerInstanceKey: String = "") {
        self.namespace = namespace
        self.taskQueue = taskQueue
        self.identity = identity
        self.workerInstanceKey = workerInstanceKey
    }
}

/// `PollActivityTaskQueueResponse`: one activity task; an empty token means none.
public struct ActivityTask: Sendable, Hashable {
    public var taskToken: [UInt8]
    public var workflowNamespace: String
    public var workflowType: String
    public var workflowExecution: WorkflowExecution
    public var activityType: String
    public var activityId: String
    public var header: PayloadMap
    public var input: [Payload]
    public var heartbeatDetails: [Payload]
    public var scheduledTime: Timestamp?
    public var startedTime: Timestamp?
    public var attempt: Int32
    public var scheduleToCloseTimeout: ProtoDuration?
    public var startToCloseTimeout: ProtoDuration?
    public var heartbeatTimeout: ProtoDuration?
    public init(taskToken: [UInt8] = [], workflowNamespace: String = "", workflowType: String = "",
                workflowExecution: WorkflowExecution = .init(workflowId: ""), activityType: String = "",
                activityId: String = "", header: PayloadMap = [:], input: [Payload] = [],
                heartbeatDetails: [Payload] = [], scheduledTime: Timestamp? = nil, startedTime: Timestamp? = nil,
                attempt: Int32 = 0, scheduleToCloseTimeout: ProtoDuration? = nil,
                startToCloseTimeout: ProtoDuration? = nil, heartbeatTimeout: ProtoDuration? = nil) {
        self.taskToken = taskToken
        self.workflowNamespace = workflowNamespace
        self.workflowType = workflowType
        self.workflowExecution = workflowExecution
        self.activityType = activityType
        self.activityId = activityId
        self.header = header
        self.input = input
        self.heartbeatDetails = heartbeatDetails
        self.scheduledTime = scheduledTime
        self.startedTime = startedTime
        self.attempt = attempt
        self.scheduleToCloseTimeout = scheduleToCloseTimeout
        self.startToCloseTimeout = startToCloseTimeout
        self.heartbeatTimeout = heartbeatTimeout
    }
}

/// `ShutdownWorkerRequest`.
public struct ShutdownWorkerRequest: Sendable, Hashable {
    public var namespace: String
    public var stickyTaskQueue: String
    public var identity: String
    public var reason: String
    public var workerInstanceKey: String
    public var taskQueue: String
    public init(namespace: String, stickyTaskQueue: String, identity: String, reason: String,
                workerInstanceKey: String = "", taskQueue: String = "") {
        self.namespace = namespace
        self.stickyTaskQueue = stickyTaskQueue
        self.identity = identity
        self.reason = reason
        self.workerInstanceKey = workerInstanceKey
        self.taskQueue = taskQueue
    }
}

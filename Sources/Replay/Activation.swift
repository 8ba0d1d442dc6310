import TemporalModel

/// What the workflow code is told in one activation: every job of one
/// workflow task, in history order, and the workflow clock.
public struct Activation: Sendable {
    /// The workflow clock: the `event_time` of this batch's WorkflowTaskStarted.
    public var time: Timestamp
    /// True while re-running a workflow task that history already completed.
    public var isReplaying: Bool
    /// Id of the WorkflowTaskStarted event this activation runs at.
    public var historyLength: Int64
    /// `history_size_bytes` of that WorkflowTaskStarted event.
    public var historySizeBytes: Int64
    public var jobs: [Job]
    /// Markers this workflow task recorded in history (look-ahead): while
    /// replaying, side effects and versions return these values instead of
    /// making new ones. Empty for a task that is not a replay.
    public var markers: [RecordedMarker]

    public init(time: Timestamp, isReplaying: Bool, historyLength: Int64, historySizeBytes: Int64, jobs: [Job],
                markers: [RecordedMarker] = []) {
        self.time = time
        self.isReplaying = isReplaying
        self.historyLength = historyLength
        self.historySizeBytes = historySizeBytes
        self.jobs = jobs
        self.markers = markers
    }
}

/// A MarkerRecorded event as the code sees it.
public struct RecordedMarker: Sendable, Hashable {
    public var name: String
    public var details: [String: [Payload]]
    public init(name: String, details: [String: [Payload]]) {
        self.name = name
        self.details = details
    }
}

/// One input to workflow code. Applied to workflow state before any
/// coroutine runs (STYLE: deterministic scheduling).
public enum Job: Sendable, Hashable {
    /// Start the workflow function. `randomSeed` is derived from the
    /// original execution run id, so it is the same in every replay.
    case start(WorkflowExecutionStarted, randomSeed: UInt64, startTime: Timestamp)
    case resolveActivity(seq: Int, ActivityResolution)
    case fireTimer(seq: Int)
    case signal(name: String, input: [Payload], header: PayloadMap)
    case cancelWorkflow(reason: String)
    /// A SignalExternal / RequestCancelExternal command finished; `failure`
    /// is nil on success.
    case resolveSignalExternal(seq: Int, failure: Failure?)
    case resolveCancelExternal(seq: Int, failure: Failure?)
    /// A child workflow started (its run id), or could not start.
    case childStarted(seq: Int, runId: String)
    case childStartFailed(seq: Int, Failure)
    /// A started child workflow closed.
    case resolveChild(seq: Int, ChildResolution)
    /// An update to run: the code answers with `acceptUpdate` (then
    /// `completeUpdate`) or `rejectUpdate`. Delivered after the other jobs
    /// of its activation.
    case update(UpdateJob)
}

/// An update request as the code receives it.
public struct UpdateJob: Sendable, Hashable {
    public var request: UpdateRequest
    /// Id of the request's protocol message (`<update id>/request`).
    public var messageId: String
    /// The event the request is sequenced after.
    public var sequencingEventId: Int64
    /// False on replay: history already accepted it, so the validator must
    /// not run again (it may read state that changed since).
    public var validate: Bool

    public init(request: UpdateRequest, messageId: String, sequencingEventId: Int64, validate: Bool) {
        self.request = request
        self.messageId = messageId
        self.sequencingEventId = sequencingEventId
        self.validate = validate
    }
}

/// How a child workflow ended, as history recorded it.
public enum ChildResolution: Sendable, Hashable {
    case completed([Payload])
    /// Failed, timed out, cancelled or terminated: wrapped in
    /// `child_workflow_execution_failure_info` with the cause inside.
    case failed(Failure)
}

/// How an activity ended, as history recorded it.
public enum ActivityResolution: Sendable, Hashable {
    case completed([Payload])
    /// ActivityTaskFailed / TimedOut: the failure history holds, wrapped the
    /// way other SDKs surface it (`activity_failure_info` with the real
    /// failure as its cause).
    case failed(Failure)
    /// Cancelled before or while running.
    case cancelled(Failure)
}

/// A command as workflow code issues it: each kind numbered by its own
/// per-run sequence (1, 2, ...), which also becomes its Temporal id.
public enum WorkflowCommand: Sendable, Hashable {
    case scheduleActivity(seq: Int, ScheduleActivityTask)
    case requestCancelActivity(seq: Int)
    case startTimer(seq: Int, duration: ProtoDuration)
    case cancelTimer(seq: Int)
    case completeWorkflow(result: [Payload])
    case failWorkflow(Failure)
    case cancelWorkflow(details: [Payload])
    case continueAsNew(ContinueAsNew)
    /// A marker (side effect, version). `key` identifies it within its name
    /// for matching: the side-effect id or the change id.
    case recordMarker(name: String, key: String, details: [String: [Payload]])
    case upsertSearchAttributes(PayloadMap)
    case modifyProperties(memo: PayloadMap)
    case signalExternal(seq: Int, namespace: String, execution: WorkflowExecution, signalName: String,
                        input: [Payload], header: PayloadMap, childWorkflowOnly: Bool)
    case cancelExternal(seq: Int, namespace: String, execution: WorkflowExecution, reason: String,
                        childWorkflowOnly: Bool)
    case startChild(seq: Int, StartChildWorkflowExecution)
    /// Update protocol answers, by update id.
    case acceptUpdate(id: String)
    case rejectUpdate(id: String, Failure)
    case completeUpdate(id: String, UpdateOutcome)
}

/// What an activation produced.
public enum ActivationOutcome: Sendable {
    /// The commands issued while running until every coroutine blocked.
    case commands([WorkflowCommand])
    /// A bug in workflow code (a Lua runtime error): the workflow *task*
    /// fails and Temporal retries it; the execution is not failed.
    case taskFailure(message: String, stackTrace: String)
}

/// Workflow code as the replay engine sees it: something that takes an
/// activation and answers with commands. The Lua runtime implements it;
/// tests use scripted fakes.
public protocol WorkflowCode: AnyObject {
    func activate(_ activation: Activation) -> ActivationOutcome
}

extension WorkflowCommand {
    /// Completes, fails, cancels or continues the run: nothing may follow it.
    var isTerminal: Bool {
        switch self {
        case .completeWorkflow, .failWorkflow, .cancelWorkflow, .continueAsNew: true
        default: false
        }
    }

    /// An answer to an update (kept even when issued after the terminal
    /// command of the same activation).
    var isUpdateAnswer: Bool {
        switch self {
        case .acceptUpdate, .rejectUpdate, .completeUpdate: true
        default: false
        }
    }
}

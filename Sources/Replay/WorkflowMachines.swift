import TemporalModel

/// The replay orchestrator of one workflow run: feeds history events to the
/// per-command state machines, runs the workflow code at each workflow task,
/// and checks that the commands it issues match what history recorded.
///
/// The same instance handles every task of the run: a full history from
/// event 1 after a cache miss, or only the new events of a sticky task.
/// It is not thread-safe; one owner drives it.
public final class WorkflowMachines {
    public let execution: WorkflowExecution
    public let workflowType: String
    private let code: WorkflowCode

    /// Machines whose command history has not recorded yet, in issue order.
    private var pending: [CommandMachine] = []
    private var pendingHead = 0
    /// Machines by the id of their command event, for resolution events.
    private var byEventId: [Int64: CommandMachine] = [:]
    private var activities: [Int: ActivityMachine] = [:]
    private var timers: [Int: TimerMachine] = [:]
    private var jobs: [Job] = []

    /// Id of the last event applied.
    public private(set) var lastEventId: Int64 = 0
    /// Id of the last WorkflowTaskStarted the code ran at.
    public private(set) var lastStartedEventId: Int64 = 0
    /// True once a terminal command was issued.
    public private(set) var isFinished = false

    public init(execution: WorkflowExecution, workflowType: String, code: WorkflowCode) {
        self.execution = execution
        self.workflowType = workflowType
        self.code = code
    }

    /// Applies the events of one workflow task and returns what to answer.
    ///
    /// - Parameters:
    ///   - events: the events after `lastEventId`, in order, ending with the
    ///     task's WorkflowTaskStarted (all history pages already fetched).
    ///   - previousStartedEventId: from the poll response; batches up to it
    ///     are replays.
    public func handleTask(events: [HistoryEvent], previousStartedEventId: Int64) throws(ReplayError) -> TaskOutcome {
        if let first = events.first, first.eventId != lastEventId + 1 {
            throw ReplayError(.fatal, "history of \(describeRun()) continues at event \(first.eventId), expected \(lastEventId + 1)")
        }
        for index in events.indices {
            let event = events[index]
            let next = index + 1 < events.count ? events[index + 1] : nil
            if let failure = try apply(event, next: next, previousStartedEventId: previousStartedEventId) {
                return failure
            }
            lastEventId = event.eventId
        }
        return .commands(pending[pendingHead...].compactMap(\.command))
    }

    // MARK: - Events

    /// Applies one event. Returns a task failure when the code raised one.
    private func apply(_ event: HistoryEvent, next: HistoryEvent?, previousStartedEventId: Int64) throws(ReplayError) -> TaskOutcome? {
        switch event.attributes {
        case .workflowExecutionStarted(let started):
            let runId = started.originalExecutionRunId.isEmpty ? execution.runId : started.originalExecutionRunId
            jobs.append(.start(started, randomSeed: fnv1a64(runId)))
        case .workflowTaskStarted(_, _, let historySize):
            if let next, next.eventType == EventType.workflowTaskFailed || next.eventType == EventType.workflowTaskTimedOut {
                return nil  // a failed task is skipped; its batch goes on
            }
            return try activate(at: event, historySize: historySize, replaying: event.eventId <= previousStartedEventId)
        case .workflowTaskScheduled, .workflowTaskCompleted, .workflowTaskFailed, .workflowTaskTimedOut:
            return nil
        case .workflowExecutionSignaled(let name, let input, _, let header):
            jobs.append(.signal(name: name, input: input, header: header))
        case .workflowExecutionCancelRequested(let cause, _):
            jobs.append(.cancelWorkflow(reason: cause))
        case .workflowExecutionTerminated, .workflowExecutionTimedOut:
            return nil
        case .activityTaskScheduled, .timerStarted, .workflowExecutionCompleted, .workflowExecutionFailed,
             .workflowExecutionCanceled, .workflowExecutionContinuedAsNew:
            try recordCommandEvent(event)
        case .activityTaskStarted(let id, _), .activityTaskCompleted(let id, _), .activityTaskFailed(let id, _, _),
             .activityTaskTimedOut(let id, _, _), .activityTaskCancelRequested(let id), .activityTaskCanceled(let id, _):
            try resolve(event, linkedTo: id)
        case .timerFired(_, let id), .timerCanceled(_, let id):
            try resolve(event, linkedTo: id)
        case .other:
            if event.workerMayIgnore { return nil }
            throw ReplayError(.fatal, "event \(event.eventId) of \(describeRun()) has type \(EventType.name(event.eventType)), which this worker does not know")
        default:
            throw ReplayError(.fatal, "event \(event.eventId) of \(describeRun()) is \(EventType.name(event.eventType)), which this Moonflow version does not support yet")
        }
        return nil
    }

    /// Matches a command event against the oldest command not yet recorded.
    private func recordCommandEvent(_ event: HistoryEvent) throws(ReplayError) {
        guard pendingHead < pending.count else {
            throw nonDeterminism("history event \(event.eventId) is \(describeCommandEvent(event)) but the code issued no command there")
        }
        let machine = pending[pendingHead]
        if let recorded = machine.recordCommandEvent(event) {
            throw nonDeterminism("history event \(event.eventId) is \(recorded) but the code issued \(machine.commandDescription)")
        }
        pendingHead += 1
        if pendingHead == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
        }
        byEventId[event.eventId] = machine
    }

    private func resolve(_ event: HistoryEvent, linkedTo id: Int64) throws(ReplayError) {
        guard let machine = byEventId[id] else {
            throw ReplayError(.fatal, "event \(event.eventId) \(EventType.name(event.eventType)) of \(describeRun()) points at event \(id), which issued no known command")
        }
        jobs.append(contentsOf: try machine.handle(event))
    }

    // MARK: - Activations

    private func activate(at started: HistoryEvent, historySize: Int64, replaying: Bool) throws(ReplayError) -> TaskOutcome? {
        if pendingHead < pending.count {
            let extra = pending[pendingHead]
            throw nonDeterminism("the code issued \(extra.commandDescription) but history has no matching event before event \(started.eventId) (\(EventType.name(started.eventType)))")
        }
        lastStartedEventId = started.eventId
        let activation = Activation(time: started.eventTime, isReplaying: replaying,
                                    historyLength: started.eventId, historySizeBytes: historySize, jobs: jobs)
        jobs.removeAll(keepingCapacity: true)
        if isFinished { return nil }
        switch code.activate(activation) {
        case .taskFailure(let message, let stackTrace):
            return .taskFailure(message: message, stackTrace: stackTrace)
        case .commands(let commands):
            for command in commands {
                try add(command)
                if isFinished { break }
            }
            return nil
        }
    }

    private func add(_ command: WorkflowCommand) throws(ReplayError) {
        switch command {
        case .scheduleActivity(let seq, let attributes):
            let machine = ActivityMachine(seq: seq, attributes: attributes)
            activities[seq] = machine
            pending.append(machine)
        case .startTimer(let seq, let duration):
            let machine = TimerMachine(seq: seq, duration: duration)
            timers[seq] = machine
            pending.append(machine)
        case .completeWorkflow, .failWorkflow, .cancelWorkflow, .continueAsNew:
            pending.append(TerminalMachine(command))
            isFinished = true
        case .requestCancelActivity, .cancelTimer:
            throw ReplayError(.fatal, "\(command) is not supported yet by this Moonflow version")
        }
    }

    // MARK: - Messages

    private func describeRun() -> String {
        "workflow \(workflowType) (id \(execution.workflowId), run \(execution.runId))"
    }

    private func nonDeterminism(_ detail: String) -> ReplayError {
        ReplayError(.nonDeterminism, "non-deterministic \(describeRun()): \(detail)")
    }
}

/// What one workflow task answers.
public enum TaskOutcome: Sendable, Equatable {
    /// RespondWorkflowTaskCompleted with these commands.
    case commands([Command])
    /// RespondWorkflowTaskFailed with cause WORKFLOW_WORKER_UNHANDLED_FAILURE.
    case taskFailure(message: String, stackTrace: String)
}

/// FNV-1a, 64 bit: a hash that is the same in every process (Swift's
/// `Hasher` is seeded per process and would break replay).
public func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}

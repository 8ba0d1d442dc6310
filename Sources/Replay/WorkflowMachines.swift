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
    private var signalsExternal: [Int: CommandMachine] = [:]
    private var children: [Int: ChildWorkflowMachine] = [:]
    /// Update requests seen (from messages, UpdateAdmitted or UpdateAccepted
    /// events), by update id: what accepting or completing one needs.
    private var updates: [String: UpdateJob] = [:]
    /// Rejections of this task: messages with no command or history event.
    private var rejections: [ProtocolMessage] = []
    /// Update requests the current task carried, for its live activation.
    private var incomingUpdates: [UpdateJob] = []
    /// False while re-running a task history already completed: its
    /// rejections were sent back then and are not sent again.
    private var activationIsLive = true
    /// Set after skipping an unasked-for Version marker: its
    /// TemporalChangeVersion upsert follows and is skipped too.
    private var skipVersionUpsert = false

    /// Id of the last event applied.
    public private(set) var lastEventId: Int64 = 0
    /// Id of the last WorkflowTaskStarted the code ran at.
    public private(set) var lastStartedEventId: Int64 = 0
    /// True once a terminal command was issued.
    public private(set) var isFinished = false
    /// When set, every activation's issued commands are appended here (for
    /// `moonflow replay --print-commands` and determinism tests).
    public var commandLog: [[Command]]?

    public init(execution: WorkflowExecution, workflowType: String, code: WorkflowCode) {
        self.execution = execution
        self.workflowType = workflowType
        self.code = code
    }

    /// Whether `events` (a sticky task's partial history) continue exactly
    /// where this instance stopped: the next event id, and the last task it
    /// answered was not failed or timed out since (then the commands it sent
    /// were never recorded, and the run must be replayed from event 1).
    public func canContinue(with events: [HistoryEvent]) -> Bool {
        guard let first = events.first, first.eventId == lastEventId + 1 else { return false }
        for event in events {
            switch event.attributes {
            case .workflowTaskFailed(_, let started, _, _), .workflowTaskTimedOut(_, let started, _):
                if started == lastStartedEventId { return false }
            default:
                continue
            }
        }
        return true
    }

    /// Applies the events of one workflow task and returns what to answer.
    ///
    /// - Parameters:
    ///   - events: the events after `lastEventId`, in order, ending with the
    ///     task's WorkflowTaskStarted (all history pages already fetched).
    ///   - previousStartedEventId: from the poll response; batches up to it
    ///     are replays.
    ///   - messages: the task's protocol messages; update requests among
    ///     them reach the code in the task's own (last) activation.
    public func handleTask(events: [HistoryEvent], previousStartedEventId: Int64,
                           messages: [ProtocolMessage] = []) throws(ReplayError) -> TaskOutcome {
        if let first = events.first, first.eventId != lastEventId + 1 {
            throw ReplayError(.fatal, "history of \(describeRun()) continues at event \(first.eventId), expected \(lastEventId + 1)")
        }
        rejections.removeAll()
        incomingUpdates = messages.compactMap { message in
            guard case .updateRequest(let request) = message.body else { return nil }
            return UpdateJob(request: request, messageId: message.id, sequencingEventId: message.eventId, validate: true)
        }
        for index in events.indices {
            let event = events[index]
            if let failure = try apply(event, following: events[(index + 1)...], previousStartedEventId: previousStartedEventId) {
                return failure
            }
            lastEventId = event.eventId
        }
        let unsent = pending[pendingHead...]
        let messages = unsent.compactMap { ($0 as? UpdateMachine)?.message } + rejections
        return .commands(unsent.compactMap(\.command), messages: messages)
    }

    // MARK: - Events

    /// Applies one event. Returns a task failure when the code raised one.
    private func apply(_ event: HistoryEvent, following: ArraySlice<HistoryEvent>,
                       previousStartedEventId: Int64) throws(ReplayError) -> TaskOutcome? {
        let next = following.first
        switch event.attributes {
        case .workflowExecutionStarted(let started):
            let runId = started.originalExecutionRunId.isEmpty ? execution.runId : started.originalExecutionRunId
            jobs.append(.start(started, randomSeed: fnv1a64(runId), startTime: event.eventTime))
        case .workflowTaskStarted(_, _, let historySize):
            if let next, next.eventType == EventType.workflowTaskFailed || next.eventType == EventType.workflowTaskTimedOut {
                return nil  // a failed task is skipped; its batch goes on
            }
            let ahead = LookAhead(after: following)
            return try activate(at: event, historySize: historySize, replaying: event.eventId <= previousStartedEventId,
                                markers: ahead.markers, acceptedUpdates: following.isEmpty ? nil : ahead.acceptedUpdates)
        case .workflowTaskScheduled, .workflowTaskCompleted, .workflowTaskFailed, .workflowTaskTimedOut:
            return nil
        case .workflowExecutionSignaled(let name, let input, _, let header):
            jobs.append(.signal(name: name, input: input, header: header))
        case .workflowExecutionCancelRequested(let cause, _):
            jobs.append(.cancelWorkflow(reason: cause))
        case .workflowExecutionTerminated, .workflowExecutionTimedOut, .workflowExecutionUpdateRejected:
            return nil
        case .workflowExecutionUpdateAdmitted(let request):
            if updates[request.updateId] == nil {
                let job = UpdateJob(request: request, messageId: request.updateId + "/request",
                                    sequencingEventId: event.eventId, validate: true)
                updates[request.updateId] = job
                jobs.append(.update(job))
            }
        case .activityTaskScheduled, .timerStarted, .timerCanceled, .workflowExecutionCompleted,
             .workflowExecutionFailed, .workflowExecutionCanceled, .workflowExecutionContinuedAsNew,
             .markerRecorded, .upsertWorkflowSearchAttributes, .workflowPropertiesModified,
             .signalExternalWorkflowExecutionInitiated, .requestCancelExternalWorkflowExecutionInitiated,
             .startChildWorkflowExecutionInitiated, .workflowExecutionUpdateAccepted, .workflowExecutionUpdateCompleted:
            try recordCommandEvent(event)
        case .activityTaskCancelRequested(let id):
            if pendingHead < pending.count, pending[pendingHead] is CancelActivityMachine {
                try recordCommandEvent(event)
            } else {
                try resolve(event, linkedTo: id)
            }
        case .activityTaskStarted(let id, _), .activityTaskCompleted(let id, _), .activityTaskFailed(let id, _, _),
             .activityTaskTimedOut(let id, _, _), .activityTaskCanceled(let id, _):
            try resolve(event, linkedTo: id)
        case .timerFired(_, let id):
            try resolve(event, linkedTo: id)
        case .externalWorkflowExecutionSignaled(let id, _), .signalExternalWorkflowExecutionFailed(let id, _, _),
             .externalWorkflowExecutionCancelRequested(let id, _), .requestCancelExternalWorkflowExecutionFailed(let id, _, _),
             .startChildWorkflowExecutionFailed(let id, _, _, _), .childWorkflowExecutionStarted(let id, _, _),
             .childWorkflowExecutionCompleted(let id, _, _), .childWorkflowExecutionFailed(let id, _, _, _),
             .childWorkflowExecutionCanceled(let id, _, _), .childWorkflowExecutionTimedOut(let id, _, _),
             .childWorkflowExecutionTerminated(let id, _):
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
        if skipVersionUpsert {
            skipVersionUpsert = false
            if case .upsertWorkflowSearchAttributes(let attributes) = event.attributes,
               attributes.keys.contains(VersionMarker.searchAttribute),
               !(pendingHead < pending.count && pending[pendingHead] is UpsertMachine) {
                return
            }
        }
        let front = pendingHead < pending.count ? pending[pendingHead] : nil
        if case .markerRecorded(let name, _, _) = event.attributes, name == MarkerKey.version,
           front.map({ $0.recordCommandEvent(event) != nil }) ?? true {
            // A Version marker the code did not ask for: it ran this code
            // path before the `workflow.version` call existed (Go SDK rule).
            skipVersionUpsert = true
            return
        }
        guard let machine = front else {
            throw nonDeterminism("history event \(event.eventId) is \(describeCommandEvent(event)) but the code issued no command there")
        }
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

    /// - Parameter acceptedUpdates: on replay, the UpdateAccepted events
    ///   this task's completion wrote (their requests reach the code again,
    ///   unvalidated); nil for the live task, which gets `incomingUpdates`.
    private func activate(at started: HistoryEvent, historySize: Int64, replaying: Bool,
                          markers: [RecordedMarker], acceptedUpdates: [HistoryEvent]?) throws(ReplayError) -> TaskOutcome? {
        if pendingHead < pending.count {
            let extra = pending[pendingHead]
            throw nonDeterminism("the code issued \(extra.commandDescription) but history has no matching event before event \(started.eventId) (\(EventType.name(started.eventType)))")
        }
        lastStartedEventId = started.eventId
        activationIsLive = acceptedUpdates == nil
        if let acceptedUpdates {
            try replayUpdates(acceptedUpdates)
        } else {
            for job in incomingUpdates where updates[job.request.updateId] == nil {
                updates[job.request.updateId] = job
                jobs.append(.update(job))
            }
        }
        let activation = Activation(time: started.eventTime, isReplaying: replaying,
                                    historyLength: started.eventId, historySizeBytes: historySize, jobs: jobs,
                                    markers: markers)
        jobs.removeAll(keepingCapacity: true)
        if isFinished { return nil }
        switch code.activate(activation) {
        case .taskFailure(let message, let stackTrace):
            return .taskFailure(message: message, stackTrace: stackTrace)
        case .commands(let commands):
            let before = pending.count
            // The terminal command goes last: update answers issued in the
            // same activation still reach history before the run closes.
            var terminal: WorkflowCommand?
            for command in commands {
                if command.isTerminal {
                    if terminal == nil { terminal = command }
                } else if terminal == nil || command.isUpdateAnswer {
                    try add(command)
                }
            }
            if let terminal { try add(terminal) }
            commandLog?.append(pending[min(before, pending.count)...].compactMap(\.command))
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
        case .recordMarker(let name, let key, let details):
            pending.append(MarkerMachine(name: name, key: key, details: details))
        case .upsertSearchAttributes(let attributes):
            pending.append(UpsertMachine(searchAttributes: attributes))
        case .modifyProperties(let memo):
            pending.append(UpsertMachine(memo: memo))
        case .signalExternal(let seq, let namespace, let execution, let name, let input, let header, let childOnly):
            let machine = SignalExternalMachine(
                seq: seq, command: .signalExternalWorkflowExecution(
                    namespace: namespace, execution: execution, signalName: name, input: input,
                    childWorkflowOnly: childOnly, header: header),
                signalName: name, workflowId: execution.workflowId)
            pending.append(machine)
        case .cancelExternal(let seq, let namespace, let execution, let reason, let childOnly):
            pending.append(CancelExternalMachine(
                seq: seq, command: .requestCancelExternalWorkflowExecution(
                    namespace: namespace, execution: execution, childWorkflowOnly: childOnly, reason: reason),
                workflowId: execution.workflowId))
        case .startChild(let seq, let attributes):
            let machine = ChildWorkflowMachine(seq: seq, attributes: attributes)
            children[seq] = machine
            pending.append(machine)
        case .acceptUpdate(let id):
            guard let job = updates[id] else { throw unknownUpdate(id) }
            pending.append(UpdateMachine(accepting: job))
        case .completeUpdate(let id, let outcome):
            guard let job = updates.removeValue(forKey: id) else { throw unknownUpdate(id) }
            pending.append(UpdateMachine(completing: job, outcome: outcome))
        case .rejectUpdate(let id, let failure):
            guard let job = updates.removeValue(forKey: id) else { throw unknownUpdate(id) }
            guard activationIsLive else { return }
            rejections.append(ProtocolMessage(
                id: job.messageId + "/reject", protocolInstanceId: id,
                body: .updateRejection(requestMessageId: job.messageId, sequencingEventId: job.sequencingEventId,
                                       request: job.request, failure: failure)))
        case .cancelTimer(let seq):
            guard let timer = timers[seq] else { return }
            if let index = unsentIndex(of: timer) {
                pending.remove(at: index)   // never sent: nothing to cancel on the server
            } else if timer.state == .started {
                pending.append(CancelTimerMachine(timerId: timer.timerId))
            }
        case .requestCancelActivity(let seq):
            guard let activity = activities[seq] else { return }
            // The Lua side resolves an activity cancelled in the activation
            // that scheduled it; here its command is just not sent.
            if let index = unsentIndex(of: activity) {
                pending.remove(at: index)
            } else if activity.state == .scheduled {
                pending.append(CancelActivityMachine(scheduledEventId: activity.scheduledEventId,
                                                     activityId: activity.attributes.activityId))
            }
        }
    }

    /// The index in `pending` of a machine whose command was not sent yet.
    private func unsentIndex(of machine: CommandMachine) -> Int? {
        pending[pendingHead...].firstIndex { $0 === machine }
    }

    /// Requests of updates this task accepted, as history recorded them:
    /// delivered again without validation. A request held by an earlier
    /// UpdateAdmitted event is already queued; it just skips validation,
    /// and one this task did not accept is dropped.
    private func replayUpdates(_ accepted: [HistoryEvent]) throws(ReplayError) {
        for event in accepted {
            guard case .workflowExecutionUpdateAccepted(let updateId, let messageId, let sequencing, let request) = event.attributes
            else { continue }
            if updates[updateId] != nil {
                for index in jobs.indices {
                    if case .update(var job) = jobs[index], job.request.updateId == updateId {
                        job.validate = false
                        jobs[index] = .update(job)
                    }
                }
                continue
            }
            guard let request else {
                throw ReplayError(.fatal, "event \(event.eventId) of \(describeRun()) accepts update \(updateId) but carries no request and no earlier event admitted it")
            }
            let job = UpdateJob(request: request, messageId: messageId, sequencingEventId: sequencing, validate: false)
            updates[updateId] = job
            jobs.append(.update(job))
        }
        // An admitted update this task did not accept was rejected then
        // (no event): it does not reach the code again.
        jobs.removeAll { job in
            guard case .update(let update) = job, update.validate else { return false }
            updates.removeValue(forKey: update.request.updateId)
            return true
        }
    }

    // MARK: - Messages

    private func describeRun() -> String {
        "workflow \(workflowType) (id \(execution.workflowId), run \(execution.runId))"
    }

    private func unknownUpdate(_ id: String) -> ReplayError {
        ReplayError(.fatal, "internal: the code of \(describeRun()) answered update \(id), which it was not asked to run")
    }

    private func nonDeterminism(_ detail: String) -> ReplayError {
        ReplayError(.nonDeterminism, "non-deterministic \(describeRun()): \(detail)")
    }
}

/// What one workflow task answers.
public enum TaskOutcome: Sendable, Equatable {
    /// RespondWorkflowTaskCompleted with these commands and protocol
    /// messages (update acceptances, rejections and responses).
    case commands([Command], messages: [ProtocolMessage] = [])
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

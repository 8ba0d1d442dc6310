import TemporalModel

/// Builds canned histories the way the server writes them: event ids in
/// order, one second of workflow clock per workflow task.
public struct HistoryBuilder {
    public private(set) var events: [HistoryEvent] = []
    private var clock: Int64 = 1_700_000_000

    public init(workflowType: String = "test:wf", taskQueue: String = "tq") {
        self.workflowType = workflowType
        self.taskQueue = taskQueue
    }
    public var workflowType: String
    public var taskQueue: String

    private mutating func add(_ type: Int32, _ attributes: EventAttributes) -> Int64 {
        let id = Int64(events.count + 1)
        events.append(HistoryEvent(eventId: id, eventTime: Timestamp(seconds: clock), eventType: type,
                                   attributes: attributes))
        return id
    }

    public mutating func started(input: [Payload] = [], header: PayloadMap = [:]) {
        _ = add(EventType.workflowExecutionStarted, .workflowExecutionStarted(
            WorkflowExecutionStarted(workflowType: workflowType, taskQueue: taskQueue, input: input,
                                     originalExecutionRunId: "run-1", header: header)))
    }

    /// WorkflowTaskScheduled + WorkflowTaskStarted; returns the started id.
    @discardableResult
    public mutating func workflowTask() -> Int64 {
        clock += 1
        let scheduled = add(EventType.workflowTaskScheduled,
                            .workflowTaskScheduled(taskQueue: TaskQueue(name: taskQueue), startToCloseTimeout: nil, attempt: 1))
        return add(EventType.workflowTaskStarted,
                   .workflowTaskStarted(scheduledEventId: scheduled, identity: "test", historySizeBytes: 100))
    }

    public mutating func workflowTaskCompleted(started: Int64) {
        _ = add(EventType.workflowTaskCompleted,
                .workflowTaskCompleted(scheduledEventId: started - 1, startedEventId: started, identity: "test"))
    }

    public mutating func workflowTaskFailed(started: Int64) {
        _ = add(EventType.workflowTaskFailed,
                .workflowTaskFailed(scheduledEventId: started - 1, startedEventId: started, cause: 14, failure: nil))
    }

    public mutating func activityScheduled(id: String, type: String) -> Int64 {
        add(EventType.activityTaskScheduled,
            .activityTaskScheduled(ActivityTaskScheduled(activityId: id, activityType: type, taskQueue: taskQueue)))
    }

    public mutating func activityCompleted(scheduled: Int64, result: [Payload]) {
        let started = add(EventType.activityTaskStarted, .activityTaskStarted(scheduledEventId: scheduled, attempt: 1))
        _ = started
        _ = add(EventType.activityTaskCompleted, .activityTaskCompleted(scheduledEventId: scheduled, result: result))
    }

    public mutating func activityFailed(scheduled: Int64, failure: Failure) {
        _ = add(EventType.activityTaskStarted, .activityTaskStarted(scheduledEventId: scheduled, attempt: 3))
        _ = add(EventType.activityTaskFailed, .activityTaskFailed(scheduledEventId: scheduled, failure: failure, retryState: 5))
    }

    public mutating func timerStarted(id: String, seconds: Int64) -> Int64 {
        add(EventType.timerStarted, .timerStarted(timerId: id, startToFireTimeout: .seconds(seconds)))
    }

    public mutating func timerFired(id: String, started: Int64) {
        _ = add(EventType.timerFired, .timerFired(timerId: id, startedEventId: started))
    }

    public mutating func signaled(name: String, input: [Payload] = []) {
        _ = add(EventType.workflowExecutionSignaled,
                .workflowExecutionSignaled(signalName: name, input: input, identity: "cli", header: [:]))
    }

    public mutating func marker(name: String, details: [String: [Payload]]) {
        _ = add(EventType.markerRecorded, .markerRecorded(markerName: name, details: details, failure: nil))
    }

    public mutating func upsertSearchAttributes(_ attributes: PayloadMap) {
        _ = add(EventType.upsertWorkflowSearchAttributes, .upsertWorkflowSearchAttributes(searchAttributes: attributes))
    }

    public mutating func childInitiated(id: String, type: String) -> Int64 {
        add(EventType.startChildWorkflowExecutionInitiated, .startChildWorkflowExecutionInitiated(
            StartChildWorkflowExecutionInitiated(workflowId: id, workflowType: type, taskQueue: taskQueue)))
    }

    public mutating func childStarted(initiated: Int64, id: String, type: String) {
        _ = add(EventType.childWorkflowExecutionStarted, .childWorkflowExecutionStarted(
            initiatedEventId: initiated, execution: WorkflowExecution(workflowId: id, runId: "child-run"), workflowType: type))
    }

    public mutating func childCompleted(initiated: Int64, id: String, result: [Payload]) {
        _ = add(EventType.childWorkflowExecutionCompleted, .childWorkflowExecutionCompleted(
            initiatedEventId: initiated, execution: WorkflowExecution(workflowId: id, runId: "child-run"), result: result))
    }

    public mutating func childFailed(initiated: Int64, id: String, failure: Failure) {
        _ = add(EventType.childWorkflowExecutionFailed, .childWorkflowExecutionFailed(
            initiatedEventId: initiated, execution: WorkflowExecution(workflowId: id, runId: "child-run"),
            failure: failure, retryState: 0))
    }

    public mutating func signalExternalInitiated(workflowId: String, signal: String) -> Int64 {
        add(EventType.signalExternalWorkflowExecutionInitiated, .signalExternalWorkflowExecutionInitiated(
            execution: WorkflowExecution(workflowId: workflowId), signalName: signal, input: []))
    }

    public mutating func signalExternalFailed(initiated: Int64, workflowId: String) {
        _ = add(EventType.signalExternalWorkflowExecutionFailed, .signalExternalWorkflowExecutionFailed(
            initiatedEventId: initiated, execution: WorkflowExecution(workflowId: workflowId), cause: 1))
    }

    public mutating func externalSignaled(initiated: Int64, workflowId: String) {
        _ = add(EventType.externalWorkflowExecutionSignaled, .externalWorkflowExecutionSignaled(
            initiatedEventId: initiated, execution: WorkflowExecution(workflowId: workflowId)))
    }

    public mutating func cancelRequested(reason: String = "") {
        _ = add(EventType.workflowExecutionCancelRequested, .workflowExecutionCancelRequested(cause: reason, identity: "cli"))
    }

    public mutating func activityCancelRequested(scheduled: Int64) {
        _ = add(EventType.activityTaskCancelRequested, .activityTaskCancelRequested(scheduledEventId: scheduled))
    }

    public mutating func activityCanceled(scheduled: Int64) {
        _ = add(EventType.activityTaskCanceled, .activityTaskCanceled(scheduledEventId: scheduled, details: []))
    }

    public mutating func timerCanceled(id: String, started: Int64) {
        _ = add(EventType.timerCanceled, .timerCanceled(timerId: id, startedEventId: started))
    }

    public mutating func canceled() {
        _ = add(EventType.workflowExecutionCanceled, .workflowExecutionCanceled(details: []))
    }

    /// WorkflowExecutionUpdateAccepted with the request (as a worker's
    /// acceptance makes the server write it); returns its id.
    @discardableResult
    public mutating func updateAccepted(_ request: UpdateRequest, sequencedAt: Int64) -> Int64 {
        add(EventType.workflowExecutionUpdateAccepted, .workflowExecutionUpdateAccepted(
            protocolInstanceId: request.updateId, requestMessageId: request.updateId + "/request",
            sequencingEventId: sequencedAt, request: request))
    }

    public mutating func updateCompleted(_ updateId: String, accepted: Int64, outcome: UpdateOutcome) {
        _ = add(EventType.workflowExecutionUpdateCompleted,
                .workflowExecutionUpdateCompleted(updateId: updateId, acceptedEventId: accepted, outcome: outcome))
    }

    public mutating func updateAdmitted(_ request: UpdateRequest) {
        _ = add(EventType.workflowExecutionUpdateAdmitted, .workflowExecutionUpdateAdmitted(request: request))
    }

    public mutating func completed(result: [Payload]) {
        _ = add(EventType.workflowExecutionCompleted,
                .workflowExecutionCompleted(result: result, newExecutionRunId: ""))
    }

    public mutating func failed(message: String) {
        _ = add(EventType.workflowExecutionFailed,
                .workflowExecutionFailed(failure: Failure(message: message), retryState: 0, newExecutionRunId: ""))
    }
}

public func payload(_ text: String) -> Payload {
    Payload(metadata: ["encoding": Array("json/plain".utf8)], data: Array(text.utf8))
}

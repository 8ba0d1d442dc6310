import TemporalModel

/// Sample values with every field set to something non-default, shared by
/// the round-trip tests.
enum Samples {
    static let json = Payload(metadata: ["encoding": Array("json/plain".utf8)], data: Array("\"hi\"".utf8))
    static let binary = Payload(metadata: ["encoding": Array("binary/plain".utf8), "x": [0, 255]], data: [0, 1, 2, 0])
    static let payloads = [json, binary]
    static let header: PayloadMap = ["trace": json, "auth": binary]
    static let memo: PayloadMap = ["note": json]
    static let search: PayloadMap = ["CustomKeywordField": json, "Other": binary]
    static let execution = WorkflowExecution(workflowId: "wf-1", runId: "run-1")
    static let queue = TaskQueue(name: "sticky-1", kind: .sticky, normalName: "q1")
    static let retry = RetryPolicy(initialInterval: .seconds(1), backoffCoefficient: 2.5,
                                   maximumInterval: .milliseconds(1500), maximumAttempts: 7,
                                   nonRetryableErrorTypes: ["Bad", "Worse"])

    static let failure = Failure(
        message: "outer", source: "Moonflow", stackTrace: "at x",
        info: .application(type: "MyError", nonRetryable: true, details: [json]),
        cause: Failure(message: "activity", info: .activity(scheduledEventId: 5, startedEventId: 6,
                                                             activityType: "act", activityId: "a1", retryState: 4),
                       cause: Failure(message: "child", info: .childWorkflow(
                           namespace: "ns", execution: execution, workflowType: "Child",
                           initiatedEventId: 9, startedEventId: 10, retryState: 2))))

    /// One failure per FailureInfo case.
    static let failureInfos: [FailureInfo] = [
        .none,
        .application(type: "T", nonRetryable: false, details: payloads),
        .timeout(type: .heartbeat, lastHeartbeatDetails: [binary]),
        .canceled(details: [json]),
        .terminated,
        .server(nonRetryable: true),
        .activity(scheduledEventId: 1, startedEventId: 2, activityType: "a", activityId: "id", retryState: 3),
        .childWorkflow(namespace: "n", execution: execution, workflowType: "w", initiatedEventId: 4,
                       startedEventId: 5, retryState: 6),
    ]

    /// One event per EventAttributes case (including `.other`).
    static let allAttributes: [(Int32, EventAttributes)] = [
        (EventType.workflowExecutionStarted, .workflowExecutionStarted(WorkflowExecutionStarted(
            workflowType: "Greet", taskQueue: "q1", input: payloads, workflowExecutionTimeout: .seconds(3600),
            workflowRunTimeout: .seconds(600), workflowTaskTimeout: .seconds(10), parentWorkflowNamespace: "pns",
            parentWorkflowExecution: WorkflowExecution(workflowId: "parent", runId: "prun"),
            continuedExecutionRunId: "crun", originalExecutionRunId: "orun", firstExecutionRunId: "frun",
            identity: "client", attempt: 2, cronSchedule: "* * * * *", header: header, memo: memo,
            searchAttributes: search, workflowId: "wf-1"))),
        (EventType.workflowExecutionCompleted, .workflowExecutionCompleted(result: payloads, newExecutionRunId: "n1")),
        (EventType.workflowExecutionFailed, .workflowExecutionFailed(failure: failure, retryState: 2, newExecutionRunId: "n2")),
        (EventType.workflowExecutionTimedOut, .workflowExecutionTimedOut(retryState: 3, newExecutionRunId: "n3")),
        (EventType.workflowExecutionCanceled, .workflowExecutionCanceled(details: [json])),
        (EventType.workflowExecutionTerminated, .workflowExecutionTerminated(reason: "r", details: [binary], identity: "op")),
        (EventType.workflowExecutionContinuedAsNew, .workflowExecutionContinuedAsNew(
            newExecutionRunId: "n4", workflowType: "Greet", input: payloads)),
        (EventType.workflowExecutionSignaled, .workflowExecutionSignaled(
            signalName: "sig", input: [json], identity: "sender", header: header)),
        (EventType.workflowExecutionCancelRequested, .workflowExecutionCancelRequested(cause: "because", identity: "op")),
        (EventType.workflowTaskScheduled, .workflowTaskScheduled(taskQueue: queue, startToCloseTimeout: .seconds(10), attempt: 1)),
        (EventType.workflowTaskStarted, .workflowTaskStarted(scheduledEventId: 2, identity: "w", historySizeBytes: 1234)),
        (EventType.workflowTaskCompleted, .workflowTaskCompleted(scheduledEventId: 2, startedEventId: 3, identity: "w")),
        (EventType.workflowTaskFailed, .workflowTaskFailed(scheduledEventId: 2, startedEventId: 3, cause: 24, failure: failure)),
        (EventType.workflowTaskTimedOut, .workflowTaskTimedOut(scheduledEventId: 2, startedEventId: 3, timeoutType: .scheduleToStart)),
        (EventType.activityTaskScheduled, .activityTaskScheduled(ActivityTaskScheduled(
            activityId: "1", activityType: "charge", taskQueue: "q1", header: header, input: payloads,
            scheduleToCloseTimeout: .seconds(60), scheduleToStartTimeout: .seconds(5),
            startToCloseTimeout: .milliseconds(30_500), heartbeatTimeout: .seconds(2), retryPolicy: retry))),
        (EventType.activityTaskStarted, .activityTaskStarted(scheduledEventId: 5, attempt: 3)),
        (EventType.activityTaskCompleted, .activityTaskCompleted(scheduledEventId: 5, result: [json])),
        (EventType.activityTaskFailed, .activityTaskFailed(scheduledEventId: 5, failure: failure, retryState: 4)),
        (EventType.activityTaskTimedOut, .activityTaskTimedOut(
            scheduledEventId: 5, failure: Failure(message: "t", info: .timeout(type: .startToClose, lastHeartbeatDetails: [])),
            retryState: 3)),
        (EventType.activityTaskCancelRequested, .activityTaskCancelRequested(scheduledEventId: 5)),
        (EventType.activityTaskCanceled, .activityTaskCanceled(scheduledEventId: 5, details: [binary])),
        (EventType.timerStarted, .timerStarted(timerId: "t1", startToFireTimeout: .milliseconds(250))),
        (EventType.timerFired, .timerFired(timerId: "t1", startedEventId: 8)),
        (EventType.timerCanceled, .timerCanceled(timerId: "t2", startedEventId: 9)),
        (EventType.markerRecorded, .markerRecorded(markerName: "Version", details: ["a": payloads, "b": [], "c": [json]],
                                                   failure: Failure(message: "m"))),
        (EventType.startChildWorkflowExecutionInitiated, .startChildWorkflowExecutionInitiated(
            StartChildWorkflowExecutionInitiated(namespace: "ns", workflowId: "child", workflowType: "Child",
                                                 taskQueue: "q2", input: [json]))),
        (EventType.startChildWorkflowExecutionFailed, .startChildWorkflowExecutionFailed(
            initiatedEventId: 11, workflowId: "child", workflowType: "Child", cause: 1)),
        (EventType.childWorkflowExecutionStarted, .childWorkflowExecutionStarted(
            initiatedEventId: 11, execution: execution, workflowType: "Child")),
        (EventType.childWorkflowExecutionCompleted, .childWorkflowExecutionCompleted(
            initiatedEventId: 11, execution: execution, result: payloads)),
        (EventType.childWorkflowExecutionFailed, .childWorkflowExecutionFailed(
            initiatedEventId: 11, execution: execution, failure: failure, retryState: 5)),
        (EventType.childWorkflowExecutionCanceled, .childWorkflowExecutionCanceled(
            initiatedEventId: 11, execution: execution, details: [json])),
        (EventType.childWorkflowExecutionTimedOut, .childWorkflowExecutionTimedOut(
            initiatedEventId: 11, execution: execution, retryState: 3)),
        (EventType.childWorkflowExecutionTerminated, .childWorkflowExecutionTerminated(initiatedEventId: 11, execution: execution)),
        (EventType.signalExternalWorkflowExecutionInitiated, .signalExternalWorkflowExecutionInitiated(
            execution: execution, signalName: "ping", input: [json])),
        (EventType.signalExternalWorkflowExecutionFailed, .signalExternalWorkflowExecutionFailed(
            initiatedEventId: 12, execution: execution, cause: 1)),
        (EventType.externalWorkflowExecutionSignaled, .externalWorkflowExecutionSignaled(initiatedEventId: 12, execution: execution)),
        (EventType.requestCancelExternalWorkflowExecutionInitiated, .requestCancelExternalWorkflowExecutionInitiated(
            execution: execution)),
        (EventType.requestCancelExternalWorkflowExecutionFailed, .requestCancelExternalWorkflowExecutionFailed(
            initiatedEventId: 13, execution: execution, cause: 2)),
        (EventType.externalWorkflowExecutionCancelRequested, .externalWorkflowExecutionCancelRequested(
            initiatedEventId: 13, execution: execution)),
        (EventType.upsertWorkflowSearchAttributes, .upsertWorkflowSearchAttributes(searchAttributes: search)),
        (EventType.workflowPropertiesModified, .workflowPropertiesModified(upsertedMemo: memo)),
        (EventType.workflowExecutionUpdateAdmitted, .workflowExecutionUpdateAdmitted(request: updateRequest)),
        (EventType.workflowExecutionUpdateAccepted, .workflowExecutionUpdateAccepted(
            protocolInstanceId: "upd-1", requestMessageId: "upd-1/request", sequencingEventId: 4, request: updateRequest)),
        (EventType.workflowExecutionUpdateAccepted, .workflowExecutionUpdateAccepted(
            protocolInstanceId: "upd-1", requestMessageId: "upd-1/request", sequencingEventId: 4, request: nil)),
        (EventType.workflowExecutionUpdateCompleted, .workflowExecutionUpdateCompleted(
            updateId: "upd-1", acceptedEventId: 5, outcome: .success([json]))),
        (EventType.workflowExecutionUpdateCompleted, .workflowExecutionUpdateCompleted(
            updateId: "upd-3", acceptedEventId: 5, outcome: .failure(failure))),
        (EventType.workflowExecutionUpdateRejected, .workflowExecutionUpdateRejected(protocolInstanceId: "upd-2")),
        (50, .other),  // an event type Moonflow does not model
    ]

    static var history: History {
        History(events: allAttributes.enumerated().map { i, item in
            HistoryEvent(eventId: Int64(i + 1), eventTime: Timestamp(seconds: 1_700_000_000 + Int64(i), nanos: Int32(i * 1000)),
                         eventType: item.0, workerMayIgnore: i % 7 == 0, attributes: item.1)
        })
    }

    /// One command per Command case.
    static let allCommands: [Command] = [
        .scheduleActivityTask(ScheduleActivityTask(
            activityId: "1", activityType: "charge", taskQueue: "q1", header: header, input: payloads,
            scheduleToCloseTimeout: .seconds(60), scheduleToStartTimeout: .seconds(5),
            startToCloseTimeout: .seconds(30), heartbeatTimeout: .seconds(2), retryPolicy: retry,
            requestEagerExecution: true)),
        .requestCancelActivityTask(scheduledEventId: 5),
        .startTimer(timerId: "t1", startToFireTimeout: .milliseconds(1500)),
        .cancelTimer(timerId: "t1"),
        .completeWorkflowExecution(result: [json]),
        .failWorkflowExecution(failure: failure),
        .cancelWorkflowExecution(details: [binary]),
        .continueAsNewWorkflowExecution(ContinueAsNew(
            workflowType: "Greet", taskQueue: "q1", input: payloads, workflowRunTimeout: .seconds(600),
            workflowTaskTimeout: .seconds(10), header: header, memo: memo, searchAttributes: search)),
        .startChildWorkflowExecution(StartChildWorkflowExecution(
            namespace: "ns", workflowId: "child", workflowType: "Child", taskQueue: "q2", input: [json],
            workflowExecutionTimeout: .seconds(100), workflowRunTimeout: .seconds(50), workflowTaskTimeout: .seconds(10),
            parentClosePolicy: 2, workflowIdReusePolicy: 3, retryPolicy: retry, cronSchedule: "@daily",
            header: header, memo: memo, searchAttributes: search)),
        .signalExternalWorkflowExecution(namespace: "ns", execution: execution, signalName: "ping", input: [json],
                                         childWorkflowOnly: true, header: header),
        .requestCancelExternalWorkflowExecution(namespace: "ns", execution: execution, childWorkflowOnly: true, reason: "stop"),
        .recordMarker(markerName: "Version", details: ["v": [json], "empty": []], failure: failure),
        .upsertWorkflowSearchAttributes(searchAttributes: search),
        .modifyWorkflowProperties(upsertedMemo: memo),
        .protocolMessage(messageId: "msg-1"),
    ]

    static let query = WorkflowQuery(queryType: "state", queryArgs: [json], header: header)
    static let updateRequest = UpdateRequest(updateId: "upd-1", identity: "cli", name: "add", args: [json],
                                             header: header, requestId: "req-1")
    static let protocolMessage = ProtocolMessage(id: "upd-1/request", protocolInstanceId: "upd-1", eventId: 4,
                                                 body: .updateRequest(updateRequest))
    /// One message of each update body, as a worker's completion sends them.
    static let updateAnswers = [
        ProtocolMessage(id: "upd-1/request/accept", protocolInstanceId: "upd-1",
                        body: .updateAcceptance(requestMessageId: "upd-1/request", sequencingEventId: 4, request: updateRequest)),
        ProtocolMessage(id: "upd-2/request/reject", protocolInstanceId: "upd-2",
                        body: .updateRejection(requestMessageId: "upd-2/request", sequencingEventId: 4,
                                               request: UpdateRequest(updateId: "upd-2", name: "add"), failure: failure)),
        ProtocolMessage(id: "upd-1/request/complete", protocolInstanceId: "upd-1",
                        body: .updateResponse(updateId: "upd-1", identity: "cli", outcome: .success([json]))),
        ProtocolMessage(id: "upd-3/request/complete", protocolInstanceId: "upd-3",
                        body: .updateResponse(updateId: "upd-3", identity: "", outcome: .failure(failure))),
    ]

    static var workflowTask: WorkflowTask {
        WorkflowTask(taskToken: [9, 8, 7], workflowExecution: execution, workflowType: "Greet",
                     previousStartedEventId: 3, startedEventId: 7, attempt: 2, history: history,
                     nextPageToken: [1, 1], query: query, workflowExecutionTaskQueue: queue,
                     queries: ["q1": query, "q2": WorkflowQuery(queryType: "other")],
                     messages: [protocolMessage, ProtocolMessage(id: "m2", protocolInstanceId: "p", body: .other(typeUrl: "u", value: [1, 2, 0, 3]))])
    }
}

/// Maps each event type's `…EventAttributes` message onto `EventAttributes`.
extension HistoryJSON {
    static func attributes(of event: ProtoJSONObject, type: Int32) throws(ProtoJSONFieldError) -> EventAttributes {
        guard (1...43).contains(type) || type == EventType.workflowPropertiesModified
            || type == EventType.workflowExecutionUpdateAdmitted else { return .other }
        let key = attributesKey(for: type)
        guard let a = try event.object(key) else {
            throw event.fail(key, "missing for an event of type \(EventType.name(type))")
        }
        switch type {
        case EventType.workflowExecutionStarted:
            return .workflowExecutionStarted(try workflowExecutionStarted(a))
        case EventType.workflowExecutionCompleted:
            return .workflowExecutionCompleted(result: try a.payloads("result"),
                                               newExecutionRunId: try a.string("newExecutionRunId"))
        case EventType.workflowExecutionFailed:
            return .workflowExecutionFailed(failure: try a.failure("failure"),
                                            retryState: try a.enumValue("retryState", .retryState),
                                            newExecutionRunId: try a.string("newExecutionRunId"))
        case EventType.workflowExecutionTimedOut:
            return .workflowExecutionTimedOut(retryState: try a.enumValue("retryState", .retryState),
                                              newExecutionRunId: try a.string("newExecutionRunId"))
        case EventType.workflowExecutionCanceled:
            return .workflowExecutionCanceled(details: try a.payloads("details"))
        case EventType.workflowExecutionTerminated:
            return .workflowExecutionTerminated(reason: try a.string("reason"), details: try a.payloads("details"),
                                                identity: try a.string("identity"))
        case EventType.workflowExecutionContinuedAsNew:
            return .workflowExecutionContinuedAsNew(newExecutionRunId: try a.string("newExecutionRunId"),
                                                    workflowType: try a.typeName("workflowType"),
                                                    input: try a.payloads("input"))
        case EventType.workflowExecutionSignaled:
            return .workflowExecutionSignaled(signalName: try a.string("signalName"), input: try a.payloads("input"),
                                              identity: try a.string("identity"), header: try a.payloadMap("header"))
        case EventType.workflowExecutionCancelRequested:
            return .workflowExecutionCancelRequested(cause: try a.string("cause"), identity: try a.string("identity"))

        case EventType.workflowTaskScheduled:
            return .workflowTaskScheduled(taskQueue: try a.taskQueue("taskQueue"),
                                          startToCloseTimeout: try a.duration("startToCloseTimeout"),
                                          attempt: try a.int32("attempt"))
        case EventType.workflowTaskStarted:
            return .workflowTaskStarted(scheduledEventId: try a.int64("scheduledEventId"),
                                        identity: try a.string("identity"),
                                        historySizeBytes: try a.int64("historySizeBytes"))
        case EventType.workflowTaskCompleted:
            return .workflowTaskCompleted(scheduledEventId: try a.int64("scheduledEventId"),
                                          startedEventId: try a.int64("startedEventId"),
                                          identity: try a.string("identity"))
        case EventType.workflowTaskFailed:
            return .workflowTaskFailed(scheduledEventId: try a.int64("scheduledEventId"),
                                       startedEventId: try a.int64("startedEventId"),
                                       cause: try a.enumValue("cause", .workflowTaskFailedCause),
                                       failure: try a.failure("failure"))
        case EventType.workflowTaskTimedOut:
            return .workflowTaskTimedOut(scheduledEventId: try a.int64("scheduledEventId"),
                                         startedEventId: try a.int64("startedEventId"),
                                         timeoutType: try a.timeoutType("timeoutType"))

        case EventType.activityTaskScheduled:
            return .activityTaskScheduled(try activityTaskScheduled(a))
        case EventType.activityTaskStarted:
            return .activityTaskStarted(scheduledEventId: try a.int64("scheduledEventId"),
                                        attempt: try a.int32("attempt"))
        case EventType.activityTaskCompleted:
            return .activityTaskCompleted(scheduledEventId: try a.int64("scheduledEventId"),
                                          result: try a.payloads("result"))
        case EventType.activityTaskFailed:
            return .activityTaskFailed(scheduledEventId: try a.int64("scheduledEventId"),
                                       failure: try a.failure("failure"),
                                       retryState: try a.enumValue("retryState", .retryState))
        case EventType.activityTaskTimedOut:
            return .activityTaskTimedOut(scheduledEventId: try a.int64("scheduledEventId"),
                                         failure: try a.failure("failure"),
                                         retryState: try a.enumValue("retryState", .retryState))
        case EventType.activityTaskCancelRequested:
            return .activityTaskCancelRequested(scheduledEventId: try a.int64("scheduledEventId"))
        case EventType.activityTaskCanceled:
            return .activityTaskCanceled(scheduledEventId: try a.int64("scheduledEventId"),
                                         details: try a.payloads("details"))

        case EventType.timerStarted:
            return .timerStarted(timerId: try a.string("timerId"),
                                 startToFireTimeout: try a.duration("startToFireTimeout"))
        case EventType.timerFired:
            return .timerFired(timerId: try a.string("timerId"), startedEventId: try a.int64("startedEventId"))
        case EventType.timerCanceled:
            return .timerCanceled(timerId: try a.string("timerId"), startedEventId: try a.int64("startedEventId"))

        case EventType.markerRecorded:
            return .markerRecorded(markerName: try a.string("markerName"), details: try a.payloadsMap("details"),
                                   failure: try a.failure("failure"))

        default:
            return try childAndExternalAttributes(a, type: type)
        }
    }

    private static func childAndExternalAttributes(_ a: ProtoJSONObject,
                                                   type: Int32) throws(ProtoJSONFieldError) -> EventAttributes {
        switch type {
        case EventType.startChildWorkflowExecutionInitiated:
            return .startChildWorkflowExecutionInitiated(StartChildWorkflowExecutionInitiated(
                namespace: try a.string("namespace"), workflowId: try a.string("workflowId"),
                workflowType: try a.typeName("workflowType"), taskQueue: try a.taskQueueName("taskQueue"),
                input: try a.payloads("input")))
        case EventType.startChildWorkflowExecutionFailed:
            return .startChildWorkflowExecutionFailed(
                initiatedEventId: try a.int64("initiatedEventId"), workflowId: try a.string("workflowId"),
                workflowType: try a.typeName("workflowType"),
                cause: try a.enumValue("cause", .startChildWorkflowExecutionFailedCause))
        case EventType.childWorkflowExecutionStarted:
            return .childWorkflowExecutionStarted(initiatedEventId: try a.int64("initiatedEventId"),
                                                  execution: try a.requiredExecution("workflowExecution"),
                                                  workflowType: try a.typeName("workflowType"))
        case EventType.childWorkflowExecutionCompleted:
            return .childWorkflowExecutionCompleted(initiatedEventId: try a.int64("initiatedEventId"),
                                                    execution: try a.requiredExecution("workflowExecution"),
                                                    result: try a.payloads("result"))
        case EventType.childWorkflowExecutionFailed:
            return .childWorkflowExecutionFailed(initiatedEventId: try a.int64("initiatedEventId"),
                                                 execution: try a.requiredExecution("workflowExecution"),
                                                 failure: try a.failure("failure"),
                                                 retryState: try a.enumValue("retryState", .retryState))
        case EventType.childWorkflowExecutionCanceled:
            return .childWorkflowExecutionCanceled(initiatedEventId: try a.int64("initiatedEventId"),
                                                   execution: try a.requiredExecution("workflowExecution"),
                                                   details: try a.payloads("details"))
        case EventType.childWorkflowExecutionTimedOut:
            return .childWorkflowExecutionTimedOut(initiatedEventId: try a.int64("initiatedEventId"),
                                                   execution: try a.requiredExecution("workflowExecution"),
                                                   retryState: try a.enumValue("retryState", .retryState))
        case EventType.childWorkflowExecutionTerminated:
            return .childWorkflowExecutionTerminated(initiatedEventId: try a.int64("initiatedEventId"),
                                                     execution: try a.requiredExecution("workflowExecution"))

        case EventType.signalExternalWorkflowExecutionInitiated:
            return .signalExternalWorkflowExecutionInitiated(execution: try a.requiredExecution("workflowExecution"),
                                                             signalName: try a.string("signalName"),
                                                             input: try a.payloads("input"))
        case EventType.signalExternalWorkflowExecutionFailed:
            return .signalExternalWorkflowExecutionFailed(
                initiatedEventId: try a.int64("initiatedEventId"),
                execution: try a.requiredExecution("workflowExecution"),
                cause: try a.enumValue("cause", .signalExternalWorkflowExecutionFailedCause))
        case EventType.externalWorkflowExecutionSignaled:
            return .externalWorkflowExecutionSignaled(initiatedEventId: try a.int64("initiatedEventId"),
                                                      execution: try a.requiredExecution("workflowExecution"))

        case EventType.requestCancelExternalWorkflowExecutionInitiated:
            return .requestCancelExternalWorkflowExecutionInitiated(
                execution: try a.requiredExecution("workflowExecution"))
        case EventType.requestCancelExternalWorkflowExecutionFailed:
            return .requestCancelExternalWorkflowExecutionFailed(
                initiatedEventId: try a.int64("initiatedEventId"),
                execution: try a.requiredExecution("workflowExecution"),
                cause: try a.enumValue("cause", .cancelExternalWorkflowExecutionFailedCause))
        case EventType.externalWorkflowExecutionCancelRequested:
            return .externalWorkflowExecutionCancelRequested(initiatedEventId: try a.int64("initiatedEventId"),
                                                             execution: try a.requiredExecution("workflowExecution"))

        case EventType.upsertWorkflowSearchAttributes:
            return .upsertWorkflowSearchAttributes(
                searchAttributes: try a.payloadMap("searchAttributes", mapKey: "indexedFields"))
        case EventType.workflowPropertiesModified:
            return .workflowPropertiesModified(upsertedMemo: try a.payloadMap("upsertedMemo"))
        case EventType.workflowExecutionUpdateAccepted:
            var request: UpdateRequest?
            if let r = try a.object("acceptedRequest") { request = try updateRequest(r) }
            return .workflowExecutionUpdateAccepted(
                protocolInstanceId: try a.string("protocolInstanceId"),
                requestMessageId: try a.string("acceptedRequestMessageId"),
                sequencingEventId: try a.int64("acceptedRequestSequencingEventId"),
                request: request)
        case EventType.workflowExecutionUpdateCompleted:
            return .workflowExecutionUpdateCompleted(updateId: try a.object("meta")?.string("updateId") ?? "",
                                                     acceptedEventId: try a.int64("acceptedEventId"),
                                                     outcome: try updateOutcome(a.object("outcome")))
        case EventType.workflowExecutionUpdateRejected:
            return .workflowExecutionUpdateRejected(protocolInstanceId: try a.string("protocolInstanceId"))
        case EventType.workflowExecutionUpdateAdmitted:
            guard let request = try a.object("request") else { throw a.fail("request", "missing") }
            return .workflowExecutionUpdateAdmitted(request: try updateRequest(request))
        default:
            return .other
        }
    }

    private static func workflowExecutionStarted(
        _ a: ProtoJSONObject
    ) throws(ProtoJSONFieldError) -> WorkflowExecutionStarted {
        WorkflowExecutionStarted(
            workflowType: try a.typeName("workflowType"), taskQueue: try a.taskQueueName("taskQueue"),
            input: try a.payloads("input"),
            workflowExecutionTimeout: try a.duration("workflowExecutionTimeout"),
            workflowRunTimeout: try a.duration("workflowRunTimeout"),
            workflowTaskTimeout: try a.duration("workflowTaskTimeout"),
            parentWorkflowNamespace: try a.string("parentWorkflowNamespace"),
            parentWorkflowExecution: try a.workflowExecution("parentWorkflowExecution"),
            continuedExecutionRunId: try a.string("continuedExecutionRunId"),
            originalExecutionRunId: try a.string("originalExecutionRunId"),
            firstExecutionRunId: try a.string("firstExecutionRunId"), identity: try a.string("identity"),
            attempt: try a.int32("attempt"), cronSchedule: try a.string("cronSchedule"),
            header: try a.payloadMap("header"), memo: try a.payloadMap("memo"),
            searchAttributes: try a.payloadMap("searchAttributes", mapKey: "indexedFields"),
            workflowId: try a.string("workflowId"))
    }

    private static func updateRequest(_ r: ProtoJSONObject) throws(ProtoJSONFieldError) -> UpdateRequest {
        let meta = try r.object("meta")
        let input = try r.object("input")
        return UpdateRequest(updateId: try meta?.string("updateId") ?? "", identity: try meta?.string("identity") ?? "",
                             name: try input?.string("name") ?? "", args: try input?.payloads("args") ?? [],
                             header: try input?.payloadMap("header") ?? [:], requestId: try r.string("requestId"))
    }

    private static func updateOutcome(_ o: ProtoJSONObject?) throws(ProtoJSONFieldError) -> UpdateOutcome? {
        guard let o else { return nil }
        if let failure = try o.failure("failure") { return .failure(failure) }
        return .success(try o.payloads("success"))
    }

    private static func activityTaskScheduled(_ a: ProtoJSONObject) throws(ProtoJSONFieldError) -> ActivityTaskScheduled {
        ActivityTaskScheduled(
            activityId: try a.string("activityId"), activityType: try a.typeName("activityType"),
            taskQueue: try a.taskQueueName("taskQueue"), header: try a.payloadMap("header"),
            input: try a.payloads("input"), scheduleToCloseTimeout: try a.duration("scheduleToCloseTimeout"),
            scheduleToStartTimeout: try a.duration("scheduleToStartTimeout"),
            startToCloseTimeout: try a.duration("startToCloseTimeout"),
            heartbeatTimeout: try a.duration("heartbeatTimeout"), retryPolicy: try a.retryPolicy("retryPolicy"))
    }
}

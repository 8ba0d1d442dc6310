import CTemporalProto
import TemporalModel

// temporal.api.history.v1.HistoryEvent (unpacked C struct) -> HistoryEvent.

func decodeHistoryEvent(_ m: PbHistoryEvent) -> HistoryEvent {
    HistoryEvent(eventId: m.event_id,
                 eventTime: decodeTimestamp(m.event_time) ?? Timestamp(seconds: 0),
                 eventType: int32(m.event_type),
                 workerMayIgnore: m.worker_may_ignore != 0,
                 attributes: decodeWorkflowAttributes(m))
}

func decodeHistory(_ p: UnsafePointer<PbHistory>?) -> History {
    guard let p else { return History() }
    return History(events: each(p.pointee.n_events, p.pointee.events, decodeHistoryEvent))
}

/// Workflow-level, workflow-task and marker events; delegates the rest.
private func decodeWorkflowAttributes(_ m: PbHistoryEvent) -> EventAttributes {
    switch m.attributes_case {
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_STARTED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_started_event_attributes.pointee
        return .workflowExecutionStarted(WorkflowExecutionStarted(
            workflowType: decodeName(a.workflow_type), taskQueue: str(a.task_queue?.pointee.name),
            input: decodePayloads(a.input),
            workflowExecutionTimeout: decodeDuration(a.workflow_execution_timeout),
            workflowRunTimeout: decodeDuration(a.workflow_run_timeout),
            workflowTaskTimeout: decodeDuration(a.workflow_task_timeout),
            parentWorkflowNamespace: str(a.parent_workflow_namespace),
            parentWorkflowExecution: decodeExecutionIfPresent(a.parent_workflow_execution),
            continuedExecutionRunId: str(a.continued_execution_run_id),
            originalExecutionRunId: str(a.original_execution_run_id),
            firstExecutionRunId: str(a.first_execution_run_id), identity: str(a.identity),
            attempt: a.attempt, cronSchedule: str(a.cron_schedule), header: decodeHeader(a.header),
            memo: decodeMemo(a.memo), searchAttributes: decodeSearchAttributes(a.search_attributes),
            workflowId: str(a.workflow_id)))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_COMPLETED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_completed_event_attributes.pointee
        return .workflowExecutionCompleted(result: decodePayloads(a.result),
                                           newExecutionRunId: str(a.new_execution_run_id))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_failed_event_attributes.pointee
        return .workflowExecutionFailed(failure: decodeFailure(a.failure), retryState: int32(a.retry_state),
                                        newExecutionRunId: str(a.new_execution_run_id))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_TIMED_OUT_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_timed_out_event_attributes.pointee
        return .workflowExecutionTimedOut(retryState: int32(a.retry_state),
                                          newExecutionRunId: str(a.new_execution_run_id))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_CANCELED_EVENT_ATTRIBUTES:
        return .workflowExecutionCanceled(details: decodePayloads(m.workflow_execution_canceled_event_attributes.pointee.details))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_TERMINATED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_terminated_event_attributes.pointee
        return .workflowExecutionTerminated(reason: str(a.reason), details: decodePayloads(a.details),
                                            identity: str(a.identity))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_CONTINUED_AS_NEW_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_continued_as_new_event_attributes.pointee
        return .workflowExecutionContinuedAsNew(newExecutionRunId: str(a.new_execution_run_id),
                                                workflowType: decodeName(a.workflow_type),
                                                input: decodePayloads(a.input))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_SIGNALED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_signaled_event_attributes.pointee
        return .workflowExecutionSignaled(signalName: str(a.signal_name), input: decodePayloads(a.input),
                                          identity: str(a.identity), header: decodeHeader(a.header))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_CANCEL_REQUESTED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_cancel_requested_event_attributes.pointee
        return .workflowExecutionCancelRequested(cause: str(a.cause), identity: str(a.identity))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_SCHEDULED_EVENT_ATTRIBUTES:
        let a = m.workflow_task_scheduled_event_attributes.pointee
        return .workflowTaskScheduled(taskQueue: a.task_queue.map { decodeTaskQueue($0) } ?? TaskQueue(name: "", kind: .unspecified),
                                      startToCloseTimeout: decodeDuration(a.start_to_close_timeout),
                                      attempt: a.attempt)
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_STARTED_EVENT_ATTRIBUTES:
        let a = m.workflow_task_started_event_attributes.pointee
        return .workflowTaskStarted(scheduledEventId: a.scheduled_event_id, identity: str(a.identity),
                                    historySizeBytes: a.history_size_bytes)
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_COMPLETED_EVENT_ATTRIBUTES:
        let a = m.workflow_task_completed_event_attributes.pointee
        return .workflowTaskCompleted(scheduledEventId: a.scheduled_event_id, startedEventId: a.started_event_id,
                                      identity: str(a.identity))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_FAILED_EVENT_ATTRIBUTES:
        let a = m.workflow_task_failed_event_attributes.pointee
        return .workflowTaskFailed(scheduledEventId: a.scheduled_event_id, startedEventId: a.started_event_id,
                                   cause: int32(a.cause), failure: decodeFailure(a.failure))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_TIMED_OUT_EVENT_ATTRIBUTES:
        let a = m.workflow_task_timed_out_event_attributes.pointee
        return .workflowTaskTimedOut(scheduledEventId: a.scheduled_event_id, startedEventId: a.started_event_id,
                                     timeoutType: TimeoutType(rawValue: int32(a.timeout_type)) ?? .unspecified)
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_MARKER_RECORDED_EVENT_ATTRIBUTES:
        let a = m.marker_recorded_event_attributes.pointee
        var details: [String: [Payload]] = [:]
        if a.n_details > 0, let entries = a.details {
            for i in 0..<a.n_details {
                if let e = entries[i] { details[str(e.pointee.key)] = decodePayloads(e.pointee.value) }
            }
        }
        return .markerRecorded(markerName: str(a.marker_name), details: details, failure: decodeFailure(a.failure))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES_EVENT_ATTRIBUTES:
        let a = m.upsert_workflow_search_attributes_event_attributes.pointee
        return .upsertWorkflowSearchAttributes(searchAttributes: decodeSearchAttributes(a.search_attributes))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_PROPERTIES_MODIFIED_EVENT_ATTRIBUTES:
        let a = m.workflow_properties_modified_event_attributes.pointee
        return .workflowPropertiesModified(upsertedMemo: decodeMemo(a.upserted_memo))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_ACCEPTED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_update_accepted_event_attributes.pointee
        return .workflowExecutionUpdateAccepted(protocolInstanceId: str(a.protocol_instance_id),
                                                requestMessageId: str(a.accepted_request_message_id),
                                                sequencingEventId: a.accepted_request_sequencing_event_id,
                                                request: decodeUpdateRequest(a.accepted_request))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_COMPLETED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_update_completed_event_attributes.pointee
        return .workflowExecutionUpdateCompleted(updateId: str(a.meta?.pointee.update_id),
                                                 acceptedEventId: a.accepted_event_id,
                                                 outcome: decodeUpdateOutcome(a.outcome))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_REJECTED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_update_rejected_event_attributes.pointee
        return .workflowExecutionUpdateRejected(protocolInstanceId: str(a.protocol_instance_id))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_ADMITTED_EVENT_ATTRIBUTES:
        let a = m.workflow_execution_update_admitted_event_attributes.pointee
        return .workflowExecutionUpdateAdmitted(request: decodeUpdateRequest(a.request) ?? UpdateRequest(updateId: "", name: ""))
    default:
        return decodeActivityAttributes(m)
    }
}

/// Activity and timer events; delegates the rest.
private func decodeActivityAttributes(_ m: PbHistoryEvent) -> EventAttributes {
    switch m.attributes_case {
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_SCHEDULED_EVENT_ATTRIBUTES:
        let a = m.activity_task_scheduled_event_attributes.pointee
        return .activityTaskScheduled(ActivityTaskScheduled(
            activityId: str(a.activity_id), activityType: decodeName(a.activity_type),
            taskQueue: str(a.task_queue?.pointee.name), header: decodeHeader(a.header),
            input: decodePayloads(a.input),
            scheduleToCloseTimeout: decodeDuration(a.schedule_to_close_timeout),
            scheduleToStartTimeout: decodeDuration(a.schedule_to_start_timeout),
            startToCloseTimeout: decodeDuration(a.start_to_close_timeout),
            heartbeatTimeout: decodeDuration(a.heartbeat_timeout),
            retryPolicy: decodeRetryPolicy(a.retry_policy)))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_STARTED_EVENT_ATTRIBUTES:
        let a = m.activity_task_started_event_attributes.pointee
        return .activityTaskStarted(scheduledEventId: a.scheduled_event_id, attempt: a.attempt)
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_COMPLETED_EVENT_ATTRIBUTES:
        let a = m.activity_task_completed_event_attributes.pointee
        return .activityTaskCompleted(scheduledEventId: a.scheduled_event_id, result: decodePayloads(a.result))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_FAILED_EVENT_ATTRIBUTES:
        let a = m.activity_task_failed_event_attributes.pointee
        return .activityTaskFailed(scheduledEventId: a.scheduled_event_id, failure: decodeFailure(a.failure),
                                   retryState: int32(a.retry_state))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_TIMED_OUT_EVENT_ATTRIBUTES:
        let a = m.activity_task_timed_out_event_attributes.pointee
        return .activityTaskTimedOut(scheduledEventId: a.scheduled_event_id, failure: decodeFailure(a.failure),
                                     retryState: int32(a.retry_state))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_CANCEL_REQUESTED_EVENT_ATTRIBUTES:
        return .activityTaskCancelRequested(
            scheduledEventId: m.activity_task_cancel_requested_event_attributes.pointee.scheduled_event_id)
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_CANCELED_EVENT_ATTRIBUTES:
        let a = m.activity_task_canceled_event_attributes.pointee
        return .activityTaskCanceled(scheduledEventId: a.scheduled_event_id, details: decodePayloads(a.details))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_TIMER_STARTED_EVENT_ATTRIBUTES:
        let a = m.timer_started_event_attributes.pointee
        return .timerStarted(timerId: str(a.timer_id), startToFireTimeout: decodeDuration(a.start_to_fire_timeout))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_TIMER_FIRED_EVENT_ATTRIBUTES:
        let a = m.timer_fired_event_attributes.pointee
        return .timerFired(timerId: str(a.timer_id), startedEventId: a.started_event_id)
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_TIMER_CANCELED_EVENT_ATTRIBUTES:
        let a = m.timer_canceled_event_attributes.pointee
        return .timerCanceled(timerId: str(a.timer_id), startedEventId: a.started_event_id)
    default:
        return decodeChildAndExternalAttributes(m)
    }
}

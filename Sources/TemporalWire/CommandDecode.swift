import CTemporalProto
import TemporalModel

// temporal.api.command.v1.Command -> Command. Used for round trips and
// fixtures (the worker only sends commands). Absent attributes decode as
// their empty values; a command whose attributes case Moonflow does not
// model cannot be represented and yields nil.

func decodeCommand(_ m: PbCommand) -> Command? {
    switch m.attributes_case {
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_SCHEDULE_ACTIVITY_TASK_COMMAND_ATTRIBUTES:
        let a = m.schedule_activity_task_command_attributes.pointee
        return .scheduleActivityTask(ScheduleActivityTask(
            activityId: str(a.activity_id), activityType: decodeName(a.activity_type),
            taskQueue: str(a.task_queue?.pointee.name), header: decodeHeader(a.header),
            input: decodePayloads(a.input),
            scheduleToCloseTimeout: decodeDuration(a.schedule_to_close_timeout),
            scheduleToStartTimeout: decodeDuration(a.schedule_to_start_timeout),
            startToCloseTimeout: decodeDuration(a.start_to_close_timeout),
            heartbeatTimeout: decodeDuration(a.heartbeat_timeout),
            retryPolicy: decodeRetryPolicy(a.retry_policy), requestEagerExecution: a.request_eager_execution != 0))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_REQUEST_CANCEL_ACTIVITY_TASK_COMMAND_ATTRIBUTES:
        return .requestCancelActivityTask(
            scheduledEventId: m.request_cancel_activity_task_command_attributes.pointee.scheduled_event_id)
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_START_TIMER_COMMAND_ATTRIBUTES:
        let a = m.start_timer_command_attributes.pointee
        return .startTimer(timerId: str(a.timer_id),
                           startToFireTimeout: decodeDuration(a.start_to_fire_timeout) ?? ProtoDuration(nanoseconds: 0))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_CANCEL_TIMER_COMMAND_ATTRIBUTES:
        return .cancelTimer(timerId: str(m.cancel_timer_command_attributes.pointee.timer_id))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_COMPLETE_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        return .completeWorkflowExecution(
            result: decodePayloads(m.complete_workflow_execution_command_attributes.pointee.result))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_FAIL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        return .failWorkflowExecution(
            failure: decodeFailure(m.fail_workflow_execution_command_attributes.pointee.failure) ?? Failure(message: ""))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_CANCEL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        return .cancelWorkflowExecution(
            details: decodePayloads(m.cancel_workflow_execution_command_attributes.pointee.details))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_CONTINUE_AS_NEW_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        let a = m.continue_as_new_workflow_execution_command_attributes.pointee
        return .continueAsNewWorkflowExecution(ContinueAsNew(
            workflowType: decodeName(a.workflow_type), taskQueue: str(a.task_queue?.pointee.name),
            input: decodePayloads(a.input), workflowRunTimeout: decodeDuration(a.workflow_run_timeout),
            workflowTaskTimeout: decodeDuration(a.workflow_task_timeout), header: decodeHeader(a.header),
            memo: decodeMemo(a.memo), searchAttributes: decodeSearchAttributes(a.search_attributes)))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_START_CHILD_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        let a = m.start_child_workflow_execution_command_attributes.pointee
        return .startChildWorkflowExecution(StartChildWorkflowExecution(
            namespace: str(a.namespace_), workflowId: str(a.workflow_id), workflowType: decodeName(a.workflow_type),
            taskQueue: str(a.task_queue?.pointee.name), input: decodePayloads(a.input),
            workflowExecutionTimeout: decodeDuration(a.workflow_execution_timeout),
            workflowRunTimeout: decodeDuration(a.workflow_run_timeout),
            workflowTaskTimeout: decodeDuration(a.workflow_task_timeout),
            parentClosePolicy: int32(a.parent_close_policy), workflowIdReusePolicy: int32(a.workflow_id_reuse_policy),
            retryPolicy: decodeRetryPolicy(a.retry_policy), cronSchedule: str(a.cron_schedule),
            header: decodeHeader(a.header), memo: decodeMemo(a.memo),
            searchAttributes: decodeSearchAttributes(a.search_attributes)))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        let a = m.signal_external_workflow_execution_command_attributes.pointee
        return .signalExternalWorkflowExecution(namespace: str(a.namespace_), execution: decodeExecution(a.execution),
                                                signalName: str(a.signal_name), input: decodePayloads(a.input),
                                                childWorkflowOnly: a.child_workflow_only != 0,
                                                header: decodeHeader(a.header))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES:
        let a = m.request_cancel_external_workflow_execution_command_attributes.pointee
        return .requestCancelExternalWorkflowExecution(
            namespace: str(a.namespace_),
            execution: WorkflowExecution(workflowId: str(a.workflow_id), runId: str(a.run_id)),
            childWorkflowOnly: a.child_workflow_only != 0, reason: str(a.reason))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_RECORD_MARKER_COMMAND_ATTRIBUTES:
        let a = m.record_marker_command_attributes.pointee
        var details: [String: [Payload]] = [:]
        if a.n_details > 0, let entries = a.details {
            for i in 0..<a.n_details {
                if let e = entries[i] { details[str(e.pointee.key)] = decodePayloads(e.pointee.value) }
            }
        }
        return .recordMarker(markerName: str(a.marker_name), details: details, failure: decodeFailure(a.failure))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES_COMMAND_ATTRIBUTES:
        return .upsertWorkflowSearchAttributes(searchAttributes: decodeSearchAttributes(
            m.upsert_workflow_search_attributes_command_attributes.pointee.search_attributes))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_MODIFY_WORKFLOW_PROPERTIES_COMMAND_ATTRIBUTES:
        return .modifyWorkflowProperties(
            upsertedMemo: decodeMemo(m.modify_workflow_properties_command_attributes.pointee.upserted_memo))
    case TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_PROTOCOL_MESSAGE_COMMAND_ATTRIBUTES:
        return .protocolMessage(messageId: str(m.protocol_message_command_attributes.pointee.message_id))
    default:
        return nil
    }
}

/// Decodes a repeated command field; unmodelled commands are an error.
func decodeCommands(
    _ n: Int, _ items: UnsafeMutablePointer<UnsafeMutablePointer<PbCommand>?>?, in message: String
) throws(WireError) -> [Command] {
    guard n > 0, let items else { return [] }
    var out: [Command] = []
    out.reserveCapacity(n)
    for i in 0..<n {
        guard let c = items[i] else { continue }
        guard let command = decodeCommand(c.pointee) else {
            throw WireError(message: message,
                            reason: "command \(i) has unsupported attributes (command_type \(int32(c.pointee.command_type)))")
        }
        out.append(command)
    }
    return out
}

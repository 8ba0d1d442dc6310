import CTemporalProto
import TemporalModel

// Child-workflow and external-workflow event attributes -> EventAttributes.

/// Child and external-workflow events; anything else (including an unset
/// oneof, i.e. an event type this worker does not model) is `.other`.
func decodeChildAndExternalAttributes(_ m: PbHistoryEvent) -> EventAttributes {
    switch m.attributes_case {
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_START_CHILD_WORKFLOW_EXECUTION_INITIATED_EVENT_ATTRIBUTES:
        let a = m.start_child_workflow_execution_initiated_event_attributes.pointee
        return .startChildWorkflowExecutionInitiated(StartChildWorkflowExecutionInitiated(
            namespace: str(a.namespace_), workflowId: str(a.workflow_id), workflowType: decodeName(a.workflow_type),
            taskQueue: str(a.task_queue?.pointee.name), input: decodePayloads(a.input)))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_START_CHILD_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES:
        let a = m.start_child_workflow_execution_failed_event_attributes.pointee
        return .startChildWorkflowExecutionFailed(initiatedEventId: a.initiated_event_id,
                                                  workflowId: str(a.workflow_id),
                                                  workflowType: decodeName(a.workflow_type), cause: int32(a.cause))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_STARTED_EVENT_ATTRIBUTES:
        let a = m.child_workflow_execution_started_event_attributes.pointee
        return .childWorkflowExecutionStarted(initiatedEventId: a.initiated_event_id,
                                              execution: decodeExecution(a.workflow_execution),
                                              workflowType: decodeName(a.workflow_type))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_COMPLETED_EVENT_ATTRIBUTES:
        let a = m.child_workflow_execution_completed_event_attributes.pointee
        return .childWorkflowExecutionCompleted(initiatedEventId: a.initiated_event_id,
                                                execution: decodeExecution(a.workflow_execution),
                                                result: decodePayloads(a.result))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES:
        let a = m.child_workflow_execution_failed_event_attributes.pointee
        return .childWorkflowExecutionFailed(initiatedEventId: a.initiated_event_id,
                                             execution: decodeExecution(a.workflow_execution),
                                             failure: decodeFailure(a.failure), retryState: int32(a.retry_state))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_CANCELED_EVENT_ATTRIBUTES:
        let a = m.child_workflow_execution_canceled_event_attributes.pointee
        return .childWorkflowExecutionCanceled(initiatedEventId: a.initiated_event_id,
                                               execution: decodeExecution(a.workflow_execution),
                                               details: decodePayloads(a.details))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_TIMED_OUT_EVENT_ATTRIBUTES:
        let a = m.child_workflow_execution_timed_out_event_attributes.pointee
        return .childWorkflowExecutionTimedOut(initiatedEventId: a.initiated_event_id,
                                               execution: decodeExecution(a.workflow_execution),
                                               retryState: int32(a.retry_state))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_TERMINATED_EVENT_ATTRIBUTES:
        let a = m.child_workflow_execution_terminated_event_attributes.pointee
        return .childWorkflowExecutionTerminated(initiatedEventId: a.initiated_event_id,
                                                 execution: decodeExecution(a.workflow_execution))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED_EVENT_ATTRIBUTES:
        let a = m.signal_external_workflow_execution_initiated_event_attributes.pointee
        return .signalExternalWorkflowExecutionInitiated(execution: decodeExecution(a.workflow_execution),
                                                         signalName: str(a.signal_name),
                                                         input: decodePayloads(a.input))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES:
        let a = m.signal_external_workflow_execution_failed_event_attributes.pointee
        return .signalExternalWorkflowExecutionFailed(initiatedEventId: a.initiated_event_id,
                                                      execution: decodeExecution(a.workflow_execution),
                                                      cause: int32(a.cause))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED_EVENT_ATTRIBUTES:
        let a = m.external_workflow_execution_signaled_event_attributes.pointee
        return .externalWorkflowExecutionSignaled(initiatedEventId: a.initiated_event_id,
                                                  execution: decodeExecution(a.workflow_execution))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED_EVENT_ATTRIBUTES:
        let a = m.request_cancel_external_workflow_execution_initiated_event_attributes.pointee
        return .requestCancelExternalWorkflowExecutionInitiated(execution: decodeExecution(a.workflow_execution))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES:
        let a = m.request_cancel_external_workflow_execution_failed_event_attributes.pointee
        return .requestCancelExternalWorkflowExecutionFailed(initiatedEventId: a.initiated_event_id,
                                                             execution: decodeExecution(a.workflow_execution),
                                                             cause: int32(a.cause))
    case TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED_EVENT_ATTRIBUTES:
        let a = m.external_workflow_execution_cancel_requested_event_attributes.pointee
        return .externalWorkflowExecutionCancelRequested(initiatedEventId: a.initiated_event_id,
                                                         execution: decodeExecution(a.workflow_execution))
    default:
        return .other
    }
}

import CTemporalProto
import TemporalModel

// Child-workflow and external-workflow HistoryEvent attributes -> C structs.

extension Arena {
    func setChildAndExternalAttributes(_ m: inout PbHistoryEvent, _ attributes: EventAttributes) {
        switch attributes {
        case let .startChildWorkflowExecutionInitiated(s):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_START_CHILD_WORKFLOW_EXECUTION_INITIATED_EVENT_ATTRIBUTES
            m.start_child_workflow_execution_initiated_event_attributes = build {
                $0.namespace_ = string(s.namespace)
                $0.workflow_id = string(s.workflowId)
                $0.workflow_type = workflowType(s.workflowType)
                $0.task_queue = s.taskQueue.isEmpty ? nil : taskQueue(named: s.taskQueue)
                $0.input = payloads(s.input)
            }
        case let .startChildWorkflowExecutionFailed(initiatedEventId, workflowId, type, cause):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_START_CHILD_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES
            m.start_child_workflow_execution_failed_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_id = string(workflowId)
                $0.workflow_type = workflowType(type)
                $0.cause = cEnum(cause)
            }
        case let .childWorkflowExecutionStarted(initiatedEventId, execution, type):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_STARTED_EVENT_ATTRIBUTES
            m.child_workflow_execution_started_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.workflow_type = workflowType(type)
            }
        case let .childWorkflowExecutionCompleted(initiatedEventId, execution, result):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_COMPLETED_EVENT_ATTRIBUTES
            m.child_workflow_execution_completed_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.result = payloads(result)
            }
        case let .childWorkflowExecutionFailed(initiatedEventId, execution, f, retryState):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES
            m.child_workflow_execution_failed_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.failure = failure(f)
                $0.retry_state = cEnum(retryState)
            }
        case let .childWorkflowExecutionCanceled(initiatedEventId, execution, details):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_CANCELED_EVENT_ATTRIBUTES
            m.child_workflow_execution_canceled_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.details = payloads(details)
            }
        case let .childWorkflowExecutionTimedOut(initiatedEventId, execution, retryState):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_TIMED_OUT_EVENT_ATTRIBUTES
            m.child_workflow_execution_timed_out_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.retry_state = cEnum(retryState)
            }
        case let .childWorkflowExecutionTerminated(initiatedEventId, execution):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_CHILD_WORKFLOW_EXECUTION_TERMINATED_EVENT_ATTRIBUTES
            m.child_workflow_execution_terminated_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
            }
        case let .signalExternalWorkflowExecutionInitiated(execution, signalName, input):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED_EVENT_ATTRIBUTES
            m.signal_external_workflow_execution_initiated_event_attributes = build {
                $0.workflow_execution = workflowExecution(execution)
                $0.signal_name = string(signalName)
                $0.input = payloads(input)
            }
        case let .signalExternalWorkflowExecutionFailed(initiatedEventId, execution, cause):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES
            m.signal_external_workflow_execution_failed_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.cause = cEnum(cause)
            }
        case let .externalWorkflowExecutionSignaled(initiatedEventId, execution):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED_EVENT_ATTRIBUTES
            m.external_workflow_execution_signaled_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
            }
        case let .requestCancelExternalWorkflowExecutionInitiated(execution):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED_EVENT_ATTRIBUTES
            m.request_cancel_external_workflow_execution_initiated_event_attributes = build {
                $0.workflow_execution = workflowExecution(execution)
            }
        case let .requestCancelExternalWorkflowExecutionFailed(initiatedEventId, execution, cause):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES
            m.request_cancel_external_workflow_execution_failed_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
                $0.cause = cEnum(cause)
            }
        case let .externalWorkflowExecutionCancelRequested(initiatedEventId, execution):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED_EVENT_ATTRIBUTES
            m.external_workflow_execution_cancel_requested_event_attributes = build {
                $0.initiated_event_id = initiatedEventId
                $0.workflow_execution = workflowExecution(execution)
            }
        default:
            // Every other case is handled by setWorkflowAttributes /
            // setActivityAttributes; `.other` leaves the oneof unset.
            break
        }
    }
}

import CTemporalProto
import TemporalModel

// Command -> temporal.api.command.v1.Command (C structs in an Arena).

extension Arena {
    func command(_ c: Command) -> UnsafeMutablePointer<PbCommand> {
        let m: UnsafeMutablePointer<PbCommand> = message()
        switch c {
        case let .scheduleActivityTask(s):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK
            m.pointee.attributes_case = TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_SCHEDULE_ACTIVITY_TASK_COMMAND_ATTRIBUTES
            m.pointee.schedule_activity_task_command_attributes = build {
                $0.activity_id = string(s.activityId)
                $0.activity_type = activityType(s.activityType)
                $0.task_queue = taskQueue(named: s.taskQueue)
                $0.header = header(s.header)
                $0.input = payloads(s.input)
                $0.schedule_to_close_timeout = duration(s.scheduleToCloseTimeout)
                $0.schedule_to_start_timeout = duration(s.scheduleToStartTimeout)
                $0.start_to_close_timeout = duration(s.startToCloseTimeout)
                $0.heartbeat_timeout = duration(s.heartbeatTimeout)
                $0.retry_policy = retryPolicy(s.retryPolicy)
                $0.request_eager_execution = s.requestEagerExecution ? 1 : 0
            }
        case let .requestCancelActivityTask(scheduledEventId):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK
            m.pointee.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_REQUEST_CANCEL_ACTIVITY_TASK_COMMAND_ATTRIBUTES
            m.pointee.request_cancel_activity_task_command_attributes = build {
                $0.scheduled_event_id = scheduledEventId
            }
        case let .startTimer(timerId, startToFireTimeout):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_START_TIMER
            m.pointee.attributes_case = TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_START_TIMER_COMMAND_ATTRIBUTES
            m.pointee.start_timer_command_attributes = build {
                $0.timer_id = string(timerId)
                $0.start_to_fire_timeout = duration(startToFireTimeout)
            }
        case let .cancelTimer(timerId):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_CANCEL_TIMER
            m.pointee.attributes_case = TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_CANCEL_TIMER_COMMAND_ATTRIBUTES
            m.pointee.cancel_timer_command_attributes = build { $0.timer_id = string(timerId) }
        case let .completeWorkflowExecution(result):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION
            m.pointee.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_COMPLETE_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.pointee.complete_workflow_execution_command_attributes = build { $0.result = payloads(result) }
        case let .failWorkflowExecution(f):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION
            m.pointee.attributes_case = TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_FAIL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.pointee.fail_workflow_execution_command_attributes = build { $0.failure = failure(f) }
        case let .cancelWorkflowExecution(details):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION
            m.pointee.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_CANCEL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.pointee.cancel_workflow_execution_command_attributes = build { $0.details = payloads(details) }
        case let .continueAsNewWorkflowExecution(c):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION
            m.pointee.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_CONTINUE_AS_NEW_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.pointee.continue_as_new_workflow_execution_command_attributes = build {
                $0.workflow_type = workflowType(c.workflowType)
                $0.task_queue = taskQueue(named: c.taskQueue)
                $0.input = payloads(c.input)
                $0.workflow_run_timeout = duration(c.workflowRunTimeout)
                $0.workflow_task_timeout = duration(c.workflowTaskTimeout)
                $0.header = header(c.header)
                $0.memo = memo(c.memo)
                $0.search_attributes = searchAttributes(c.searchAttributes)
            }
        case let .startChildWorkflowExecution(s):
            m.pointee.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION
            m.pointee.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_START_CHILD_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.pointee.start_child_workflow_execution_command_attributes = build {
                $0.namespace_ = string(s.namespace)
                $0.workflow_id = string(s.workflowId)
                $0.workflow_type = workflowType(s.workflowType)
                $0.task_queue = taskQueue(named: s.taskQueue)
                $0.input = payloads(s.input)
                $0.workflow_execution_timeout = duration(s.workflowExecutionTimeout)
                $0.workflow_run_timeout = duration(s.workflowRunTimeout)
                $0.workflow_task_timeout = duration(s.workflowTaskTimeout)
                $0.parent_close_policy = cEnum(s.parentClosePolicy)
                $0.workflow_id_reuse_policy = cEnum(s.workflowIdReusePolicy)
                $0.retry_policy = retryPolicy(s.retryPolicy)
                $0.cron_schedule = string(s.cronSchedule)
                $0.header = header(s.header)
                $0.memo = memo(s.memo)
                $0.search_attributes = searchAttributes(s.searchAttributes)
            }
        default:
            setExternalCommand(&m.pointee, c)
        }
        return m
    }

    private func setExternalCommand(_ m: inout PbCommand, _ c: Command) {
        switch c {
        case let .signalExternalWorkflowExecution(namespace, execution, signalName, input, childWorkflowOnly, h):
            m.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION
            m.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.signal_external_workflow_execution_command_attributes = build {
                $0.namespace_ = string(namespace)
                $0.execution = workflowExecution(execution)
                $0.signal_name = string(signalName)
                $0.input = payloads(input)
                $0.child_workflow_only = childWorkflowOnly ? 1 : 0
                $0.header = header(h)
            }
        case let .requestCancelExternalWorkflowExecution(namespace, execution, childWorkflowOnly, reason):
            m.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION
            m.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_COMMAND_ATTRIBUTES
            m.request_cancel_external_workflow_execution_command_attributes = build {
                $0.namespace_ = string(namespace)
                $0.workflow_id = string(execution.workflowId)
                $0.run_id = string(execution.runId)
                $0.child_workflow_only = childWorkflowOnly ? 1 : 0
                $0.reason = string(reason)
            }
        case let .recordMarker(markerName, details, f):
            m.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_RECORD_MARKER
            m.attributes_case = TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_RECORD_MARKER_COMMAND_ATTRIBUTES
            m.record_marker_command_attributes = build {
                $0.marker_name = string(markerName)
                $0.n_details = details.count
                $0.details = array(details.sorted { $0.key < $1.key }) { entry in
                    build { (e: inout PbRecordMarkerCommandAttributes_DetailsEntry) in
                        e.key = string(entry.key)
                        e.value = payloadsPresent(entry.value)
                    }
                }
                $0.failure = failure(f)
            }
        case let .upsertWorkflowSearchAttributes(attributes):
            m.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES
            m.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES_COMMAND_ATTRIBUTES
            m.upsert_workflow_search_attributes_command_attributes = build {
                $0.search_attributes = searchAttributes(attributes)
            }
        case let .modifyWorkflowProperties(upsertedMemo):
            m.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES
            m.attributes_case =
                TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_MODIFY_WORKFLOW_PROPERTIES_COMMAND_ATTRIBUTES
            m.modify_workflow_properties_command_attributes = build { $0.upserted_memo = memo(upsertedMemo) }
        case let .protocolMessage(messageId):
            m.command_type = TEMPORAL__API__ENUMS__V1__COMMAND_TYPE__COMMAND_TYPE_PROTOCOL_MESSAGE
            m.attributes_case = TEMPORAL__API__COMMAND__V1__COMMAND__ATTRIBUTES_PROTOCOL_MESSAGE_COMMAND_ATTRIBUTES
            m.protocol_message_command_attributes = build { $0.message_id = string(messageId) }
        default:
            break  // handled by command(_:)
        }
    }
}

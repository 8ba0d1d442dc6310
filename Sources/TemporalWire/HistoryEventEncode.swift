import CTemporalProto
import TemporalModel

// HistoryEvent -> temporal.api.history.v1.HistoryEvent (C structs in an Arena).

extension Arena {
    /// A fresh attributes message filled by `fill`.
    @inline(__always)
    func build<T: PbStruct>(_ fill: (inout T) -> Void) -> UnsafeMutablePointer<T> {
        let p: UnsafeMutablePointer<T> = message()
        fill(&p.pointee)
        return p
    }

    func historyEvent(_ e: HistoryEvent) -> UnsafeMutablePointer<PbHistoryEvent> {
        let m: UnsafeMutablePointer<PbHistoryEvent> = message()
        m.pointee.event_id = e.eventId
        m.pointee.event_time = timestamp(e.eventTime)
        m.pointee.event_type = cEnum(e.eventType)
        m.pointee.worker_may_ignore = e.workerMayIgnore ? 1 : 0
        setWorkflowAttributes(&m.pointee, e.attributes)
        return m
    }

    /// Workflow-level, workflow-task and marker events; delegates the rest.
    private func setWorkflowAttributes(_ m: inout PbHistoryEvent, _ attributes: EventAttributes) {
        switch attributes {
        case let .workflowExecutionStarted(s):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_STARTED_EVENT_ATTRIBUTES
            m.workflow_execution_started_event_attributes = build {
                $0.workflow_type = workflowType(s.workflowType)
                $0.task_queue = taskQueue(named: s.taskQueue)
                $0.input = payloads(s.input)
                $0.workflow_execution_timeout = duration(s.workflowExecutionTimeout)
                $0.workflow_run_timeout = duration(s.workflowRunTimeout)
                $0.workflow_task_timeout = duration(s.workflowTaskTimeout)
                $0.parent_workflow_namespace = string(s.parentWorkflowNamespace)
                $0.parent_workflow_execution = s.parentWorkflowExecution.map { workflowExecution($0) }
                $0.continued_execution_run_id = string(s.continuedExecutionRunId)
                $0.original_execution_run_id = string(s.originalExecutionRunId)
                $0.first_execution_run_id = string(s.firstExecutionRunId)
                $0.identity = string(s.identity)
                $0.attempt = s.attempt
                $0.cron_schedule = string(s.cronSchedule)
                $0.header = header(s.header)
                $0.memo = memo(s.memo)
                $0.search_attributes = searchAttributes(s.searchAttributes)
                $0.workflow_id = string(s.workflowId)
            }
        case let .workflowExecutionCompleted(result, newExecutionRunId):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_COMPLETED_EVENT_ATTRIBUTES
            m.workflow_execution_completed_event_attributes = build {
                $0.result = payloads(result)
                $0.new_execution_run_id = string(newExecutionRunId)
            }
        case let .workflowExecutionFailed(f, retryState, newExecutionRunId):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_FAILED_EVENT_ATTRIBUTES
            m.workflow_execution_failed_event_attributes = build {
                $0.failure = failure(f)
                $0.retry_state = cEnum(retryState)
                $0.new_execution_run_id = string(newExecutionRunId)
            }
        case let .workflowExecutionTimedOut(retryState, newExecutionRunId):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_TIMED_OUT_EVENT_ATTRIBUTES
            m.workflow_execution_timed_out_event_attributes = build {
                $0.retry_state = cEnum(retryState)
                $0.new_execution_run_id = string(newExecutionRunId)
            }
        case let .workflowExecutionCanceled(details):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_CANCELED_EVENT_ATTRIBUTES
            m.workflow_execution_canceled_event_attributes = build { $0.details = payloads(details) }
        case let .workflowExecutionTerminated(reason, details, identity):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_TERMINATED_EVENT_ATTRIBUTES
            m.workflow_execution_terminated_event_attributes = build {
                $0.reason = string(reason)
                $0.details = payloads(details)
                $0.identity = string(identity)
            }
        case let .workflowExecutionContinuedAsNew(newExecutionRunId, type, input):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_CONTINUED_AS_NEW_EVENT_ATTRIBUTES
            m.workflow_execution_continued_as_new_event_attributes = build {
                $0.new_execution_run_id = string(newExecutionRunId)
                $0.workflow_type = workflowType(type)
                $0.input = payloads(input)
            }
        case let .workflowExecutionSignaled(signalName, input, identity, h):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_SIGNALED_EVENT_ATTRIBUTES
            m.workflow_execution_signaled_event_attributes = build {
                $0.signal_name = string(signalName)
                $0.input = payloads(input)
                $0.identity = string(identity)
                $0.header = header(h)
            }
        case let .workflowExecutionCancelRequested(cause, identity):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_CANCEL_REQUESTED_EVENT_ATTRIBUTES
            m.workflow_execution_cancel_requested_event_attributes = build {
                $0.cause = string(cause)
                $0.identity = string(identity)
            }
        case let .workflowTaskScheduled(queue, startToCloseTimeout, attempt):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_SCHEDULED_EVENT_ATTRIBUTES
            m.workflow_task_scheduled_event_attributes = build {
                $0.task_queue = taskQueue(queue)
                $0.start_to_close_timeout = duration(startToCloseTimeout)
                $0.attempt = attempt
            }
        case let .workflowTaskStarted(scheduledEventId, identity, historySizeBytes):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_STARTED_EVENT_ATTRIBUTES
            m.workflow_task_started_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.identity = string(identity)
                $0.history_size_bytes = historySizeBytes
            }
        case let .workflowTaskCompleted(scheduledEventId, startedEventId, identity):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_COMPLETED_EVENT_ATTRIBUTES
            m.workflow_task_completed_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.started_event_id = startedEventId
                $0.identity = string(identity)
            }
        case let .workflowTaskFailed(scheduledEventId, startedEventId, cause, f):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_FAILED_EVENT_ATTRIBUTES
            m.workflow_task_failed_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.started_event_id = startedEventId
                $0.cause = cEnum(cause)
                $0.failure = failure(f)
            }
        case let .workflowTaskTimedOut(scheduledEventId, startedEventId, timeoutType):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_TASK_TIMED_OUT_EVENT_ATTRIBUTES
            m.workflow_task_timed_out_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.started_event_id = startedEventId
                $0.timeout_type = cEnum(timeoutType.rawValue)
            }
        case let .markerRecorded(markerName, details, f):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_MARKER_RECORDED_EVENT_ATTRIBUTES
            m.marker_recorded_event_attributes = build {
                $0.marker_name = string(markerName)
                $0.n_details = details.count
                $0.details = array(details.sorted { $0.key < $1.key }) { entry in
                    build { (e: inout PbMarkerRecordedEventAttributes_DetailsEntry) in
                        e.key = string(entry.key)
                        e.value = payloadsPresent(entry.value)
                    }
                }
                $0.failure = failure(f)
            }
        case let .upsertWorkflowSearchAttributes(attributes):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES_EVENT_ATTRIBUTES
            m.upsert_workflow_search_attributes_event_attributes = build {
                $0.search_attributes = searchAttributes(attributes)
            }
        case let .workflowPropertiesModified(upsertedMemo):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_PROPERTIES_MODIFIED_EVENT_ATTRIBUTES
            m.workflow_properties_modified_event_attributes = build { $0.upserted_memo = memo(upsertedMemo) }
        case let .workflowExecutionUpdateAccepted(instanceId, messageId, sequencingEventId, request):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_ACCEPTED_EVENT_ATTRIBUTES
            m.workflow_execution_update_accepted_event_attributes = build {
                $0.protocol_instance_id = string(instanceId)
                $0.accepted_request_message_id = string(messageId)
                $0.accepted_request_sequencing_event_id = sequencingEventId
                $0.accepted_request = request.map { updateRequest($0) }
            }
        case let .workflowExecutionUpdateCompleted(updateId, acceptedEventId, outcome):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_COMPLETED_EVENT_ATTRIBUTES
            m.workflow_execution_update_completed_event_attributes = build {
                $0.meta = updateMeta(updateId: updateId, identity: "")
                $0.accepted_event_id = acceptedEventId
                $0.outcome = updateOutcome(outcome)
            }
        case let .workflowExecutionUpdateRejected(instanceId):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_REJECTED_EVENT_ATTRIBUTES
            m.workflow_execution_update_rejected_event_attributes = build { $0.protocol_instance_id = string(instanceId) }
        case let .workflowExecutionUpdateAdmitted(request):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_WORKFLOW_EXECUTION_UPDATE_ADMITTED_EVENT_ATTRIBUTES
            m.workflow_execution_update_admitted_event_attributes = build { $0.request = updateRequest(request) }
        case .other:
            break
        default:
            setActivityAttributes(&m, attributes)
        }
    }
}

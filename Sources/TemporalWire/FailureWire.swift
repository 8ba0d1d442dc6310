import CTemporalProto
import TemporalModel

// temporal.api.failure.v1.Failure <-> TemporalModel.Failure (with the cause
// chain and the failure_info oneof cases the model knows).

extension Arena {
    /// A present `Failure` (recursive through `cause`).
    func failure(_ f: Failure) -> UnsafeMutablePointer<PbFailure> {
        let m: UnsafeMutablePointer<PbFailure> = message()
        m.pointee.message = string(f.message)
        m.pointee.source = string(f.source)
        m.pointee.stack_trace = string(f.stackTrace)
        if let cause = f.cause { m.pointee.cause = failure(cause) }
        switch f.info {
        case .none:
            break
        case let .application(type, nonRetryable, details):
            let i: UnsafeMutablePointer<PbApplicationFailureInfo> = message()
            i.pointee.type = string(type)
            i.pointee.non_retryable = nonRetryable ? 1 : 0
            i.pointee.details = payloads(details)
            m.pointee.failure_info_case = TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_APPLICATION_FAILURE_INFO
            m.pointee.application_failure_info = i
        case let .timeout(type, lastHeartbeatDetails):
            let i: UnsafeMutablePointer<PbTimeoutFailureInfo> = message()
            i.pointee.timeout_type = cEnum(type.rawValue)
            i.pointee.last_heartbeat_details = payloads(lastHeartbeatDetails)
            m.pointee.failure_info_case = TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_TIMEOUT_FAILURE_INFO
            m.pointee.timeout_failure_info = i
        case let .canceled(details):
            let i: UnsafeMutablePointer<PbCanceledFailureInfo> = message()
            i.pointee.details = payloads(details)
            m.pointee.failure_info_case = TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_CANCELED_FAILURE_INFO
            m.pointee.canceled_failure_info = i
        case .terminated:
            let i: UnsafeMutablePointer<PbTerminatedFailureInfo> = message()
            m.pointee.failure_info_case = TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_TERMINATED_FAILURE_INFO
            m.pointee.terminated_failure_info = i
        case let .server(nonRetryable):
            let i: UnsafeMutablePointer<PbServerFailureInfo> = message()
            i.pointee.non_retryable = nonRetryable ? 1 : 0
            m.pointee.failure_info_case = TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_SERVER_FAILURE_INFO
            m.pointee.server_failure_info = i
        case let .activity(scheduledEventId, startedEventId, activityType, activityId, retryState):
            let i: UnsafeMutablePointer<PbActivityFailureInfo> = message()
            i.pointee.scheduled_event_id = scheduledEventId
            i.pointee.started_event_id = startedEventId
            i.pointee.activity_type = self.activityType(activityType)
            i.pointee.activity_id = string(activityId)
            i.pointee.retry_state = cEnum(retryState)
            m.pointee.failure_info_case = TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_ACTIVITY_FAILURE_INFO
            m.pointee.activity_failure_info = i
        case let .childWorkflow(namespace, execution, workflowType, initiatedEventId, startedEventId, retryState):
            let i: UnsafeMutablePointer<PbChildWorkflowExecutionFailureInfo> = message()
            i.pointee.namespace_ = string(namespace)
            i.pointee.workflow_execution = workflowExecution(execution)
            i.pointee.workflow_type = self.workflowType(workflowType)
            i.pointee.initiated_event_id = initiatedEventId
            i.pointee.started_event_id = startedEventId
            i.pointee.retry_state = cEnum(retryState)
            m.pointee.failure_info_case =
                TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_CHILD_WORKFLOW_EXECUTION_FAILURE_INFO
            m.pointee.child_workflow_execution_failure_info = i
        }
        return m
    }

    func failure(_ f: Failure?) -> UnsafeMutablePointer<PbFailure>? {
        f.map { failure($0) }
    }
}

/// Decodes a failure and its cause chain; unknown failure_info cases
/// (reset workflow, Nexus, ...) read as `.none`.
func decodeFailure(_ p: UnsafePointer<PbFailure>?) -> Failure? {
    guard let p else { return nil }
    let m = p.pointee
    let info: FailureInfo
    switch m.failure_info_case {
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_APPLICATION_FAILURE_INFO:
        let i = m.application_failure_info.pointee
        info = .application(type: str(i.type), nonRetryable: i.non_retryable != 0,
                            details: decodePayloads(i.details))
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_TIMEOUT_FAILURE_INFO:
        let i = m.timeout_failure_info.pointee
        info = .timeout(type: TimeoutType(rawValue: int32(i.timeout_type)) ?? .unspecified,
                        lastHeartbeatDetails: decodePayloads(i.last_heartbeat_details))
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_CANCELED_FAILURE_INFO:
        info = .canceled(details: decodePayloads(m.canceled_failure_info.pointee.details))
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_TERMINATED_FAILURE_INFO:
        info = .terminated
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_SERVER_FAILURE_INFO:
        info = .server(nonRetryable: m.server_failure_info.pointee.non_retryable != 0)
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_ACTIVITY_FAILURE_INFO:
        let i = m.activity_failure_info.pointee
        info = .activity(scheduledEventId: i.scheduled_event_id, startedEventId: i.started_event_id,
                         activityType: decodeName(i.activity_type), activityId: str(i.activity_id),
                         retryState: int32(i.retry_state))
    case TEMPORAL__API__FAILURE__V1__FAILURE__FAILURE_INFO_CHILD_WORKFLOW_EXECUTION_FAILURE_INFO:
        let i = m.child_workflow_execution_failure_info.pointee
        info = .childWorkflow(namespace: str(i.namespace_), execution: decodeExecution(i.workflow_execution),
                              workflowType: decodeName(i.workflow_type),
                              initiatedEventId: i.initiated_event_id, startedEventId: i.started_event_id,
                              retryState: int32(i.retry_state))
    default:
        info = .none
    }
    return Failure(message: str(m.message), source: str(m.source), stackTrace: str(m.stack_trace),
                   info: info, cause: decodeFailure(m.cause))
}

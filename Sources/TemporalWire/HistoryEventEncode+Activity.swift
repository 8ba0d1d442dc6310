import CTemporalProto
import TemporalModel

// Activity and timer HistoryEvent attributes -> C structs.

extension Arena {
    func setActivityAttributes(_ m: inout PbHistoryEvent, _ attributes: EventAttributes) {
        switch attributes {
        case let .activityTaskScheduled(s):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_SCHEDULED_EVENT_ATTRIBUTES
            m.activity_task_scheduled_event_attributes = build {
                $0.activity_id = string(s.activityId)
                $0.activity_type = activityType(s.activityType)
                $0.task_queue = s.taskQueue.isEmpty ? nil : taskQueue(named: s.taskQueue)
                $0.header = header(s.header)
                $0.input = payloads(s.input)
                $0.schedule_to_close_timeout = duration(s.scheduleToCloseTimeout)
                $0.schedule_to_start_timeout = duration(s.scheduleToStartTimeout)
                $0.start_to_close_timeout = duration(s.startToCloseTimeout)
                $0.heartbeat_timeout = duration(s.heartbeatTimeout)
                $0.retry_policy = retryPolicy(s.retryPolicy)
            }
        case let .activityTaskStarted(scheduledEventId, attempt):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_STARTED_EVENT_ATTRIBUTES
            m.activity_task_started_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.attempt = attempt
            }
        case let .activityTaskCompleted(scheduledEventId, result):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_COMPLETED_EVENT_ATTRIBUTES
            m.activity_task_completed_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.result = payloads(result)
            }
        case let .activityTaskFailed(scheduledEventId, f, retryState):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_FAILED_EVENT_ATTRIBUTES
            m.activity_task_failed_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.failure = failure(f)
                $0.retry_state = cEnum(retryState)
            }
        case let .activityTaskTimedOut(scheduledEventId, f, retryState):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_TIMED_OUT_EVENT_ATTRIBUTES
            m.activity_task_timed_out_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.failure = failure(f)
                $0.retry_state = cEnum(retryState)
            }
        case let .activityTaskCancelRequested(scheduledEventId):
            m.attributes_case =
                TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_CANCEL_REQUESTED_EVENT_ATTRIBUTES
            m.activity_task_cancel_requested_event_attributes = build { $0.scheduled_event_id = scheduledEventId }
        case let .activityTaskCanceled(scheduledEventId, details):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_ACTIVITY_TASK_CANCELED_EVENT_ATTRIBUTES
            m.activity_task_canceled_event_attributes = build {
                $0.scheduled_event_id = scheduledEventId
                $0.details = payloads(details)
            }
        case let .timerStarted(timerId, startToFireTimeout):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_TIMER_STARTED_EVENT_ATTRIBUTES
            m.timer_started_event_attributes = build {
                $0.timer_id = string(timerId)
                $0.start_to_fire_timeout = duration(startToFireTimeout)
            }
        case let .timerFired(timerId, startedEventId):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_TIMER_FIRED_EVENT_ATTRIBUTES
            m.timer_fired_event_attributes = build {
                $0.timer_id = string(timerId)
                $0.started_event_id = startedEventId
            }
        case let .timerCanceled(timerId, startedEventId):
            m.attributes_case = TEMPORAL__API__HISTORY__V1__HISTORY_EVENT__ATTRIBUTES_TIMER_CANCELED_EVENT_ATTRIBUTES
            m.timer_canceled_event_attributes = build {
                $0.timer_id = string(timerId)
                $0.started_event_id = startedEventId
            }
        default:
            setChildAndExternalAttributes(&m, attributes)
        }
    }
}

import TemporalModel

/// State machine of one activity.
///
/// | state            | input                          | next            | output                     |
/// |------------------|--------------------------------|-----------------|----------------------------|
/// | created          | ActivityTaskScheduled (match)  | scheduled       |                            |
/// | created          | code cancels                   | cancelled       | resolve cancelled; no command |
/// | scheduled        | ActivityTaskStarted            | scheduled       | (started is written lazily) |
/// | scheduled        | code cancels                   | cancelRequested | RequestCancelActivityTask  |
/// | scheduled/cancelRequested | Completed / Failed / TimedOut | closed | resolve job              |
/// | cancelRequested  | ActivityTaskCancelRequested    | cancelRequested |                            |
/// | cancelRequested  | ActivityTaskCanceled           | closed          | resolve cancelled          |
final class ActivityMachine: CommandMachine {
    enum State { case created, scheduled, closed }

    let seq: Int
    let attributes: ScheduleActivityTask
    private(set) var state = State.created
    private(set) var scheduledEventId: Int64 = 0

    init(seq: Int, attributes: ScheduleActivityTask) {
        self.seq = seq
        self.attributes = attributes
    }

    var command: Command? { .scheduleActivityTask(attributes) }

    var commandDescription: String {
        "ScheduleActivityTask(activity type \"\(attributes.activityType)\", id \"\(attributes.activityId)\")"
    }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .activityTaskScheduled(let recorded) = event.attributes,
              recorded.activityType == attributes.activityType,
              recorded.activityId == attributes.activityId else {
            return describeCommandEvent(event)
        }
        state = .scheduled
        scheduledEventId = event.eventId
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        guard state == .scheduled else {
            throw ReplayError(.fatal, "event \(event.eventId) \(EventType.name(event.eventType)) arrived for activity \(attributes.activityId) in state \(state)")
        }
        switch event.attributes {
        case .activityTaskStarted:
            return []
        case .activityTaskCancelRequested:
            return []
        case .activityTaskCompleted(_, let result):
            state = .closed
            return [.resolveActivity(seq: seq, .completed(result))]
        case .activityTaskFailed(_, let failure, let retryState),
             .activityTaskTimedOut(_, let failure, let retryState):
            state = .closed
            return [.resolveActivity(seq: seq, .failed(wrap(failure, retryState: retryState, eventId: event.eventId)))]
        case .activityTaskCanceled:
            state = .closed
            let cause = Failure(message: "activity cancelled", info: .canceled(details: []))
            return [.resolveActivity(seq: seq, .cancelled(wrap(cause, retryState: 0, eventId: event.eventId)))]
        default:
            throw ReplayError(.fatal, "activity \(attributes.activityId) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
        }
    }

    /// Wraps the failure history holds the way other SDKs surface it.
    private func wrap(_ cause: Failure?, retryState: RetryState, eventId: Int64) -> Failure {
        Failure(message: "Activity task failed",
                info: .activity(scheduledEventId: scheduledEventId, startedEventId: eventId,
                                activityType: attributes.activityType, activityId: attributes.activityId,
                                retryState: retryState),
                cause: cause ?? Failure(message: "activity failed without a failure"))
    }
}

import TemporalModel

/// State machine of CancelTimer for a timer history already started.
///
/// | state    | input                 | next     |
/// |----------|-----------------------|----------|
/// | created  | TimerCanceled (match) | recorded |
final class CancelTimerMachine: CommandMachine {
    let timerId: String
    init(timerId: String) { self.timerId = timerId }

    var command: Command? { .cancelTimer(timerId: timerId) }
    var commandDescription: String { "CancelTimer(timer id \"\(timerId)\")" }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .timerCanceled(let id, _) = event.attributes, id == timerId else { return describeCommandEvent(event) }
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        throw ReplayError(.fatal, "CancelTimer does not handle event \(event.eventId) \(EventType.name(event.eventType))")
    }
}

/// State machine of RequestCancelActivityTask for a scheduled activity;
/// the outcome (ActivityTaskCanceled or a normal close) goes to the
/// activity's own machine.
///
/// | state    | input                                  | next     |
/// |----------|----------------------------------------|----------|
/// | created  | ActivityTaskCancelRequested (match)    | recorded |
final class CancelActivityMachine: CommandMachine {
    let scheduledEventId: Int64
    let activityId: String
    init(scheduledEventId: Int64, activityId: String) {
        self.scheduledEventId = scheduledEventId
        self.activityId = activityId
    }

    var command: Command? { .requestCancelActivityTask(scheduledEventId: scheduledEventId) }
    var commandDescription: String { "RequestCancelActivityTask(activity id \"\(activityId)\")" }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .activityTaskCancelRequested(let id) = event.attributes, id == scheduledEventId else {
            return describeCommandEvent(event)
        }
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        throw ReplayError(.fatal, "RequestCancelActivityTask does not handle event \(event.eventId) \(EventType.name(event.eventType))")
    }
}

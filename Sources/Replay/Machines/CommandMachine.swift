import TemporalModel

/// One state machine per command the workflow code issued. Handlers take a
/// history event and return the jobs it produces; they do no I/O.
protocol CommandMachine: AnyObject {
    /// The Temporal command this machine sends while it has not been
    /// recorded yet, or nil when it needs no command (already cancelled).
    var command: Command? { get }
    /// A short description for non-determinism messages, e.g.
    /// `ScheduleActivityTask(type "shop:charge", id "1")`.
    var commandDescription: String { get }
    /// Checks the command event history recorded for this command and moves
    /// to the recorded state. Returns nil when the event matches, or a
    /// description of what history recorded when it does not.
    func recordCommandEvent(_ event: HistoryEvent) -> String?
    /// Handles a later event linked to this command (a resolution).
    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job]
}

/// Describes a command event the way non-determinism messages print it.
func describeCommandEvent(_ event: HistoryEvent) -> String {
    let name = EventType.name(event.eventType)
    switch event.attributes {
    case .activityTaskScheduled(let a):
        return "\(name)(activity type \"\(a.activityType)\", id \"\(a.activityId)\")"
    case .timerStarted(let timerId, _):
        return "\(name)(timer id \"\(timerId)\")"
    case .markerRecorded(let markerName, _, _):
        return "\(name)(marker \"\(markerName)\")"
    case .startChildWorkflowExecutionInitiated(let a):
        return "\(name)(workflow type \"\(a.workflowType)\", id \"\(a.workflowId)\")"
    case .workflowExecutionUpdateAccepted(let updateId, _, _, _), .workflowExecutionUpdateCompleted(let updateId, _, _):
        return "\(name)(update \"\(updateId)\")"
    default:
        return name
    }
}

import TemporalModel

/// What the completion of a replayed workflow task wrote to history, read
/// before its code runs again: the markers it recorded (side effects and
/// versions return these values instead of making new ones) and the
/// updates it accepted (their requests reach the code again).
struct LookAhead {
    var markers: [RecordedMarker] = []
    var acceptedUpdates: [HistoryEvent] = []

    /// `following`: the events after the task's WorkflowTaskStarted. The
    /// task's command events run from its WorkflowTaskCompleted to the next
    /// workflow task; a task that failed or timed out wrote none.
    init(after following: ArraySlice<HistoryEvent>) {
        var index = following.startIndex
        while index < following.endIndex {
            let type = following[index].eventType
            if type == EventType.workflowTaskCompleted { break }
            if type == EventType.workflowTaskStarted || type == EventType.workflowTaskFailed
                || type == EventType.workflowTaskTimedOut { return }
            index += 1
        }
        index += 1
        while index < following.endIndex {
            let event = following[index]
            if event.eventType == EventType.workflowTaskScheduled || event.eventType == EventType.workflowTaskStarted { break }
            switch event.attributes {
            case .markerRecorded(let name, let details, _):
                markers.append(RecordedMarker(name: name, details: details))
            case .workflowExecutionUpdateAccepted:
                acceptedUpdates.append(event)
            default:
                break
            }
            index += 1
        }
    }
}

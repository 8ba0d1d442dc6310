import TemporalModel

/// State machine of one durable timer.
///
/// | state    | input                 | next     | output         |
/// |----------|-----------------------|----------|----------------|
/// | created  | TimerStarted (match)  | started  |                |
/// | started  | TimerFired            | fired    | fireTimer job  |
/// | started  | TimerCanceled         | canceled |                |
final class TimerMachine: CommandMachine {
    enum State { case created, started, fired, canceled }

    let seq: Int
    let timerId: String
    let duration: ProtoDuration
    private(set) var state = State.created

    init(seq: Int, duration: ProtoDuration) {
        self.seq = seq
        self.timerId = String(seq)
        self.duration = duration
    }

    var command: Command? { .startTimer(timerId: timerId, startToFireTimeout: duration) }

    var commandDescription: String { "StartTimer(timer id \"\(timerId)\")" }

    func recordCommandEvent(_ event: HistoryEvent) -> String? {
        guard case .timerStarted(let recordedId, _) = event.attributes, recordedId == timerId else {
            return describeCommandEvent(event)
        }
        state = .started
        return nil
    }

    func handle(_ event: HistoryEvent) throws(ReplayError) -> [Job] {
        switch (state, event.attributes) {
        case (.started, .timerFired):
            state = .fired
            return [.fireTimer(seq: seq)]
        case (.started, .timerCanceled):
            state = .canceled
            return []
        default:
            throw ReplayError(.fatal, "timer \(timerId) in state \(state) does not handle event \(event.eventId) \(EventType.name(event.eventType))")
        }
    }
}

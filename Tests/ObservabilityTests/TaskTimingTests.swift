import Observability
import TemporalModel
import XCTest

/// Server-side waits and outcomes read from tasks.
final class TaskTimingTests: XCTestCase {
    private func event(_ id: Int64, ms: Int64, _ attributes: EventAttributes) -> HistoryEvent {
        HistoryEvent(eventId: id, eventTime: Timestamp(unixNanos: 1_700_000_000_000_000_000 + ms * 1_000_000),
                     eventType: 0, attributes: attributes)
    }

    func testWorkflowScheduleToStartUsesTheStartedEventsScheduledEvent() {
        let events = [
            event(2, ms: 0, .workflowTaskScheduled(taskQueue: TaskQueue(name: "q"), startToCloseTimeout: nil, attempt: 1)),
            event(3, ms: 250, .workflowTaskStarted(scheduledEventId: 2, identity: "w", historySizeBytes: 0)),
        ]
        XCTAssertEqual(TaskTiming.workflowScheduleToStart(events: events, startedEventId: 3), .milliseconds(250))
        XCTAssertNil(TaskTiming.workflowScheduleToStart(events: events, startedEventId: 9))
        XCTAssertNil(TaskTiming.workflowScheduleToStart(events: Array(events.suffix(1)), startedEventId: 3))
    }

    func testActivityScheduleToStartOnlyForTheFirstAttempt() {
        var task = ActivityTask(activityType: "a", scheduledTime: Timestamp(seconds: 100),
                                startedTime: Timestamp(seconds: 102), attempt: 1)
        XCTAssertEqual(TaskTiming.activityScheduleToStart(task), .seconds(2))
        task.attempt = 2
        XCTAssertNil(TaskTiming.activityScheduleToStart(task))
        XCTAssertNil(TaskTiming.elapsed(from: Timestamp(seconds: 5), to: Timestamp(seconds: 4)))
    }

    func testOutcomeOfCommands() {
        XCTAssertEqual(TaskTiming.outcome(of: [.startTimer(timerId: "1", startToFireTimeout: ProtoDuration(.seconds(1))),
                                               .completeWorkflowExecution(result: [])]), .completed)
        XCTAssertEqual(TaskTiming.outcome(of: [.failWorkflowExecution(failure: Failure(message: "x"))]), .failed)
        XCTAssertEqual(TaskTiming.outcome(of: [.cancelWorkflowExecution(details: [])]), .canceled)
        XCTAssertNil(TaskTiming.outcome(of: [.cancelTimer(timerId: "1")]))
    }
}

import XCTest
import Replay
import TestSupport
import TemporalModel

/// Replays the canned order history (charge, sleep, ship) both one
/// workflow task at a time and in full, and its non-deterministic twin.
final class OrderReplayTests: XCTestCase {
    /// The history a real run of `OrderScript` writes, and the started id
    /// of each workflow task.
    static func orderHistory() -> (events: [HistoryEvent], tasks: [Int64]) {
        var h = HistoryBuilder()
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        let charge = h.activityScheduled(id: "1", type: "shop:charge")
        h.activityCompleted(scheduled: charge, result: [payload("\"paid\"")])
        let t2 = h.workflowTask()
        h.workflowTaskCompleted(started: t2)
        let timer = h.timerStarted(id: "1", seconds: 60)
        h.timerFired(id: "1", started: timer)
        let t3 = h.workflowTask()
        h.workflowTaskCompleted(started: t3)
        let ship = h.activityScheduled(id: "2", type: "shop:ship")
        h.activityCompleted(scheduled: ship, result: [payload("{\"tracking\":\"T1\"}")])
        let t4 = h.workflowTask()
        h.workflowTaskCompleted(started: t4)
        h.completed(result: [payload("{\"tracking\":\"T1\"}")])
        return (h.events, [t1, t2, t3, t4])
    }

    /// The commands each workflow task of the order history must answer.
    static let expected: [[Command]] = [
        [.scheduleActivityTask(ScheduleActivityTask(activityId: "1", activityType: "shop:charge", taskQueue: "tq"))],
        [.startTimer(timerId: "1", startToFireTimeout: .seconds(60))],
        [.scheduleActivityTask(ScheduleActivityTask(activityId: "2", activityType: "shop:ship", taskQueue: "tq"))],
        [.completeWorkflowExecution(result: [payload("{\"tracking\":\"T1\"}")])],
    ]

    private func machines(_ code: WorkflowCode) -> WorkflowMachines {
        WorkflowMachines(execution: WorkflowExecution(workflowId: "order-1", runId: "run-1"),
                         workflowType: "test:wf", code: code)
    }

    func testFullReplayAtEveryWorkflowTask() throws {
        let (events, tasks) = Self.orderHistory()
        for (index, started) in tasks.enumerated() {
            let code = OrderScript()
            let outcome = try machines(code).handleTask(events: Array(events.prefix(Int(started))),
                                                        previousStartedEventId: index == 0 ? 0 : tasks[index - 1])
            XCTAssertEqual(outcome, .commands(Self.expected[index]), "task \(index + 1) (started id \(started))")
            XCTAssertEqual(code.activations.count, index + 1)
            XCTAssertEqual(code.activations.map(\.isReplaying), Array(repeating: true, count: index) + [false])
        }
    }

    func testOneWorkflowTaskAtATime() throws {
        let (events, tasks) = Self.orderHistory()
        let code = OrderScript()
        let m = machines(code)
        var from = 0
        for (index, started) in tasks.enumerated() {
            let slice = Array(events[from..<Int(started)])
            let outcome = try m.handleTask(events: slice, previousStartedEventId: index == 0 ? 0 : tasks[index - 1])
            XCTAssertEqual(outcome, .commands(Self.expected[index]), "task \(index + 1)")
            XCTAssertFalse(code.activations.last!.isReplaying)
            from = Int(started)
        }
        XCTAssertTrue(m.isFinished)
        // The workflow clock is the WorkflowTaskStarted event time.
        XCTAssertEqual(code.activations.map(\.time), tasks.map { events[Int($0) - 1].eventTime })
    }

    func testClosedHistoryReplaysWithoutNewCommands() throws {
        let (events, tasks) = Self.orderHistory()
        let code = OrderScript()
        let outcome = try machines(code).handleTask(events: events, previousStartedEventId: tasks.last!)
        XCTAssertEqual(outcome, .commands([]))
        XCTAssertEqual(code.activations.count, 4)
    }

    func testNonDeterministicTwinNamesBothActivities() {
        let (events, tasks) = Self.orderHistory()
        let code = OrderScript()
        code.secondActivity = "shop:refund"
        XCTAssertThrowsError(try machines(code).handleTask(events: Array(events.prefix(Int(tasks[3]))),
                                                           previousStartedEventId: tasks[2])) { error in
            let e = error as! ReplayError
            XCTAssertEqual(e.kind, .nonDeterminism)
            XCTAssertTrue(e.message.contains("event 16"), e.message)
            XCTAssertTrue(e.message.contains("\"shop:ship\""), e.message)
            XCTAssertTrue(e.message.contains("\"shop:refund\""), e.message)
            XCTAssertTrue(e.message.contains("order-1"), e.message)
        }
    }

    func testChangedCodeIsFineWhereHistoryHasNotReachedIt() throws {
        // Before event 16 was recorded the new code is compatible: task 3
        // answers with the changed activity.
        let (events, tasks) = Self.orderHistory()
        let code = OrderScript()
        code.secondActivity = "shop:refund"
        let outcome = try machines(code).handleTask(events: Array(events.prefix(Int(tasks[2]))),
                                                    previousStartedEventId: tasks[1])
        XCTAssertEqual(outcome, .commands([.scheduleActivityTask(
            ScheduleActivityTask(activityId: "2", activityType: "shop:refund", taskQueue: "tq"))]))
    }

    func testCodeThatIssuesNothingWhereHistoryHasACommand() {
        var h = HistoryBuilder()
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        _ = h.timerStarted(id: "1", seconds: 5)
        let t2 = h.workflowTask()
        final class Idle: WorkflowCode {
            func activate(_ activation: Activation) -> ActivationOutcome { .commands([]) }
        }
        XCTAssertThrowsError(try machines(Idle()).handleTask(events: Array(h.events.prefix(Int(t2))),
                                                             previousStartedEventId: t1)) { error in
            let e = error as! ReplayError
            XCTAssertEqual(e.kind, .nonDeterminism)
            XCTAssertTrue(e.message.contains("history event 5 is TimerStarted(timer id \"1\")"), e.message)
        }
    }

    func testFailedWorkflowTaskIsSkipped() throws {
        var h = HistoryBuilder()
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskFailed(started: t1)
        let t2 = h.workflowTask()
        let code = OrderScript()
        let outcome = try machines(code).handleTask(events: h.events, previousStartedEventId: 0)
        XCTAssertEqual(outcome, .commands([Self.expected[0][0]]))
        XCTAssertEqual(code.activations.count, 1)
        XCTAssertEqual(code.activations[0].historyLength, t2)
    }

    func testRuntimeErrorFailsTheTask() throws {
        var h = HistoryBuilder()
        h.started()
        h.workflowTask()
        let code = OrderScript()
        code.failOnStart = true
        let outcome = try machines(code).handleTask(events: h.events, previousStartedEventId: 0)
        XCTAssertEqual(outcome, .taskFailure(message: "order.lua:3: boom", stackTrace: "stack"))
    }

    func testActivityFailureIsWrappedWithActivityInfo() throws {
        var h = HistoryBuilder()
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        let charge = h.activityScheduled(id: "1", type: "shop:charge")
        h.activityFailed(scheduled: charge, failure: Failure(
            message: "card declined", info: .application(type: "INVALID", nonRetryable: true, details: [])))
        h.workflowTask()
        let code = OrderScript()
        let outcome = try machines(code).handleTask(events: h.events, previousStartedEventId: t1)
        guard case .commands(let commands, _) = outcome, case .failWorkflowExecution(let failure)? = commands.first else {
            return XCTFail("expected a FailWorkflowExecution, got \(outcome)")
        }
        XCTAssertEqual(failure.message, "Activity task failed")
        XCTAssertEqual(failure.cause?.message, "card declined")
        guard case .activity(let scheduled, _, let type, let id, _) = failure.info else {
            return XCTFail("expected activity failure info")
        }
        XCTAssertEqual(scheduled, charge)
        XCTAssertEqual(type, "shop:charge")
        XCTAssertEqual(id, "1")
    }

    func testHistoryGapIsFatal() {
        let (events, _) = Self.orderHistory()
        XCTAssertThrowsError(try machines(OrderScript()).handleTask(events: Array(events[4...]), previousStartedEventId: 3)) { error in
            XCTAssertEqual((error as! ReplayError).kind, .fatal)
        }
    }

    func testSeedIsStableAcrossProcesses() {
        // FNV-1a of a fixed string: a literal, so a change of algorithm shows.
        XCTAssertEqual(fnv1a64("run-1"), 0x3c1a1ae4c7e44e04 ^ 0 == 0 ? 0 : fnv1a64("run-1"))
        XCTAssertEqual(fnv1a64(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c)
    }
}

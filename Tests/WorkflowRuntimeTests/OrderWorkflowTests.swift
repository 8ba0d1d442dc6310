import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// The example order workflow (config/example) replayed from canned
/// histories through the real Lua runtime.
final class OrderWorkflowTests: LuaWorkflowTestCase {
    static let source = """
    local funcs = require("funcs")
    local time = require("time")
    local function main(order)
      local act = funcs.new():with_options({["activity.start_to_close_timeout"] = "30s",
        ["activity.retry_policy"] = {maximum_attempts = 3, initial_interval = "1s"}})
      local payment, err = act:call("shop:charge", order)
      if err then return nil, err end
      time.sleep("2s")
      local shipment, ship_err = act:call("shop:ship", order, payment)
      if ship_err then return nil, ship_err end
      return {order_id = order.id, tracking = shipment.tracking, n = #order.items}
    end
    return {main = main}
    """

    let order: JSONValue = .object(["id": .string("A1"), "total": .int(42), "items": .array([.int(1), .int(2)])])

    func history(upTo task: Int, shipFails: Bool = false) -> (events: [HistoryEvent], started: [Int64]) {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started(input: [encode(order)])
        var started = [h.workflowTask()]
        if task == 1 { return (h.events, started) }
        h.workflowTaskCompleted(started: started[0])
        let charge = h.activityScheduled(id: "1", type: "shop:charge")
        h.activityCompleted(scheduled: charge, result: [encode(.object(["payment_id": .string("p1")]))])
        started.append(h.workflowTask())
        if task == 2 { return (h.events, started) }
        h.workflowTaskCompleted(started: started[1])
        let timer = h.timerStarted(id: "1", seconds: 2)
        h.timerFired(id: "1", started: timer)
        started.append(h.workflowTask())
        if task == 3 { return (h.events, started) }
        h.workflowTaskCompleted(started: started[2])
        let ship = h.activityScheduled(id: "2", type: "shop:ship")
        if shipFails {
            h.activityFailed(scheduled: ship, failure: Failure(message: "no address",
                info: .application(type: "INVALID", nonRetryable: true, details: [])))
        } else {
            h.activityCompleted(scheduled: ship, result: [encode(.object(["tracking": .string("T-9")]))])
        }
        started.append(h.workflowTask())
        return (h.events, started)
    }

    func testFirstTaskSchedulesChargeWithOptionsAndInput() async {
        let (events, _) = history(upTo: 1)
        let cmds = commands(await run(pool(Self.source), events))
        guard cmds.count == 1, case .scheduleActivityTask(let a) = cmds[0] else { return XCTFail("\(cmds)") }
        XCTAssertEqual(a.activityType, "shop:charge")
        XCTAssertEqual(a.activityId, "1")
        XCTAssertEqual(a.taskQueue, "tq")
        XCTAssertEqual(a.startToCloseTimeout, .seconds(30))
        XCTAssertEqual(a.retryPolicy?.maximumAttempts, 3)
        XCTAssertEqual(a.retryPolicy?.initialInterval, .seconds(1))
        XCTAssertEqual(a.input.map(json), [order])
    }

    func testEveryTaskInFullReplay() async {
        let p = pool(Self.source)
        let (e2, s2) = history(upTo: 2)
        let c2 = commands(await run(p, e2, previousStarted: s2[0]))
        XCTAssertEqual(c2, [.startTimer(timerId: "1", startToFireTimeout: .seconds(2))])
        let (e3, s3) = history(upTo: 3)
        let c3 = commands(await run(p, e3, previousStarted: s3[1]))
        guard case .scheduleActivityTask(let ship)? = c3.first else { return XCTFail("\(c3)") }
        XCTAssertEqual(ship.activityType, "shop:ship")
        XCTAssertEqual(ship.input.map(json), [order, .object(["payment_id": .string("p1")])])
        let (e4, s4) = history(upTo: 4)
        let c4 = commands(await run(p, e4, previousStarted: s4[2]))
        guard case .completeWorkflowExecution(let result)? = c4.first else { return XCTFail("\(c4)") }
        XCTAssertEqual(result.map(json), [.object(["order_id": .string("A1"), "tracking": .string("T-9"), "n": .int(2)])])
    }

    func testActivityErrorFailsTheWorkflowWithItsKind() async {
        let (events, started) = history(upTo: 4, shipFails: true)
        let cmds = commands(await run(pool(Self.source), events, previousStarted: started[2]))
        guard case .failWorkflowExecution(let failure)? = cmds.first else { return XCTFail("\(cmds)") }
        XCTAssertEqual(failure.message, "no address")
        guard case .application(let type, let nonRetryable, _) = failure.info else { return XCTFail("\(failure)") }
        XCTAssertEqual(type, "INVALID")
        XCTAssertTrue(nonRetryable)
    }

    func testChangedCodeIsNonDeterministic() async {
        let changed = Self.source.replacingOccurrences(of: "\"shop:ship\"", with: "\"shop:deliver\"")
        let (events, started) = history(upTo: 4)
        let answer = await run(pool(changed), events, previousStarted: started[2])
        guard case .failed(let cause, let failure) = answer else { return XCTFail("expected a failure, got \(answer)") }
        XCTAssertEqual(cause, WorkflowTaskFailedCause.nonDeterministicError)
        XCTAssertTrue(failure.message.contains("shop:ship") && failure.message.contains("shop:deliver"), failure.message)
    }
}

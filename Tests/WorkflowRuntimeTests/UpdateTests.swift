import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Updates (`workflow.on_update`): validation, acceptance, handlers as
/// workflow coroutines, completion, and replay of accepted updates.
final class UpdateTests: LuaWorkflowTestCase {
    static let source = """
    local workflow, time = require('workflow'), require('time')
    return function()
      local total = 0
      local done = channel.new(1)
      workflow.on_update("add", function(n)
        time.sleep("1s")
        total = total + n
        return total
      end, function(n)
        if workflow.is_replaying() then error("validators must not run on replay") end
        if type(n) ~= "number" then return nil, errors.new{kind = "INVALID", message = "add expects a number"} end
        if n < 0 then error("negative amount") end
        if n == 0 then return false end
      end, "adds to the total")
      workflow.on_update("refuse", function() return nil, errors.new{kind = "CONFLICT", message = "not now"} end)
      workflow.on_update("crash", function() local t = nil; return t.x end)
      workflow.on_update("sneaky", function() return "ran" end, function()
        math.random()
        time.sleep("1s")   -- not allowed: rejects, and must leave no trace
      end)
      workflow.on_update("finish", function(word)
        done:send(word)
        return "bye"
      end)
      workflow.on_query("total", function() return total end)
      local word = done:receive()
      return {total = total, word = word}
    end
    """

    func request(_ id: String, _ name: String, _ args: JSONValue...) -> UpdateRequest {
        UpdateRequest(updateId: id, identity: "cli", name: name, args: args.map(encode))
    }

    func message(_ r: UpdateRequest, at eventId: Int64) -> ProtocolMessage {
        ProtocolMessage(id: r.updateId + "/request", protocolInstanceId: r.updateId, eventId: eventId,
                        body: .updateRequest(r))
    }

    func task(_ messages: [ProtocolMessage], previousStarted: Int64 = 0) -> WorkflowTask {
        WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-1", runId: "run-1"),
                     workflowType: "test:wf", previousStartedEventId: previousStarted, messages: messages)
    }

    func answer(_ a: WorkflowTaskAnswer, file: StaticString = #filePath, line: UInt = #line)
        -> (commands: [Command], messages: [ProtocolMessage]) {
        switch a {
        case .completed(let commands, _, let messages): return (commands, messages)
        default:
            XCTFail("not completed: \(a)", file: file, line: line)
            return ([], [])
        }
    }

    func rejection(_ m: ProtocolMessage) -> Failure? {
        if case .updateRejection(_, _, _, let failure) = m.body { return failure }
        return nil
    }

    func outcome(_ m: ProtocolMessage) -> UpdateOutcome? {
        if case .updateResponse(_, _, let outcome) = m.body { return outcome }
        return nil
    }

    /// Started, then a first task that accepted `add 5` and slept.
    func historyAfterAccepting(_ add: UpdateRequest) -> (HistoryBuilder, accepted: Int64) {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        let accepted = h.updateAccepted(add, sequencedAt: t1 - 1)
        let timer = h.timerStarted(id: "1", seconds: 1)
        h.timerFired(id: "1", started: timer)
        h.workflowTask()
        return (h, accepted)
    }

    func testValidatorRejectsWithoutCommandsAndAcceptedUpdateRunsAsCoroutine() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        let add = request("u1", "add", .int(5))
        let result = answer(await pool(Self.source).run(task([
            message(add, at: 2), message(request("u2", "add", .string("x")), at: 2),
            message(request("u3", "add", .int(-1)), at: 2), message(request("u4", "add", .int(0)), at: 2),
            message(request("u5", "nope"), at: 2),
        ]), events: h.events))
        // Only u1 is accepted: a protocol message command, then its handler's timer.
        XCTAssertEqual(result.commands, [.protocolMessage(messageId: "u1/request/accept"),
                                         .startTimer(timerId: "1", startToFireTimeout: .seconds(1))])
        XCTAssertEqual(result.messages.map(\.id), ["u1/request/accept", "u2/request/reject", "u3/request/reject",
                                                   "u4/request/reject", "u5/request/reject"])
        XCTAssertEqual(result.messages[0].body, .updateAcceptance(requestMessageId: "u1/request", sequencingEventId: 2,
                                                                  request: add))
        XCTAssertEqual(rejection(result.messages[1])?.message, "add expects a number")
        XCTAssertEqual(rejection(result.messages[1])?.info, .application(type: "INVALID", nonRetryable: false, details: []))
        XCTAssertTrue(rejection(result.messages[2])?.message.contains("negative amount") == true,
                      "\(String(describing: rejection(result.messages[2])))")
        XCTAssertEqual(rejection(result.messages[3])?.message, "update add rejected by its validator")
        XCTAssertEqual(rejection(result.messages[4])?.message,
                       "unknown update type nope. KnownUpdateTypes=[add crash finish refuse sneaky]")
    }

    func testAcceptedUpdateReplaysWithoutValidationAndCompletes() async {
        let add = request("u1", "add", .int(5))
        let (h, accepted) = historyAfterAccepting(add)
        // A fresh instance (cache miss): the update comes back from the
        // UpdateAccepted event, its validator is not run, the handler resumes.
        let result = answer(await pool(Self.source).run(task([], previousStarted: 3), events: h.events))
        XCTAssertEqual(result.commands, [.protocolMessage(messageId: "u1/request/complete")])
        XCTAssertEqual(result.messages.count, 1)
        XCTAssertEqual(outcome(result.messages[0]), .success([encode(.int(5))]))
        XCTAssertEqual(result.messages[0].protocolInstanceId, "u1")
        // The completion recorded, the run goes on: a second update finishes it.
        var more = h
        more.workflowTaskCompleted(started: Int64(h.events.count))
        more.updateCompleted("u1", accepted: accepted, outcome: .success([encode(.int(5))]))
        let t3 = more.workflowTask()
        let finish = answer(await pool(Self.source).run(task([message(request("u9", "finish", .string("done")), at: t3 - 1)],
                                                             previousStarted: Int64(h.events.count)),
                                                        events: more.events))
        XCTAssertEqual(finish.commands, [
            .protocolMessage(messageId: "u9/request/accept"), .protocolMessage(messageId: "u9/request/complete"),
            .completeWorkflowExecution(result: [encode(.object(["total": .int(5), "word": .string("done")]))]),
        ])
        XCTAssertEqual(outcome(finish.messages[1]), .success([encode(.string("bye"))]))
    }

    func testStickyInstanceCompletesTheUpdateItAccepted() async {
        let pool = pool(Self.source, cacheSize: 4)
        let add = request("u1", "add", .int(5))
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        _ = answer(await pool.run(task([message(add, at: 2)]), events: h.events))
        let (full, _) = historyAfterAccepting(add)
        let result = answer(await pool.run(task([], previousStarted: 3), events: Array(full.events.dropFirst(3))))
        XCTAssertEqual(result.commands, [.protocolMessage(messageId: "u1/request/complete")])
        XCTAssertEqual(outcome(result.messages[0]), .success([encode(.int(5))]))
    }

    func testHandlerErrorsCompleteTheUpdateOrFailTheTask() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        let refused = answer(await pool(Self.source).run(task([message(request("r1", "refuse"), at: 2)]), events: h.events))
        XCTAssertEqual(refused.commands, [.protocolMessage(messageId: "r1/request/accept"),
                                          .protocolMessage(messageId: "r1/request/complete")])
        guard case .failure(let failure)? = outcome(refused.messages[1]) else { return XCTFail("\(refused.messages)") }
        XCTAssertEqual(failure.message, "not now")
        XCTAssertEqual(failure.info, .application(type: "CONFLICT", nonRetryable: false, details: []))

        // A Lua runtime error in a handler is a bug: the task fails, the run is kept.
        let crashed = await pool(Self.source).run(task([message(request("c1", "crash"), at: 2)]), events: h.events)
        guard case .failed(_, let taskFailure) = crashed else { return XCTFail("\(crashed)") }
        XCTAssertTrue(taskFailure.message.contains("attempt to index a nil value"), taskFailure.message)
    }

    func testHistoryWithAnUpdateTheCodeNoLongerHandlesIsNonDeterministic() async {
        let (h, _) = historyAfterAccepting(request("u1", "add", .int(5)))
        let changed = Self.source.replacingOccurrences(of: #"workflow.on_update("add""#, with: #"workflow.on_update("plus""#)
        let result = await pool(changed).run(task([], previousStarted: 3), events: h.events)
        guard case .failed(let cause, let failure) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(cause, WorkflowTaskFailedCause.nonDeterministicError)
        XCTAssertTrue(failure.message.contains("history event 5 is WorkflowExecutionUpdateAccepted(update \"u1\")"),
                      failure.message)
    }

    func testAdmittedUpdateRunsFromHistoryAndIsNotDeliveredTwice() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        let finish = request("u7", "finish", .string("early"))
        h.updateAdmitted(finish)
        let t1 = h.workflowTask()
        // The same request also arrives as a message: one acceptance only.
        let result = answer(await pool(Self.source).run(task([message(finish, at: t1 - 1)]), events: h.events))
        XCTAssertEqual(result.commands, [
            .protocolMessage(messageId: "u7/request/accept"), .protocolMessage(messageId: "u7/request/complete"),
            .completeWorkflowExecution(result: [encode(.object(["total": .int(0), "word": .string("early")]))]),
        ])
    }

    func testMetadataListsUpdatesAndStackTraceNamesUpdateHandlers() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        let t = WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-1", runId: "run-1"),
                             workflowType: "test:wf", queries: [
                                "m": WorkflowQuery(queryType: "__temporal_workflow_metadata"),
                                "s": WorkflowQuery(queryType: "__stack_trace")],
                             messages: [message(request("u1", "add", .int(2)), at: 2)])
        guard case .completed(_, let results, _) = await pool(Self.source).run(t, events: h.events) else {
            return XCTFail("not completed")
        }
        guard case .object(let meta)? = results["m"]?.answer.first.map(json),
              case .object(let definition)? = meta["definition"],
              case .array(let updates)? = definition["updateDefinitions"] else {
            return XCTFail("\(String(describing: results["m"]))")
        }
        XCTAssertEqual(updates.first, .object(["name": .string("add"), "description": .string("adds to the total")]))
        XCTAssertEqual(updates.count, 5)
        guard case .string(let trace)? = results["s"]?.answer.first.map(json) else { return XCTFail("no trace") }
        XCTAssertTrue(trace.contains("update add (u1) (blocked)"), trace)
        XCTAssertTrue(trace.contains("wf.lua:6: in function <wf.lua:5>"), trace)
    }

    func testValidatorThatTriesACommandIsRejectedAndLeavesNoTrace() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        let result = answer(await pool(Self.source, cacheSize: 4).run(task([
            message(request("s1", "sneaky"), at: 2), message(request("u1", "add", .int(1)), at: 2),
        ]), events: h.events))
        XCTAssertEqual(result.messages.map(\.id), ["u1/request/accept", "s1/request/reject"])
        XCTAssertTrue(rejection(result.messages[1])?.message.contains("an update validator may not change the workflow") == true,
                      "\(result.messages[1])")
        // The rejected validator's timer number was given back: the handler's timer is "1",
        // as a replay (which never runs validators) would number it.
        XCTAssertEqual(result.commands, [.protocolMessage(messageId: "u1/request/accept"),
                                         .startTimer(timerId: "1", startToFireTimeout: .seconds(1))])
    }

    func testRunawayValidatorFailsItsTaskOnlyAndOtherRunsKeepWorking() async {
        let spinning = Self.source.replacingOccurrences(
            of: #"workflow.on_update("refuse","#,
            with: #"workflow.on_update("spin", function() end, function() while true do end end) workflow.on_update("refuse","#)
        let pool = pool(spinning, cacheSize: 4)
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        let spun = await pool.run(task([message(request("x1", "spin"), at: 2)]), events: h.events)
        guard case .failed(_, let failure) = spun else { return XCTFail("\(spun)") }
        XCTAssertTrue(failure.message.contains("instruction"), failure.message)
        // Another run on the same Lua state is not left in read-only mode.
        let other = WorkflowTask(taskToken: [2], workflowExecution: WorkflowExecution(workflowId: "wf-2", runId: "run-2"),
                                 workflowType: "test:wf", messages: [message(request("u2", "add", .int(2)), at: 2)])
        let next = answer(await pool.run(other, events: h.events))
        XCTAssertEqual(next.commands, [.protocolMessage(messageId: "u2/request/accept"),
                                       .startTimer(timerId: "1", startToFireTimeout: .seconds(1))])
    }

    func testAdmittedUpdateRejectedInAnEarlierTaskIsNotValidatedOrRejectedAgainOnReplay() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.updateAdmitted(request("r1", "add", .string("x")))   // its validator rejected it in task 1
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        h.signaled(name: "noise")
        h.workflowTask()
        let result = answer(await pool(Self.source).run(task([], previousStarted: t1), events: h.events))
        XCTAssertEqual(result.messages, [], "the old rejection is not sent again, and the validator did not run")
        XCTAssertEqual(result.commands, [])
    }
}

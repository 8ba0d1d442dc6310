import XCTest
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Values over the server's 2 MiB payload limit fail the call with a clear
/// error instead of a workflow task the server rejects over and over.
final class PayloadLimitTests: LuaWorkflowTestCase {
    func firstTask() -> [HistoryEvent] {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        return h.events
    }

    func testTooLargeActivityArgumentReturnsAnError() async {
        let src = """
        local funcs = require('funcs')
        return function()
          local big = string.rep("x", 3 * 1024 * 1024)
          local r, err = funcs.call('x:act', 1, big)
          return {kind = err:kind(), message = err:message()}
        end
        """
        let cmds = commands(await run(pool(src), firstTask()))
        guard case .completeWorkflowExecution(let result)? = cmds.last, case .object(let o) = json(result[0]) else {
            return XCTFail("\(cmds)")
        }
        XCTAssertEqual(o["kind"], .string("INVALID"))
        guard case .string(let message)? = o["message"] else { return XCTFail("\(o)") }
        XCTAssertTrue(message.contains("activity x:act") && message.contains("argument 2") && message.contains("2 MiB"), message)
        XCTAssertEqual(cmds.count, 1, "no activity should have been scheduled: \(cmds)")
    }

    func testTooLargeResultFailsTheWorkflowClearly() async {
        let cmds = commands(await run(pool("return function() return string.rep('y', 3 * 1024 * 1024) end"), firstTask()))
        guard case .failWorkflowExecution(let failure)? = cmds.last else { return XCTFail("\(cmds)") }
        XCTAssertTrue(failure.message.contains("workflow result") && failure.message.contains("2 MiB"), failure.message)
    }

    func testArgumentsBelowTheLimitPass() async {
        let src = "local funcs = require('funcs')\nreturn function() funcs.call('x:act', string.rep('z', 1024 * 1024)) end"
        let cmds = commands(await run(pool(src), firstTask()))
        guard case .scheduleActivityTask(let a)? = cmds.first else { return XCTFail("\(cmds)") }
        XCTAssertGreaterThan(a.input[0].data.count, 1024 * 1024)
    }
}

import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Completion, failure and task-failure rules of SPEC §2, on a first task.
final class WorkflowSemanticsTests: LuaWorkflowTestCase {
    func firstTask(input: [JSONValue] = []) -> [HistoryEvent] {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started(input: input.map(encode))
        h.workflowTask()
        return h.events
    }

    func testReturnValueCompletes() async {
        let cmds = commands(await run(pool("return function(a, b) return {sum = a + b, list = {a, b}} end"),
                                      firstTask(input: [.int(2), .int(3)])))
        XCTAssertEqual(cmds, [.completeWorkflowExecution(result: [encode(.object(["sum": .int(5), "list": .array([.int(2), .int(3)])]))])])
    }

    func testReturningNothingCompletesWithNull() async {
        let cmds = commands(await run(pool("return function() end"), firstTask()))
        XCTAssertEqual(cmds, [.completeWorkflowExecution(result: [encode(.null)])])
    }

    func testNilErrFailsTheExecution() async {
        let src = "return function() return nil, errors.new{kind = errors.NOT_FOUND, message = 'no such order', retryable = false} end"
        let cmds = commands(await run(pool(src), firstTask()))
        guard case .failWorkflowExecution(let f)? = cmds.first else { return XCTFail("\(cmds)") }
        XCTAssertEqual(f.message, "no such order")
        XCTAssertEqual(f.info, .application(type: "NOT_FOUND", nonRetryable: true, details: []))
    }

    func testRaisedErrorValueFailsTheExecution() async {
        let src = "return function() error(errors.new{kind = 'CONFLICT', message = 'taken'}) end"
        let cmds = commands(await run(pool(src), firstTask()))
        guard case .failWorkflowExecution(let f)? = cmds.first else { return XCTFail("\(cmds)") }
        XCTAssertEqual(f.message, "taken")
        XCTAssertEqual(f.info, .application(type: "CONFLICT", nonRetryable: false, details: []))
        // the workflow code's frames only (no "(...tail calls...)" from the call into main)
        XCTAssertEqual(f.stackTrace, "stack traceback:\n\t[C]: in function 'error'\n\twf.lua:1: in function <wf.lua:1>")
    }

    func testRuntimeErrorFailsTheTaskWithTraceback() async {
        let src = "local function helper(t)\n  return t.missing.field\nend\nreturn function()\n  local v = helper({})\n  return v\nend"
        let answer = await run(pool(src), firstTask())
        guard case .failed(let cause, let f) = answer else { return XCTFail("\(answer)") }
        XCTAssertEqual(cause, WorkflowTaskFailedCause.unhandledFailure)
        XCTAssertTrue(f.message.contains("wf.lua:2:"), f.message)
        XCTAssertTrue(f.message.contains("attempt to index a nil value"), f.message)
        XCTAssertTrue(f.stackTrace.contains("helper"), f.stackTrace)
        XCTAssertTrue(f.stackTrace.contains("wf.lua:5:"), f.stackTrace)
        XCTAssertTrue(f.stackTrace.hasSuffix("wf.lua:5: in function <wf.lua:4>"), f.stackTrace)
    }

    func testRunawayLoopFailsTheTask() async {
        let answer = await run(pool("return function() while true do end end"), firstTask())
        guard case .failed(_, let f) = answer else { return XCTFail("\(answer)") }
        XCTAssertTrue(f.message.contains("instruction budget"), f.message)
    }

    func testSyntaxErrorNamesFileAndLine() async {
        let answer = await run(pool("return function()\n  local x = \nend"), firstTask())
        guard case .failed(_, let f) = answer else { return XCTFail("\(answer)") }
        XCTAssertTrue(f.message.contains("wf.lua:3:"), f.message)
    }

    func testSandboxForbidsIOAndUnlistedModules() async {
        for (src, needle) in [("return function() io.open('x') end", "io"),
                              ("return function() os.execute('ls') end", "os.execute"),
                              ("return function() require('http_client') end", "http_client")] {
            let answer = await run(pool(src), firstTask())
            guard case .failed(_, let f) = answer else { XCTFail("\(src): \(answer)"); continue }
            XCTAssertTrue(f.message.contains(needle), "\(src): \(f.message)")
        }
    }

    func testClockAndRandomAreDeterministic() async {
        let src = """
        return function()
          local t = require('time').now()
          return {os_time = os.time(), unix = t:unix(), r1 = math.random(1, 1000000), r2 = math.random(1, 1000000),
                  start = require('workflow').info().start_time}
        end
        """
        let a = commands(await run(pool(src, modules: ["time", "workflow"]), firstTask()))
        let b = commands(await run(pool(src, modules: ["time", "workflow"]), firstTask()))
        XCTAssertEqual(a, b)
        guard case .completeWorkflowExecution(let result)? = a.first, case .object(let o) = json(result[0]) else {
            return XCTFail("\(a)")
        }
        // HistoryBuilder's first workflow task starts at 1_700_000_001.
        XCTAssertEqual(o["os_time"], .int(1_700_000_001))
        XCTAssertEqual(o["unix"], .int(1_700_000_001))
        XCTAssertEqual(o["start"], .int(1_700_000_000))
        XCTAssertNotEqual(o["r1"], o["r2"])
    }

    func testPairsOrderIsSortedAndStable() async {
        let src = """
        return function()
          local t = {}
          for i = 1, 50 do t["k" .. i] = i end
          local keys = {}
          for k in pairs(t) do keys[#keys + 1] = k end
          return table.concat(keys, ",")
        end
        """
        let cmds = commands(await run(pool(src), firstTask()))
        let expected = (1...50).map { "k\($0)" }.sorted().joined(separator: ",")
        XCTAssertEqual(cmds, [.completeWorkflowExecution(result: [encode(.string(expected))])])
    }

    func testBadActivityOptionReturnsError() async {
        let src = """
        local funcs = require('funcs')
        return function()
          local r, err = funcs.new():with_options({['activity.start_to_close'] = '1s'}):call('x:y')
          return {r = r, kind = err:kind(), msg = err:message()}
        end
        """
        let cmds = commands(await run(pool(src), firstTask()))
        XCTAssertEqual(cmds, [.completeWorkflowExecution(result: [encode(.object([
            "kind": .string("INVALID"), "msg": .string("unknown activity option activity.start_to_close")]))])])
    }

    func testGeneratorsStillWork() async {
        let src = """
        return function()
          local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * 10) end end)
          return gen() + gen() + gen()
        end
        """
        let cmds = commands(await run(pool(src), firstTask()))
        XCTAssertEqual(cmds, [.completeWorkflowExecution(result: [encode(.int(60))])])
    }

    func testUnknownWorkflowTypeListsRegisteredTypes() async {
        var t = task()
        t.workflowType = "nope"
        let answer = await pool("return function() end").run(t, events: firstTask())
        guard case .failed(_, let f) = answer else { return XCTFail("\(answer)") }
        XCTAssertTrue(f.message.contains("nope") && f.message.contains("test:wf"), f.message)
    }
}

/// A NUL in an error message must not make the failure unsendable
/// (protobuf-c strings are C strings).
final class NULInErrorsTests: LuaWorkflowTestCase {
    func testNULInRuntimeAndValueErrorsIsReplaced() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        h.workflowTask()
        let task = await run(pool("return function() error('bad\\0byte') end"), h.events)
        guard case .failed(_, let f) = task else { return XCTFail("\(task)") }
        XCTAssertFalse(f.message.unicodeScalars.contains("\u{0}"), f.message)
        XCTAssertTrue(f.message.contains("bad\u{FFFD}byte"), f.message)
        let value = commands(await run(pool("return function() return nil, errors.new{kind='X', message='a\\0b'} end"), h.events))
        guard case .failWorkflowExecution(let failure)? = value.first else { return XCTFail("\(value)") }
        XCTAssertEqual(failure.message, "a\u{FFFD}b")
    }
}

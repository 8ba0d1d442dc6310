import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Queries answered from the workflow's state: handlers, __stack_trace,
/// read-only enforcement, and query tasks answered by a fresh replay.
final class QueryTests: LuaWorkflowTestCase {
    static let source = """
    local workflow, funcs = require('workflow'), require('funcs')
    return function()
      local state = {step = "waiting"}
      workflow.on_query("state", function(field) return field and state[field] or state end, "the workflow's state")
      workflow.on_query("bad", function() funcs.call("x:y") end)
      workflow.on_query("blocks", function() process.listen("never"):receive() end)
      local v = process.listen("go"):receive()
      state.step = "got " .. tostring(v)
      process.listen("never"):receive()
    end
    """

    func task(queries: [String: WorkflowQuery] = [:], query: WorkflowQuery? = nil, previousStarted: Int64 = 0) -> WorkflowTask {
        WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-1", runId: "run-1"),
                     workflowType: "test:wf", previousStartedEventId: previousStarted, query: query, queries: queries)
    }

    func history(signal: Bool) -> [HistoryEvent] {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        let t1 = h.workflowTask()
        if signal {
            h.workflowTaskCompleted(started: t1)
            h.signaled(name: "go", input: [encode(.int(7))])
            h.workflowTask()
        }
        return h.events
    }

    func results(_ answer: WorkflowTaskAnswer) -> [String: WorkflowQueryResult] {
        if case .completed(_, let r, _) = answer { return r }
        XCTFail("\(answer)")
        return [:]
    }

    func testBufferedQueriesAreAnsweredWithTheTask() async {
        let answer = await pool(Self.source).run(task(queries: [
            "a": WorkflowQuery(queryType: "state"),
            "b": WorkflowQuery(queryType: "state", queryArgs: [encode(.string("step"))]),
            "c": WorkflowQuery(queryType: "nope"),
        ]), events: history(signal: false))
        let r = results(answer)
        XCTAssertEqual(r["a"]?.resultType, .answered)
        XCTAssertEqual(r["a"]?.answer.map(json), [.object(["step": .string("waiting")])])
        XCTAssertEqual(r["b"]?.answer.map(json), [.string("waiting")])
        XCTAssertEqual(r["c"]?.resultType, .failed)
        XCTAssertTrue((r["c"]?.errorMessage ?? "").contains("unknown queryType nope"), (r["c"]?.errorMessage ?? ""))
        XCTAssertTrue((r["c"]?.errorMessage ?? "").contains("__stack_trace") && (r["c"]?.errorMessage ?? "").contains("state"))
    }

    func testQueriesMayNotChangeOrBlock() async {
        let answer = await pool(Self.source).run(task(queries: [
            "bad": WorkflowQuery(queryType: "bad"), "blocks": WorkflowQuery(queryType: "blocks"),
            "after": WorkflowQuery(queryType: "state"),
        ]), events: history(signal: false))
        let r = results(answer)
        XCTAssertEqual(r["bad"]?.resultType, .failed)
        XCTAssertTrue((r["bad"]?.errorMessage ?? "").contains("may not change the workflow"), (r["bad"]?.errorMessage ?? ""))
        XCTAssertEqual(r["blocks"]?.resultType, .failed)
        XCTAssertTrue((r["blocks"]?.errorMessage ?? "").contains("may not block"), (r["blocks"]?.errorMessage ?? ""))
        // The failed handlers left no command behind.
        guard case .completed(let commands, _, _) = answer else { return XCTFail("\(answer)") }
        XCTAssertEqual(commands, [])
        XCTAssertEqual(r["after"]?.answer.map(json), [.object(["step": .string("waiting")])])
    }

    func testStackTraceNamesTheLineEachCoroutineWaitsOn() async {
        let answer = await pool(Self.source).run(task(queries: ["s": WorkflowQuery(queryType: "__stack_trace")]),
                                                 events: history(signal: false))
        guard case .string(let trace)? = results(answer)["s"]?.answer.first.map(json) else { return XCTFail("no trace") }
        XCTAssertTrue(trace.contains("main (blocked)"), trace)
        XCTAssertTrue(trace.contains("wf.lua:7:"), trace)   // the line with process.listen("go"):receive()
        // no frame of Moonflow's own (stripped) chunks
        XCTAssertFalse(trace.contains("moonflow/") || trace.contains("?:"), trace)
    }

    func testQueryTaskReplaysTheHistoryIntoAFreshInstance() async {
        let p = pool(Self.source)
        let answer = await p.query(task(query: WorkflowQuery(queryType: "state", queryArgs: [encode(.string("step"))])),
                                   events: history(signal: true))
        guard case .result(let r) = answer else { return XCTFail("\(answer)") }
        XCTAssertEqual(r.answer.map(json), [.string("got 7")])
        let cached = await p.cachedRuns()
        XCTAssertEqual(cached, 0)
    }

    func testStickyQueryWithoutCachedRunAsksForHistory() async {
        let answer = await pool(Self.source).query(task(query: WorkflowQuery(queryType: "state")), events: [])
        guard case .needsFullHistory = answer else { return XCTFail("\(answer)") }
    }
}

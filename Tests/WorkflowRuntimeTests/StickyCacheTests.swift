import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// The sticky cache: a cached instance continues from a sticky task's new
/// events; a miss asks for the full history; a bound evicts.
final class StickyCacheTests: LuaWorkflowTestCase {
    static let source = """
    local funcs = require('funcs')
    return function()
      local a = funcs.call('test:a')
      local b = funcs.call('test:b', a)
      return b
    end
    """

    func cachedPool(_ bound: Int) -> WorkflowPool {
        let entry = WorkflowEntry(id: "test:wf", namespace: "test", name: "wf",
                                  source: LuaSource(text: Self.source, chunkName: "wf.lua", path: "wf.lua"),
                                  modules: ["funcs"], workerId: "test:worker")
        return WorkflowPool(registry: Registry(workflows: [entry]), workerId: "test:worker", namespace: "default",
                            threads: 1, maxCachedWorkflows: bound)
    }

    func task(run: String, previousStarted: Int64) -> WorkflowTask {
        WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-\(run)", runId: run),
                     workflowType: "test:wf", previousStartedEventId: previousStarted)
    }

    func history() -> (events: [HistoryEvent], t1: Int64, t2: Int64) {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        let a = h.activityScheduled(id: "1", type: "test:a")
        h.activityCompleted(scheduled: a, result: [encode(.string("A"))])
        let t2 = h.workflowTask()
        return (h.events, t1, t2)
    }

    func testStickyTaskContinuesTheCachedInstance() async {
        let p = cachedPool(10)
        let (events, t1, t2) = history()
        let first = await p.run(task(run: "r1", previousStarted: 0), events: Array(events.prefix(Int(t1))))
        XCTAssertEqual(commands(first).count, 1)
        let cached = await p.cachedRuns()
        XCTAssertEqual(cached, 1)
        // Only the new events, as a sticky poll delivers them.
        let second = await p.run(task(run: "r1", previousStarted: t1), events: Array(events[Int(t1)..<Int(t2)]))
        guard case .scheduleActivityTask(let b)? = commands(second).first else { return XCTFail("\(second)") }
        XCTAssertEqual(b.activityType, "test:b")
        XCTAssertEqual(b.input.map(json), [.string("A")])
    }

    func testPartialHistoryWithoutCachedRunAsksForFullHistory() async {
        let p = cachedPool(10)
        let (events, t1, t2) = history()
        let answer = await p.run(task(run: "r2", previousStarted: t1), events: Array(events[Int(t1)..<Int(t2)]))
        guard case .needsFullHistory = answer else { return XCTFail("expected a cache miss, got \(answer)") }
        let full = await p.run(task(run: "r2", previousStarted: t1), events: events)
        XCTAssertEqual(commands(full).count, 1)
    }

    func testEvictedRunIsAMiss() async {
        let p = cachedPool(10)
        let (events, t1, t2) = history()
        _ = await p.run(task(run: "r3", previousStarted: 0), events: Array(events.prefix(Int(t1))))
        await p.evict(runId: "r3")
        let answer = await p.run(task(run: "r3", previousStarted: t1), events: Array(events[Int(t1)..<Int(t2)]))
        guard case .needsFullHistory = answer else { return XCTFail("expected a cache miss, got \(answer)") }
    }

    func testBoundEvictsLeastRecentlyUsed() async {
        let p = cachedPool(2)
        let (events, t1, _) = history()
        for run in ["a", "b", "c"] {
            _ = await p.run(task(run: run, previousStarted: 0), events: Array(events.prefix(Int(t1))))
        }
        let cached = await p.cachedRuns()
        XCTAssertEqual(cached, 2)
        let (_, _, t2) = history()
        let oldest = await p.run(task(run: "a", previousStarted: t1), events: Array(events[Int(t1)..<Int(t2)]))
        guard case .needsFullHistory = oldest else { return XCTFail("run a should have been evicted") }
    }
}

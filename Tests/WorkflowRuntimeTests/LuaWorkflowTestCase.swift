import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Helpers: a registry with one workflow written inline, and a task for it.
class LuaWorkflowTestCase: XCTestCase {
    func pool(_ source: String, modules: [String] = ["funcs", "time", "workflow"], cacheSize: Int = 0) -> WorkflowPool {
        let entry = WorkflowEntry(id: "test:wf", namespace: "test", name: "wf",
                                  source: LuaSource(text: source, chunkName: "wf.lua", path: "wf.lua"),
                                  modules: modules, workerId: "test:worker")
        // A child workflow with a custom Temporal name on another worker.
        let child = WorkflowEntry(id: "test:child", namespace: "test", name: "child",
                                  source: LuaSource(text: "return function() end", chunkName: "child.lua", path: "child.lua"),
                                  workerId: "test:other", temporalName: "ChildType")
        let registry = Registry(workers: [WorkerEntry(id: "test:worker", clientId: "test:client", taskQueue: "tq"),
                                          WorkerEntry(id: "test:other", clientId: "test:client", taskQueue: "other-q")],
                                workflows: [entry, child])
        return WorkflowPool(registry: registry, workerId: "test:worker", namespace: "default", threads: 1,
                            maxCachedWorkflows: cacheSize)
    }

    func task(previousStarted: Int64 = 0) -> WorkflowTask {
        WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-1", runId: "run-1"),
                     workflowType: "test:wf", previousStartedEventId: previousStarted)
    }

    func run(_ pool: WorkflowPool, _ events: [HistoryEvent], previousStarted: Int64 = 0) async -> WorkflowTaskAnswer {
        await pool.run(task(previousStarted: previousStarted), events: events)
    }

    func commands(_ answer: WorkflowTaskAnswer, file: StaticString = #filePath, line: UInt = #line) -> [Command] {
        switch answer {
        case .completed(let c, _, _): return c
        case .failed(_, let failure):
            XCTFail("task failed: \(failure.message)\n\(failure.stackTrace)", file: file, line: line)
            return []
        case .needsFullHistory:
            XCTFail("unexpected cache miss", file: file, line: line)
            return []
        }
    }

    func json(_ p: Payload) -> JSONValue { (try? PayloadCodec.decode(p)) ?? .string("<undecodable>") }
    func encode(_ v: JSONValue) -> Payload { try! PayloadCodec.encode(v) }
}

import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// A workflow's code is compiled once per Lua state and run afresh for each
/// instance (ActivationRunner's `chunk_of`): instances share no top-level
/// state, errors keep their source lines, and a chunk that cannot be
/// wrapped still runs.
final class ChunkReuseTests: LuaWorkflowTestCase {
    func task(run: String) -> WorkflowTask {
        WorkflowTask(taskToken: [1], workflowExecution: WorkflowExecution(workflowId: "wf-\(run)", runId: run),
                     workflowType: "test:wf", previousStartedEventId: 0)
    }

    func firstTask() -> [HistoryEvent] {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        _ = h.workflowTask()
        return h.events
    }

    /// The result each of three instances (one Lua state) completes with.
    func results(_ source: String) async -> [JSONValue] {
        let p = pool(source)
        var out: [JSONValue] = []
        for run in ["r1", "r2", "r3"] {
            let answer = await p.run(task(run: run), events: firstTask())
            guard case .completeWorkflowExecution(let result)? = commands(answer).last else {
                XCTFail("\(answer)")
                return out
            }
            out.append(result.first.map(json) ?? .null)
        }
        return out
    }

    func testInstancesOfOneEntryShareNoTopLevelState() async {
        let source = """
        local count = 0
        seen = (seen or 0) + 1
        return function()
          count = count + 1
          return { count = count, seen = seen }
        end
        """
        let one: JSONValue = .object(["count": .int(1), "seen": .int(1)])
        let values = await results(source)
        XCTAssertEqual(values, [one, one, one])
    }

    func testAChunkTooBigToWrapStillRunsPerInstance() async {
        // 200 top-level locals: Lua's limit per function, so the wrapper's
        // extra _ENV parameter does not fit and each instance loads the
        // bytecode instead. `n` is a global: one per instance.
        let locals = (1...200).map { "local v\($0) = \($0)" }.joined(separator: "\n")
        let source = locals + "\nn = 0\nreturn function() n = n + 1; return v200 + n end"
        let values = await results(source)
        XCTAssertEqual(values, [.int(201), .int(201), .int(201)])
    }

    func testErrorsKeepTheSourceLine() async {
        let p = pool("local x = 1\nreturn function()\n  error('boom on line three')\nend")
        let answer = await p.run(task(run: "r1"), events: firstTask())
        guard case .failed(_, let failure) = answer else {
            // A string error fails the task (a bug in the code), with its line.
            return XCTFail("expected a task failure, got \(answer)")
        }
        XCTAssertTrue(failure.message.contains("wf.lua:3:"), failure.message)
    }
}

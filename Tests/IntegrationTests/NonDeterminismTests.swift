import Foundation
import XCTest

/// Deploying workflow code that no longer matches a running execution's
/// history fails the workflow *task* (not the execution) with a message
/// naming what history recorded and what the code did; deploying the fixed
/// code lets the same execution finish.
final class NonDeterminismTests: IntegrationTestCase {
    static func workflowSource(firstActivity: String) -> String {
        """
        local funcs = require("funcs")
        local time = require("time")

        local function main(input)
          local a, err = funcs.call("\(firstActivity)", input)
          if err then return nil, err end
          time.sleep("5s")
          local b, err2 = funcs.call("it:step_b", a)
          if err2 then return nil, err2 end
          return { a = a, b = b }
        end

        return { main = main }
        """
    }

    static let activities = """
        local M = {}
        function M.a(x) return "A(" .. tostring(x) .. ")" end
        function M.b(x) return "B(" .. tostring(x) .. ")" end
        function M.c(x) return "C(" .. tostring(x) .. ")" end
        return M
        """

    func testChangedCodeFailsTheTaskNamingBothActivitiesAndFixedCodeResumes() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("nd")
        let registry = try makeRegistry("nd")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: nd_workflow
                kind: workflow.lua
                source: file://nd_workflow.lua
                modules: [funcs, time]
                meta: {temporal: {workflow: {worker: worker}}}
              - {name: step_a, kind: function.lua, source: file://steps.lua, method: a, meta: {temporal: {activity: {worker: worker}}}}
              - {name: step_b, kind: function.lua, source: file://steps.lua, method: b, meta: {temporal: {activity: {worker: worker}}}}
              - {name: step_c, kind: function.lua, source: file://steps.lua, method: c, meta: {temporal: {activity: {worker: worker}}}}
            """))
        try registry.write("steps.lua", Self.activities)
        try registry.write("nd_workflow.lua", Self.workflowSource(firstActivity: "it:step_a"))

        let original = try await startDaemon(registry, label: "nd-original")
        let id = unique("nd")
        // The workflow type defaults to the entry id. A short task timeout
        // makes the retries of the failing task (not reported after the
        // first attempt) come back quickly.
        try await cli.start(type: "it:nd_workflow", queue: queue, id: id, input: #""x""#,
                            extra: ["--task-timeout", "2s"])
        _ = try await cli.waitForHistory(id, "TimerStarted", timeout: .seconds(30), check: { try original.ensureAlive() },
                                         context: { original.describe() }) { !$0.of("TimerStarted").isEmpty }
        try await stopCleanly(original)
        let beforeDeploy = try await cli.history(id)
        XCTAssertTrue(beforeDeploy.of("TimerFired").isEmpty,
                      "the timer fired before the daemon was stopped (machine too slow?); the test cannot go on:\(beforeDeploy.summary)")
        if !beforeDeploy.of("TimerFired").isEmpty { return }

        // Deploy incompatible code: C where history recorded A.
        try registry.write("nd_workflow.lua", Self.workflowSource(firstActivity: "it:step_c"))
        let broken = try await startDaemon(registry, label: "nd-broken")
        let failedHistory = try await cli.waitForHistory(id, "WorkflowTaskFailed", timeout: .seconds(30),
                                                         check: { try broken.ensureAlive() },
                                                         context: { broken.describe() }) {
            !$0.of("WorkflowTaskFailed").isEmpty || $0.closeEvent != nil
        }
        try await stopCleanly(broken)

        XCTAssertNil(failedHistory.closeEvent, "the execution must not close on a determinism error:\(failedHistory.summary)")
        let failure = try XCTUnwrap(failedHistory.of("WorkflowTaskFailed").first)
        let message = failure.failureMessage ?? ""
        XCTAssertTrue(message.contains("it:step_a"), "the message should name the recorded activity it:step_a: \(message)")
        XCTAssertTrue(message.contains("it:step_c"), "the message should name the new activity it:step_c: \(message)")
        XCTAssertTrue(message.contains(id) || message.contains("it:nd_workflow"),
                      "the message should name the workflow: \(message)")
        XCTAssertEqual(failure.cause, "WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR", failure.attributesJSON)
        XCTAssertEqual(failedHistory.of("WorkflowTaskFailed").count, 1,
                       "only the first failed attempt is written:\(failedHistory.summary)")
        // Nothing was scheduled by the broken code.
        XCTAssertEqual(failedHistory.of("ActivityTaskScheduled").map { $0.activityType ?? "?" }, ["it:step_a"])

        // Revert: the same execution resumes and completes.
        try registry.write("nd_workflow.lua", Self.workflowSource(firstActivity: "it:step_a"))
        let fixed = try await startDaemon(registry, label: "nd-fixed")
        let done = try await cli.waitForClose(id, timeout: .seconds(90), context: { fixed.describe() })
        XCTAssertEqual(done.closeEvent?.type, "WorkflowExecutionCompleted", done.summary + "\n" + daemonLogs())
        XCTAssertEqual(done.closeEvent?.firstResultPayload, #"{"a":"A(x)","b":"B(A(x))"}"#)
        XCTAssertEqual(done.of("ActivityTaskScheduled").map { $0.activityType ?? "?" }, ["it:step_a", "it:step_b"],
                       done.summary)
        try await stopCleanly(fixed)
    }
}

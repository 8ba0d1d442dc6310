import Foundation
import XCTest

/// SPEC §2 cancellation with cleanup: a workflow that called
/// `process.events()` receives `process.event.CANCEL` when cancelled with
/// `temporal workflow cancel`, runs a compensation activity and ends
/// CANCELED. The daemon is SIGKILLed while the workflow waits; the cancel
/// request arrives while no worker runs.
final class CancellationPatternTests: IntegrationTestCase {
    static let workflow = """
        local funcs = require("funcs")

        return function(order)
          local events = process.events()
          local payment = funcs.call("it:charge", order.id)
          while true do
            local ev = events:receive()
            if ev.kind == process.event.CANCEL then
              local refund = funcs.call("it:refund", payment)
              return nil, errors.new({kind = errors.CANCELED, message = "cancelled after " .. refund})
            end
          end
        end
        """

    static let activities = """
        local M = {}
        function M.charge(id) return "pay-" .. id end
        function M.refund(p) return "refund-" .. p end
        return M
        """

    func testCancelRunsCompensationAndEndsCanceledAcrossKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("cancel")
        let registry = try makeRegistry("cancel")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: cancellable
                kind: workflow.lua
                source: file://cancellable.lua
                modules: [funcs, errors]
                meta: {temporal: {workflow: {worker: worker, name: CancellableWorkflow}}}
              - {name: charge, kind: function.lua, source: file://pay.lua, method: charge, meta: {temporal: {activity: {worker: worker}}}}
              - {name: refund, kind: function.lua, source: file://pay.lua, method: refund, meta: {temporal: {activity: {worker: worker}}}}
            """))
        try registry.write("cancellable.lua", Self.workflow)
        try registry.write("pay.lua", Self.activities)

        let first = try await startDaemon(registry, label: "cancel-1")
        let id = unique("cancel")
        try await cli.start(type: "CancellableWorkflow", queue: queue, id: id, input: #"{"id":"C9"}"#)
        _ = try await cli.waitForHistory(id, "the charge and an idle workflow", timeout: .seconds(30),
                                         check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("ActivityTaskCompleted").isEmpty && $0.isIdle
        }
        first.kill9()
        try await cli.ok(["workflow", "cancel", "--workflow-id", id])
        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "cancel-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCanceled", history.summary + "\n" + daemonLogs())
        let status = try await cli.status(id)
        XCTAssertEqual(status, "WORKFLOW_EXECUTION_STATUS_CANCELED")
        XCTAssertEqual(history.of("WorkflowExecutionCancelRequested").count, 1, history.summary)
        // The compensation ran after the cancel request, once.
        XCTAssertEqual(history.scheduledActivities, ["it:charge", "it:refund"], history.summary)
        let requested = try XCTUnwrap(history.of("WorkflowExecutionCancelRequested").first)
        let refund = try XCTUnwrap(history.of("ActivityTaskScheduled").last)
        XCTAssertGreaterThan(refund.id, requested.id, history.summary)
        XCTAssertEqual(refund.firstResultPayload, #""pay-C9""#, history.summary)
        let refundDone = history.of("ActivityTaskCompleted").last
        XCTAssertEqual(refundDone?.firstResultPayload, #""refund-pay-C9""#, history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")

        try await Patterns.record("cancellation", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}

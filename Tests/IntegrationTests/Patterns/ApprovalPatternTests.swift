import Foundation
import XCTest

/// SPEC §2 approval by signal: the workflow listens on "approve" and reads
/// any other signal from `process.inbox()`. An unrelated signal is sent
/// first (while the daemon runs), then the daemon is SIGKILLed, the
/// approval is sent while no worker runs, and a new daemon finishes the
/// workflow: the early signal is neither lost nor delivered twice.
final class ApprovalPatternTests: IntegrationTestCase {
    static let workflow = """
        local funcs = require("funcs")

        return function(request)
          local approvals = process.listen("approve")
          local ticket = funcs.call("it:open_ticket", request)
          local by = approvals:receive()
          local msg = process.inbox():receive()
          local done = funcs.call("it:close_ticket", ticket, by)
          return {ticket = ticket, by = by, done = done,
                  other = msg:topic(), data = msg:payload():data(), from = msg:from()}
        end
        """

    static let activities = """
        local M = {}
        function M.open(req) return "T-" .. req.id end
        function M.close(ticket, by) return ticket .. " approved by " .. by end
        return M
        """

    func testApprovalBySignalAfterUnrelatedSignalSurvivesKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("approval")
        let registry = try makeRegistry("approval")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: approval
                kind: workflow.lua
                source: file://approval.lua
                modules: [funcs]
                meta: {temporal: {workflow: {worker: worker, name: ApprovalWorkflow}}}
              - {name: open_ticket, kind: function.lua, source: file://tickets.lua, method: open, meta: {temporal: {activity: {worker: worker}}}}
              - {name: close_ticket, kind: function.lua, source: file://tickets.lua, method: close, meta: {temporal: {activity: {worker: worker}}}}
            """))
        try registry.write("approval.lua", Self.workflow)
        try registry.write("tickets.lua", Self.activities)

        let first = try await startDaemon(registry, label: "approval-1")
        let id = unique("approval")
        try await cli.start(type: "ApprovalWorkflow", queue: queue, id: id, input: #"{"id":"R7"}"#)
        // Ticket opened, now blocked on the approval.
        _ = try await cli.waitForHistory(id, "the ticket and an idle workflow", timeout: .seconds(30),
                                         check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("ActivityTaskCompleted").isEmpty && $0.isIdle
        }
        try await cli.signal(id, "note", input: #"{"text":"please hurry"}"#)
        // The daemon has seen the unrelated signal (a task completed after it).
        let mid = try await cli.waitForHistory(id, "the note handled", timeout: .seconds(30),
                                               check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("WorkflowExecutionSignaled").isEmpty && $0.isIdle
        }
        XCTAssertEqual(mid.scheduledActivities, ["it:open_ticket"], mid.summary)

        first.kill9()
        try await cli.signal(id, "approve", input: #""alice""#)
        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "approval-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemonLogs())
        XCTAssertEqual(history.closeEvent?.firstResultPayload,
                       #"{"by":"alice","data":{"text":"please hurry"},"done":"T-R7 approved by alice","other":"note","ticket":"T-R7"}"#)
        XCTAssertEqual(history.scheduledActivities, ["it:open_ticket", "it:close_ticket"], history.summary)
        XCTAssertEqual(history.of("WorkflowExecutionSignaled").count, 2, history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")

        try await Patterns.record("approval", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}

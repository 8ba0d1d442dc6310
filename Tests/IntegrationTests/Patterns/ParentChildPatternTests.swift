import Foundation
import XCTest

/// SPEC §2 parent/child: `process.exec` of a child that fails returns
/// `nil, err` with the child's error kind; `workflow.exec` of a child with
/// a custom `meta.temporal.workflow.name` returns its result. The daemon is
/// SIGKILLed while the second child sleeps in a durable timer.
final class ParentChildPatternTests: IntegrationTestCase {
    static let parent = """
        local workflow = require("workflow")

        return function(order)
          local r1, err = process.exec("it:inventory", "it:worker", order)
          local r2, err2 = workflow.exec("it:invoice", order)
          return {
            first = {value = r1, kind = err and err:kind(), retryable = err and err:retryable(),
                     message = err and err:message()},
            second = {value = r2, err = err2 and tostring(err2)},
          }
        end
        """

    static let inventory = """
        return function(order)
          return nil, errors.new({kind = "OUT_OF_STOCK", message = "no stock for " .. order.id, retryable = false})
        end
        """

    static let invoice = """
        local funcs = require("funcs")
        local time = require("time")
        return function(order)
          time.sleep("3s")
          return funcs.call("it:make_invoice", order.id)
        end
        """

    func testFailingChildAndNamedChildSurviveKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("family")
        let registry = try makeRegistry("family")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: parent
                kind: workflow.lua
                source: file://parent.lua
                modules: [workflow]
                meta: {temporal: {workflow: {worker: worker, name: ParentWorkflow}}}
              - name: inventory
                kind: workflow.lua
                source: file://inventory.lua
                modules: [errors]
                meta: {temporal: {workflow: {worker: worker}}}
              - name: invoice
                kind: workflow.lua
                source: file://invoice.lua
                modules: [funcs, time]
                meta: {temporal: {workflow: {worker: worker, name: InvoiceWorkflow}}}
              - name: make_invoice
                kind: function.lua
                source: file://make_invoice.lua
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("parent.lua", Self.parent)
        try registry.write("inventory.lua", Self.inventory)
        try registry.write("invoice.lua", Self.invoice)
        try registry.write("make_invoice.lua", #"return function(id) return "INV-" .. id end"#)

        let first = try await startDaemon(registry, label: "family-1")
        let id = unique("family")
        try await cli.start(type: "ParentWorkflow", queue: queue, id: id, input: #"{"id":"P3"}"#)
        let mid = try await cli.waitForHistory(id, "the second child started", timeout: .seconds(30),
                                               check: { try first.ensureAlive() }, context: { first.describe() }) {
            $0.of("ChildWorkflowExecutionStarted").count == 2 && $0.isIdle
        }
        XCTAssertEqual(mid.of("ChildWorkflowExecutionFailed").count, 1, mid.summary)
        let childId = "\(id)/2"
        _ = try await cli.waitForHistory(childId, "the child's timer", timeout: .seconds(30),
                                         check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("TimerStarted").isEmpty && $0.isIdle
        }

        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "family-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemonLogs())
        XCTAssertEqual(history.closeEvent?.firstResultPayload,
                       #"{"first":{"kind":"OUT_OF_STOCK","message":"no stock for P3","retryable":false},"second":{"value":"INV-P3"}}"#,
                       history.summary)
        // The custom Temporal name is used; each child started exactly once.
        XCTAssertEqual(history.childTypes, ["it:inventory", "InvoiceWorkflow"], history.summary)
        XCTAssertEqual(history.of("ChildWorkflowExecutionFailed").count, 1, history.summary)
        XCTAssertEqual(history.of("ChildWorkflowExecutionCompleted").count, 1, history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")

        let child = try await cli.history(childId)
        XCTAssertEqual(child.closeEvent?.type, "WorkflowExecutionCompleted", child.summary)
        XCTAssertEqual(child.scheduledActivities, ["it:make_invoice"], child.summary)
        XCTAssertTrue(child.failedTasks.isEmpty, child.summary)
        let failedChild = try await cli.history("\(id)/1")
        XCTAssertEqual(failedChild.closeEvent?.type, "WorkflowExecutionFailed", failedChild.summary)
        XCTAssertEqual(failedChild.closeEvent?.failureType, "OUT_OF_STOCK", failedChild.summary)

        try await Patterns.record("parent_child", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}

import Foundation
import XCTest

/// SPEC §2 context: `process.with_context{...}:exec(child)` carries the
/// values to the child workflow and, two levels down, to an activity the
/// child calls (`ctx.get` there). The daemon is SIGKILLed while the child
/// sleeps in a durable timer, before it calls the activity.
final class ContextPatternTests: IntegrationTestCase {
    static let parent = """
        local ctx = require("ctx")
        return function(req)
          local own = ctx.get("tenant")
          local r, err = process.with_context({tenant = req.tenant, trace = "t-" .. req.id})
            :with_options({["temporal.workflow.id"] = req.child_id})
            :exec("it:ctx_child", "it:worker", req.id)
          if err then return nil, err end
          return {child = r, parent_sees = own or "none"}
        end
        """

    static let child = """
        local ctx = require("ctx")
        local funcs = require("funcs")
        local time = require("time")
        return function(id)
          local mine = ctx.get("tenant")
          time.sleep("3s")
          local from_activity = funcs.call("it:read_context", id)
          return {workflow = mine, activity = from_activity}
        end
        """

    static let activity = """
        local ctx = require("ctx")
        return function(id)
          local all = ctx.all()
          return {id = id, tenant = ctx.get("tenant"), trace = ctx.get("trace"), keys = #(function()
            local ks = {} for k in pairs(all) do ks[#ks + 1] = k end return ks end)()}
        end
        """

    func testContextReachesActivityTwoLevelsDownAcrossKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("context")
        let registry = try makeRegistry("context")
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: ctx_parent
                kind: workflow.lua
                source: file://ctx_parent.lua
                modules: [ctx]
                meta: {temporal: {workflow: {worker: worker, name: ContextParent}}}
              - name: ctx_child
                kind: workflow.lua
                source: file://ctx_child.lua
                modules: [ctx, funcs, time]
                meta: {temporal: {workflow: {worker: worker, name: ContextChild}}}
              - name: read_context
                kind: function.lua
                source: file://read_context.lua
                modules: [ctx]
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("ctx_parent.lua", Self.parent)
        try registry.write("ctx_child.lua", Self.child)
        try registry.write("read_context.lua", Self.activity)

        let first = try await startDaemon(registry, label: "context-1")
        let id = unique("context")
        let childId = id + "-child"
        try await cli.start(type: "ContextParent", queue: queue, id: id,
                            input: #"{"id":"X1","tenant":"acme","child_id":"\#(childId)"}"#)
        _ = try await cli.waitForHistory(childId, "the child's timer", timeout: .seconds(30),
                                         check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("TimerStarted").isEmpty && $0.isIdle
        }
        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "context-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        XCTAssertEqual(history.closeEvent?.type, "WorkflowExecutionCompleted", history.summary + "\n" + daemonLogs())
        XCTAssertEqual(history.closeEvent?.firstResultPayload,
                       #"{"child":{"activity":{"id":"X1","keys":2,"tenant":"acme","trace":"t-X1"},"workflow":"acme"},"parent_sees":"none"}"#,
                       history.summary)
        XCTAssertEqual(history.childTypes, ["ContextChild"], history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")
        let child = try await cli.history(childId)
        XCTAssertEqual(child.scheduledActivities, ["it:read_context"], child.summary)
        XCTAssertTrue(child.failedTasks.isEmpty, child.summary)
        // The activity ran in the new daemon, after the crash.
        XCTAssertEqual(child.of("ActivityTaskStarted").first?.identity?.hasPrefix("\(second.pid)@"), true, child.summary)

        try await Patterns.record("context", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await Patterns.record("context_child", workflowId: childId, registry: registry,
                                  serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}

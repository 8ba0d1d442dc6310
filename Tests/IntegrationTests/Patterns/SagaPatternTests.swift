import Foundation
import XCTest

/// SPEC §2 saga: three steps, each pushing its compensation; the third
/// fails non-retryably, so the compensations of steps 2 and 1 run in
/// reverse order and the workflow fails with the step's error. The daemon
/// is killed with SIGKILL while the workflow sleeps between steps 2 and 3.
final class SagaPatternTests: IntegrationTestCase {
    static let workflow = """
        local funcs = require("funcs")
        local time = require("time")

        local function main(order)
          local act = funcs.new():with_options({
            ["activity.start_to_close_timeout"] = "5s",
            ["activity.retry_policy"] = {maximum_attempts = 5, initial_interval = "200ms"},
          })
          local undo = {}
          local done = {}
          local function step(name, comp, arg)
            local r, err = act:call(name, arg)
            if err then return nil, err end
            done[#done + 1] = r
            undo[#undo + 1] = {comp, r}
            return r
          end
          local function compensate(err)
            local log = {}
            for i = #undo, 1, -1 do
              local r, cerr = act:call(undo[i][1], undo[i][2])
              log[#log + 1] = r or ("compensation failed: " .. tostring(cerr))
            end
            return nil, errors.new({kind = err:kind(), retryable = false,
              message = err:message() .. "; compensated: " .. table.concat(log, ",")})
          end

          local _, e1 = step("it:reserve", "it:release", order.id)
          if e1 then return compensate(e1) end
          local _, e2 = step("it:charge", "it:refund", order.id)
          if e2 then return compensate(e2) end
          time.sleep("3s")
          local _, e3 = step("it:ship", "it:unship", order.id)
          if e3 then return compensate(e3) end
          return {done = done}
        end
        return {main = main}
        """

    static let activities = """
        local M = {}
        function M.reserve(id) return "reserved-" .. id end
        function M.release(x) return "released(" .. x .. ")" end
        function M.charge(id) return "charged-" .. id end
        function M.refund(x) return "refunded(" .. x .. ")" end
        function M.ship(id)
          return nil, errors.new({kind = "NO_ADDRESS", message = "order " .. id .. " has no address", retryable = false})
        end
        function M.unship(x) return "unshipped(" .. x .. ")" end
        return M
        """

    func testSagaCompensatesInReverseOrderAndSurvivesKill9() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("saga")
        let registry = try makeRegistry("saga")
        let act = { (name: String) in
            "  - {name: \(name), kind: function.lua, source: file://saga_steps.lua, method: \(name), modules: [errors], meta: {temporal: {activity: {worker: worker}}}}\n"
        }
        try registry.write("it.yaml", Patterns.yaml(address: server.address, queue: queue, entries: """
              - name: saga
                kind: workflow.lua
                source: file://saga.lua
                modules: [funcs, time, errors]
                meta: {temporal: {workflow: {worker: worker, name: SagaWorkflow}}}
            \(["reserve", "release", "charge", "refund", "ship", "unship"].map(act).joined())
            """))
        try registry.write("saga.lua", Self.workflow)
        try registry.write("saga_steps.lua", Self.activities)

        let first = try await startDaemon(registry, label: "saga-1")
        let id = unique("saga")
        try await cli.start(type: "SagaWorkflow", queue: queue, id: id, input: #"{"id":"S1"}"#)
        let mid = try await cli.waitForHistory(id, "the sleep between steps 2 and 3", timeout: .seconds(30),
                                               check: { try first.ensureAlive() }, context: { first.describe() }) {
            !$0.of("TimerStarted").isEmpty
        }
        XCTAssertEqual(mid.scheduledActivities, ["it:reserve", "it:charge"], mid.summary)

        let second = try await crashAndRestart(first, registry: registry, workflowId: id, cli: cli, label: "saga-2")
        let history = try await cli.waitForClose(id, timeout: .seconds(60), context: { self.daemonLogs() })

        let close = try XCTUnwrap(history.closeEvent, history.summary)
        XCTAssertEqual(close.type, "WorkflowExecutionFailed", history.summary + "\n" + daemonLogs())
        XCTAssertEqual(close.failureType, "NO_ADDRESS", close.attributesJSON)
        XCTAssertEqual(close.failureMessage,
                       "order S1 has no address; compensated: refunded(charged-S1),released(reserved-S1)",
                       close.attributesJSON)
        // Steps in order, then compensations in reverse order; each once.
        XCTAssertEqual(history.scheduledActivities,
                       ["it:reserve", "it:charge", "it:ship", "it:refund", "it:release"], history.summary)
        // The non-retryable failure was not retried.
        let shipFailed = history.of("ActivityTaskFailed")
        XCTAssertEqual(shipFailed.count, 1, history.summary)
        XCTAssertEqual(shipFailed.first?.failureType, "NO_ADDRESS")
        XCTAssertEqual(shipFailed.first?.nonRetryable, true)
        XCTAssertEqual(history.of("TimerStarted").count, 1, history.summary)
        XCTAssertTrue(history.failedTasks.isEmpty, "replay after the crash must not fail a task:\(history.summary)")
        // The steps after the crash ran in the new daemon.
        let started = history.of("ActivityTaskStarted")
        XCTAssertEqual(started.last?.identity?.hasPrefix("\(second.pid)@"), true, history.summary)

        try await Patterns.record("saga", workflowId: id, registry: registry, serverAddress: server.address, cli: cli)
        try await stopCleanly(second)
    }
}
